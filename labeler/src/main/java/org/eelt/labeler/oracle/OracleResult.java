package org.eelt.labeler.oracle;

import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;

import java.nio.file.Path;

/**
 * What an {@link Oracle} computed for one structure of N atoms. All values are finite: use
 * {@link #checked} to build one from raw numbers, which turns a non-finite value into a
 * {@link CalculationFailedException}.
 *
 * @param energy         total energy E in eV
 * @param forces         F = −∂E/∂r, 3N values in eV/Å
 * @param virial         Ξ = −Σ_k r_k ⊗ ∂E/∂r_k, row-major 3×3 in eV, or null when not computed
 * @param atomicEnergies per-atom energies (N values, eV), or null when not computed
 */
public record OracleResult(double energy, double[] forces, double[] virial, double[] atomicEnergies) {
    /** Validates shapes and finiteness (as an {@link IllegalArgumentException}: use {@link #checked}). */
    public OracleResult {
        String bad = firstProblem(energy, forces, virial, atomicEnergies);
        if (bad != null) {
            throw new IllegalArgumentException(bad);
        }
        forces = forces.clone();
        virial = virial == null ? null : virial.clone();
        atomicEnergies = atomicEnergies == null ? null : atomicEnergies.clone();
    }

    /**
     * Builds a result after checking that the shapes fit {@code atoms} and that every value is finite.
     *
     * @param oracle         the oracle's name, for the error
     * @param atoms          N
     * @param energy         eV
     * @param forces         3N values in eV/Å
     * @param virial         9 values in eV, or null
     * @param atomicEnergies N values in eV, or null
     * @param excerpt        output excerpt to quote on failure ({@code ""} when none)
     * @param workDir        where the work directory is kept, or null
     * @return the result
     * @throws CalculationFailedException naming the first bad value
     */
    public static OracleResult checked(String oracle, int atoms, double energy, double[] forces, double[] virial,
                                       double[] atomicEnergies, String excerpt, Path workDir) {
        String bad = firstProblem(energy, forces, virial, atomicEnergies);
        if (bad == null && forces.length != 3 * atoms) {
            bad = "got " + forces.length / 3.0 + " force vectors for " + atoms + " atoms";
        }
        if (bad == null && atomicEnergies != null && atomicEnergies.length != atoms) {
            bad = "got " + atomicEnergies.length + " atomic energies for " + atoms + " atoms";
        }
        if (bad != null) {
            throw new CalculationFailedException(oracle, bad, excerpt, workDir);
        }
        return new OracleResult(energy, forces, virial, atomicEnergies);
    }

    private static String firstProblem(double energy, double[] forces, double[] virial, double[] atomicEnergies) {
        if (!Double.isFinite(energy)) {
            return "non-finite energy " + energy;
        }
        if (forces == null || forces.length % 3 != 0) {
            return "forces missing or not 3N values";
        }
        for (int i = 0; i < forces.length; i++) {
            if (!Double.isFinite(forces[i])) {
                return "non-finite force " + forces[i] + " on atom " + i / 3 + " component " + "xyz".charAt(i % 3);
            }
        }
        if (virial != null) {
            if (virial.length != 9) {
                return "virial has " + virial.length + " values, expected 9";
            }
            for (int i = 0; i < 9; i++) {
                if (!Double.isFinite(virial[i])) {
                    return "non-finite virial component " + i + ": " + virial[i];
                }
            }
        }
        if (atomicEnergies != null) {
            for (int i = 0; i < atomicEnergies.length; i++) {
                if (!Double.isFinite(atomicEnergies[i])) {
                    return "non-finite energy " + atomicEnergies[i] + " of atom " + i;
                }
            }
        }
        return null;
    }

    /** @return a copy of the forces (3N, eV/Å). */
    @Override
    public double[] forces() {
        return forces.clone();
    }

    /** @return a copy of the virial (9, eV), or null. */
    @Override
    public double[] virial() {
        return virial == null ? null : virial.clone();
    }

    /** @return a copy of the per-atom energies (N, eV), or null. */
    @Override
    public double[] atomicEnergies() {
        return atomicEnergies == null ? null : atomicEnergies.clone();
    }

    /** @return true when a virial was computed. */
    public boolean hasVirial() {
        return virial != null;
    }

    /**
     * @param volume cell volume V in Å³
     * @return the stress σ = −Ξ/V (row-major 3×3, eV/Å³), ASE's sign convention (positive = tensile)
     * @throws IllegalStateException when no virial was computed
     */
    public double[] stress(double volume) {
        if (virial == null) {
            throw new IllegalStateException("no virial computed: request Property.VIRIAL or STRESS");
        }
        double[] s = new double[9];
        for (int i = 0; i < 9; i++) {
            s[i] = -virial[i] / volume;
        }
        return s;
    }

    /** @return a frame of {@code structure} carrying these labels. */
    public Frame toFrame(Structure structure) {
        return new Frame(structure, energy, forces, virial, atomicEnergies);
    }
}
