package org.eelt.labeler.oracle;

/**
 * A quantity an {@link Oracle} can compute, after ASE's calculator property names.
 *
 * <ul>
 *   <li>{@link #ENERGY}: total potential energy E in eV</li>
 *   <li>{@link #FORCES}: F = −∂E/∂r, 3N values in eV/Å</li>
 *   <li>{@link #VIRIAL}: Ξ = −Σ_k r_k ⊗ ∂E/∂r_k, row-major 3×3 in eV (periodic structures)</li>
 *   <li>{@link #STRESS}: σ = −Ξ/V in eV/Å³, derived from the virial (periodic structures)</li>
 *   <li>{@link #ATOMIC_ENERGIES}: per-atom energies E_i (N values, eV) with Σ E_i = E</li>
 * </ul>
 */
public enum Property {
    /** Total energy, eV. */
    ENERGY,
    /** Forces, eV/Å. */
    FORCES,
    /** Virial tensor, eV. */
    VIRIAL,
    /** Stress tensor σ = −Ξ/V, eV/Å³. */
    STRESS,
    /** Per-atom energies, eV. */
    ATOMIC_ENERGIES
}
