package org.eelt.freeenergy.cv;

import java.util.List;

import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.potential.neighbor.NeighborList;
import org.eelt.protocol.atoms.Structure;

/**
 * Base of a potential that adds a CV-space energy term U(s(r)) (a restraint or a bias) to a
 * physical potential: same cut-off and species as the base; {@link #compute} is the base's result
 * with the term added by the pure function {@link #add}.
 *
 * <p>E' = E + U (eV); F' = F + F_U with F_U = −Σ_q ∂U/∂s_q ∇s_q (eV/Å, given by the caller);
 * Ξ'_pc = Ξ_pc + Σ_k r_kp F_U,kc (eV, the same r ⊗ F convention as {@link ForceResult}, positions
 * as stored in the structure); atomic energies, when the base has them, each get U/N so they still
 * sum to E'. Per-atom virials are dropped: those of the base no longer sum to the total.
 */
public abstract class CvTermPotential implements Potential {
    /** The physical potential (eV, Å). */
    protected final Potential base;
    /** The CVs the term depends on. */
    protected final CvSet cvs;

    /**
     * @param base the physical potential (eV, Å)
     * @param cvs  the CVs of the term
     */
    protected CvTermPotential(Potential base, CvSet cvs) {
        this.base = base;
        this.cvs = cvs;
    }

    /** The added term at one configuration. */
    public interface Term {
        /** @return U, eV */
        double energy();

        /** @return F_U = −∂U/∂r, 3N values in eV/Å */
        double[] forces();
    }

    /** @return the term U and its forces at the structure's positions (Å) in its cell. */
    protected abstract Term term(Structure structure);

    /** @return the physical potential. */
    public Potential base() {
        return base;
    }

    /** @return the CVs. */
    public CvSet cvs() {
        return cvs;
    }

    @Override
    public double cutoff() {
        return base.cutoff();
    }

    @Override
    public List<String> species() {
        return base.species();
    }

    @Override
    public final ForceResult compute(Structure structure, NeighborList neighbors) {
        ForceResult r = base.compute(structure, neighbors);
        Term t = term(structure);
        return add(r, structure, t.energy(), t.forces());
    }

    /**
     * @param base      the physical potential's result for {@code structure}
     * @param structure the N atoms the result is for (positions in Å)
     * @param energy    U, eV
     * @param forces    F_U, 3N values in eV/Å
     * @return the result with U added
     */
    public static ForceResult add(ForceResult base, Structure structure, double energy, double[] forces) {
        double[] f = base.forces().clone();
        double[] vir = base.virial().clone();
        double[] x = structure.positions();
        int n = structure.size();
        for (int a = 0; a < f.length; a++) {
            f[a] += forces[a];
        }
        for (int k = 0; k < n; k++) {
            for (int p = 0; p < 3; p++) {
                for (int c = 0; c < 3; c++) {
                    vir[3 * p + c] += x[3 * k + p] * forces[3 * k + c];
                }
            }
        }
        double[] ea = base.atomicEnergies() == null ? null : base.atomicEnergies().clone();
        if (ea != null) {
            for (int k = 0; k < ea.length; k++) {
                ea[k] += energy / ea.length;
            }
        }
        return new ForceResult(base.energy() + energy, f, vir, ea, null);
    }
}
