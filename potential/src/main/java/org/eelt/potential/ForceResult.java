package org.eelt.potential;

/**
 * What a {@link Potential} returns for one structure of N atoms.
 *
 * @param energy         total energy E in eV
 * @param forces         F = −∂E/∂r, 3N values in eV/Å
 * @param virial         Ξ = −Σ_k r_k ⊗ ∂E/∂r_k over all atoms and images, row-major 3×3 in eV
 *                       (stress σ = −Ξ/V; pressure contribution P = tr Ξ / 3V)
 * @param atomicEnergies per-atom energies E_i (N values, eV) with Σ E_i = E
 * @param atomicVirials  per-atom virials (9N, eV, row-major per atom) or null when not computed
 */
public record ForceResult(double energy, double[] forces, double[] virial, double[] atomicEnergies,
                          double[] atomicVirials) {
}
