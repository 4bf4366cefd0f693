package org.eelt.protocol.atoms;

import java.util.Arrays;
import java.util.Objects;

/**
 * A structure with whatever labels a file carried: energy (eV), forces (3N, eV/Å),
 * virial (9, eV, row-major Ξ_ab) and per-atom energies (N, eV). Each label may be absent
 * ({@code null}). This is what readers return and writers take; {@link LabeledFrame} is the
 * stricter type of the dataset, which also requires provenance.
 *
 * <p>Virial convention (DeePMD-kit / ASE): Ξ = −Σ_k r_k ⊗ ∂E/∂r_k, so stress σ = −Ξ/V.
 */
public final class Frame {
    private final Structure structure;
    private final Double energy;
    private final double[] forces;
    private final double[] virial;
    private final double[] atomicEnergies;

    /**
     * @param structure      the configuration
     * @param energy         total energy in eV, or null
     * @param forces         3N forces in eV/Å, or null
     * @param virial         9 virial components in eV, or null
     * @param atomicEnergies N per-atom energies in eV, or null
     */
    public Frame(Structure structure, Double energy, double[] forces, double[] virial, double[] atomicEnergies) {
        this.structure = Objects.requireNonNull(structure, "structure");
        int n = structure.size();
        check("forces", forces, 3 * n);
        check("virial", virial, 9);
        check("atomic energies", atomicEnergies, n);
        this.energy = energy;
        this.forces = forces == null ? null : forces.clone();
        this.virial = virial == null ? null : virial.clone();
        this.atomicEnergies = atomicEnergies == null ? null : atomicEnergies.clone();
    }

    /** @return an unlabeled frame. */
    public static Frame of(Structure structure) {
        return new Frame(structure, null, null, null, null);
    }

    private static void check(String what, double[] a, int expected) {
        if (a != null && a.length != expected) {
            throw new IllegalArgumentException(what + " have " + a.length + " values, expected " + expected);
        }
    }

    /** @return the configuration. */
    public Structure structure() {
        return structure;
    }

    /** @return the energy in eV, or null. */
    public Double energy() {
        return energy;
    }

    /** @return a copy of the forces (3N, eV/Å), or null. */
    public double[] forces() {
        return forces == null ? null : forces.clone();
    }

    /** @return a copy of the virial (9, eV), or null. */
    public double[] virial() {
        return virial == null ? null : virial.clone();
    }

    /** @return a copy of the per-atom energies (N, eV), or null. */
    public double[] atomicEnergies() {
        return atomicEnergies == null ? null : atomicEnergies.clone();
    }

    /** @return true when an energy is present. */
    public boolean hasEnergy() {
        return energy != null;
    }

    /** @return true when forces are present. */
    public boolean hasForces() {
        return forces != null;
    }

    /** @return true when a virial is present. */
    public boolean hasVirial() {
        return virial != null;
    }

    /** @return true when per-atom energies are present. */
    public boolean hasAtomicEnergies() {
        return atomicEnergies != null;
    }

    /** @return this frame with its labels replaced. */
    public Frame withLabels(Double e, double[] f, double[] v, double[] ae) {
        return new Frame(structure, e, f, v, ae);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && structure.equals(f.structure) && Objects.equals(energy, f.energy)
                && Arrays.equals(forces, f.forces) && Arrays.equals(virial, f.virial)
                && Arrays.equals(atomicEnergies, f.atomicEnergies);
    }

    @Override
    public int hashCode() {
        return Objects.hash(structure, energy, Arrays.hashCode(forces), Arrays.hashCode(virial));
    }

    @Override
    public String toString() {
        return "Frame[" + structure + (energy != null ? ", E=" + energy : "") + "]";
    }
}
