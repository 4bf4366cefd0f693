package org.eelt.freeenergy.explore;

import org.eelt.freeenergy.cv.CvSet;
import org.eelt.freeenergy.cv.CvTermPotential;
import org.eelt.freeenergy.net.EnsemblePoint;
import org.eelt.freeenergy.net.FreeEnergyEnsemble;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Structure;

/**
 * Biased MD in full space (reinforced dynamics): a potential plus
 * <pre>
 *   U_bias(x) = −c · σ(ε(s(x))) · (Ā(s(x)) − A_ref)
 *   σ(ε) = 1 for ε ≤ e0,  0 for ε ≥ e1,  ½(1 + cos(π (ε − e0)/(e1 − e0))) between
 * </pre>
 * with Ā and ε the ensemble's mean free energy and mean-force deviation, c the eV per ensemble energy
 * unit (1 for eV, {@code EnergyUnit.KJ_PER_MOL.inEv()} for kJ/mol) and A_ref an offset (U's value
 * where σ switches depends on Ā's additive constant; A_ref fixes it, e.g. the minimum of Ā seen so
 * far). The force is exactly −∂U_bias/∂x (conservative), including the switch:
 * <pre>
 *   ∂U/∂s = −c [σ ∇_s Ā + (Ā − A_ref) σ'(ε) ∇_s ε],   F_bias = −(∂s/∂x)ᵀ ∂U/∂s
 * </pre>
 * with ∇_s ε from {@link FreeEnergyEnsemble#evaluate(double[], boolean)} (exact Hessian–vector
 * products). Usable with the explorer's MD engine as any {@link Potential}. Energies eV, forces eV/Å.
 * Its virial term uses the positions as given (exact for isolated systems; NVT for periodic cells).
 */
public final class EnsembleBiasPotential extends CvTermPotential {
    private final FreeEnergyEnsemble ensemble;
    private final double e0;
    private final double e1;
    private final double evPerUnit;
    private final double reference;

    /**
     * @param base      the physical potential
     * @param cvs       the CVs (same order and number as the ensemble's)
     * @param ensemble  the free-energy ensemble
     * @param e0        lower trust level (ε unit = energy per CV unit), σ = 1 below
     * @param e1        upper trust level (&gt; e0), σ = 0 above
     * @param evPerUnit eV per ensemble energy unit (&gt; 0)
     * @param reference A_ref in the ensemble's energy unit
     */
    public EnsembleBiasPotential(Potential base, CvSet cvs, FreeEnergyEnsemble ensemble, double e0, double e1,
                                 double evPerUnit, double reference) {
        super(base, cvs);
        if (cvs.dimension() != ensemble.dimension()) {
            throw new IllegalArgumentException("bias: " + cvs.dimension() + " CVs but the free-energy ensemble has "
                    + ensemble.dimension());
        }
        if (!(e0 >= 0) || !(e1 > e0) || !Double.isFinite(e1)) {
            throw new IllegalArgumentException("bias trust levels need 0 <= e0 < e1, got e0=" + e0 + " e1=" + e1);
        }
        if (!(evPerUnit > 0) || !Double.isFinite(reference)) {
            throw new IllegalArgumentException("bias needs eV per unit > 0 and a finite reference, got " + evPerUnit
                    + ", " + reference);
        }
        this.ensemble = ensemble;
        this.e0 = e0;
        this.e1 = e1;
        this.evPerUnit = evPerUnit;
        this.reference = reference;
    }

    /** @return {σ(ε), dσ/dε} of the cosine switch. */
    public static double[] switching(double eps, double e0, double e1) {
        if (eps <= e0) {
            return new double[] {1, 0};
        }
        if (eps >= e1) {
            return new double[] {0, 0};
        }
        double t = Math.PI * (eps - e0) / (e1 - e0);
        return new double[] {0.5 * (1 + Math.cos(t)), -0.5 * Math.PI / (e1 - e0) * Math.sin(t)};
    }

    /**
     * The bias alone.
     *
     * @param energy    U_bias in eV
     * @param forces    −∂U_bias/∂x (3N, eV/Å)
     * @param s         s(x)
     * @param deviation ε(s)
     * @param sigma     σ(ε)
     */
    public record Bias(double energy, double[] forces, double[] s, double deviation, double sigma) implements Term {
    }

    /** @return the bias at the structure's positions. */
    public Bias bias(Structure structure) {
        double[] x = structure.positions();
        int d = cvs.dimension();
        double[][] jac = new double[d][x.length];
        double[] s = cvs.valuesAndJacobian(x, structure.cell(), jac);
        EnsemblePoint p = ensemble.evaluate(s, false);
        double[] sw0 = switching(p.deviation(), e0, e1);
        boolean switching = sw0[1] != 0;
        if (switching) {
            p = ensemble.evaluate(s, true);
        }
        double a = p.meanA() - reference;
        double u = -evPerUnit * sw0[0] * a;
        double[] f = new double[x.length];
        for (int q = 0; q < d; q++) {
            double dUds = -evPerUnit * (sw0[0] * p.meanGradient()[q]
                    + (switching ? a * sw0[1] * p.deviationGradient()[q] : 0));
            for (int k = 0; k < x.length; k++) {
                f[k] -= dUds * jac[q][k];
            }
        }
        return new Bias(u, f, s, p.deviation(), sw0[0]);
    }

    @Override
    protected Term term(Structure structure) {
        return bias(structure);
    }
}
