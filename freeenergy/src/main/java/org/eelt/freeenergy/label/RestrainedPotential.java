package org.eelt.freeenergy.label;

import org.eelt.freeenergy.cv.CvSet;
import org.eelt.freeenergy.cv.CvTermPotential;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Structure;

/**
 * A potential plus the harmonic CV restraint
 * <pre>
 *   V_r(x) = Σ_q κ_q/2 · Δ_q²,   Δ_q = wrap(s_q(x) − s0_q),   F_r = −Σ_q κ_q Δ_q ∂s_q/∂x
 * </pre>
 * (periodic differences wrapped into (−π, π]). κ in eV per CV unit² (eV/Å², eV/rad²); energies eV,
 * forces eV/Å. The restraint's virial −Σ_k r_k ⊗ ∂V_r/∂r_k uses the positions as given (exact for
 * isolated systems; with periodic cells use it in NVT only). Its energy is spread equally over the
 * per-atom energies so that Σ E_i = E still holds. Immutable and thread-safe.
 */
public final class RestrainedPotential extends CvTermPotential {
    private final double[] s0;
    private final double[] kappa;

    /**
     * @param base  the physical potential (eV, Å)
     * @param cvs   the restrained CVs
     * @param s0    restraint centers (CV units), each inside its CV's domain
     * @param kappa spring constants κ_q &gt; 0 (eV per CV unit²)
     * @throws org.eelt.freeenergy.cv.CvDomainException when a center is outside its CV's domain
     */
    public RestrainedPotential(Potential base, CvSet cvs, double[] s0, double[] kappa) {
        super(base, cvs);
        cvs.requireValidCenter(s0);
        if (kappa == null || kappa.length != cvs.dimension()) {
            throw new IllegalArgumentException("restraint needs one spring constant per CV (" + cvs.dimension()
                    + "), got " + (kappa == null ? 0 : kappa.length));
        }
        for (int q = 0; q < kappa.length; q++) {
            if (!(kappa[q] > 0) || !Double.isFinite(kappa[q])) {
                throw new IllegalArgumentException("restraint spring constant of " + cvs.get(q).name()
                        + " must be > 0 eV/" + cvs.get(q).unit() + "^2, got " + kappa[q]);
            }
        }
        this.s0 = s0.clone();
        this.kappa = kappa.clone();
    }

    /**
     * The restraint alone at positions x.
     *
     * @param energy V_r in eV
     * @param values s(x)
     * @param delta  wrap(s − s0)
     * @param forces −∂V_r/∂x (3N, eV/Å)
     */
    public record Restraint(double energy, double[] values, double[] delta, double[] forces) implements Term {
    }

    /** @return V_r, s, Δ and the restraint forces at x (Å) in the structure's cell. */
    public Restraint restraint(Structure structure) {
        double[] x = structure.positions();
        int d = cvs.dimension();
        double[][] jac = new double[d][x.length];
        double[] s = cvs.valuesAndJacobian(x, structure.cell(), jac);
        double[] delta = cvs.delta(s, s0);
        double e = 0;
        double[] f = new double[x.length];
        for (int q = 0; q < d; q++) {
            e += 0.5 * kappa[q] * delta[q] * delta[q];
            double c = -kappa[q] * delta[q];
            for (int a = 0; a < x.length; a++) {
                f[a] += c * jac[q][a];
            }
        }
        return new Restraint(e, s, delta, f);
    }

    /** @return the restraint centers. */
    public double[] centers() {
        return s0.clone();
    }

    /** @return the spring constants κ (eV per CV unit²). */
    public double[] kappa() {
        return kappa.clone();
    }

    @Override
    protected Term term(Structure structure) {
        return restraint(structure);
    }
}
