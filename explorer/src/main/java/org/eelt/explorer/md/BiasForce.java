package org.eelt.explorer.md;

import org.eelt.protocol.atoms.Structure;

/**
 * An extra potential V_bias(r) added to the physical one during MD, e.g. a restraint on
 * collective variables. Implementations add their forces and virial in place and return their
 * energy.
 */
@FunctionalInterface
public interface BiasForce {
    /**
     * @param structure current positions (Å; unwrapped since the last neighbor-list rebuild, so use
     *                  the minimum image for distances) and cell
     * @param forces    3N forces (eV/Å): add −∂V_bias/∂r here
     * @param virial    9-component virial (eV, row-major): add −Σ_k r_k ⊗ ∂V_bias/∂r_k here (may
     *                  be left untouched for a bias without pressure effect in NVT)
     * @return V_bias in eV
     */
    double apply(Structure structure, double[] forces, double[] virial);
}
