package org.eelt.freeenergy.cv;

import org.eelt.potential.ForceResult;
import org.eelt.protocol.atoms.Structure;

/**
 * Adds a CV-space energy term U(s(r)) (a restraint or a bias) to the result of the physical
 * potential, as a pure function shared by the restrained and the biased potentials.
 *
 * <p>E' = E + U (eV); F' = F + F_U with F_U = −Σ_q ∂U/∂s_q ∇s_q (eV/Å, given by the caller);
 * Ξ'_pc = Ξ_pc + Σ_k r_kp F_U,kc (eV, the same r ⊗ F convention as {@link ForceResult}, positions
 * as stored in the structure); atomic energies, when the base has them, each get U/N so they still
 * sum to E'. Per-atom virials are dropped: those of the base no longer sum to the total.
 */
public final class CvForceAddition {
    private CvForceAddition() {
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
