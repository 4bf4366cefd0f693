package org.eelt.store;

import java.util.Arrays;
import java.util.Objects;

import org.eelt.protocol.atoms.MeanForceArrays;
import org.eelt.protocol.atoms.Provenance;

/**
 * A mean-force label of a free-energy campaign as the store keeps it: the restrained-MD estimate
 * of f = −∂A/∂s at a restraint center s0, for d collective variables.
 *
 * <p>Units: {@code center} in CV units (Å for distances and Cartesian components, rad for
 * angles and dihedrals, dimensionless for coordination numbers); {@code meanForce} and
 * {@code stdErr} in energy per CV unit, in the energy unit named by {@code energyUnit}
 * ({@code "eV"} for the built-in engine, {@code "kJ/mol"} for GROMACS). Sign: f = −∂A/∂s ≈
 * κ(⟨s⟩ − s0) with periodic differences wrapped, so the force points downhill in A.
 *
 * @param center     s0, d values (periodic CVs wrapped to (−π, π])
 * @param meanForce  f, d values
 * @param stdErr     block-averaged standard error of f, d values (0 when not estimated)
 * @param samples    MD samples averaged (after the discarded equilibration)
 * @param energyUnit energy unit of the force, {@code "eV"} or {@code "kJ/mol"}
 * @param provenance oracle name, oracle settings (part of the content hash), selecting model
 *                   generation, seed, code version, time
 */
public record MeanForceRecord(double[] center, double[] meanForce, double[] stdErr, long samples, String energyUnit,
                              Provenance provenance) {
    /** Validates shapes and finiteness, copies the arrays. */
    public MeanForceRecord {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(meanForce, "meanForce");
        Objects.requireNonNull(stdErr, "stdErr");
        Objects.requireNonNull(energyUnit, "energyUnit");
        Objects.requireNonNull(provenance, "provenance");
        MeanForceArrays.validate(center, meanForce, stdErr);
        if (samples < 0) {
            throw new IllegalArgumentException("mean-force label: samples must be >= 0, got " + samples);
        }
        center = center.clone();
        meanForce = meanForce.clone();
        stdErr = stdErr.clone();
    }

    /** @return the number of collective variables d. */
    public int dimension() {
        return center.length;
    }

    @Override
    public double[] center() {
        return center.clone();
    }

    @Override
    public double[] meanForce() {
        return meanForce.clone();
    }

    @Override
    public double[] stdErr() {
        return stdErr.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeanForceRecord r && Arrays.equals(center, r.center) && Arrays.equals(meanForce, r.meanForce)
                && Arrays.equals(stdErr, r.stdErr) && samples == r.samples && energyUnit.equals(r.energyUnit)
                && provenance.equals(r.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(center), Arrays.hashCode(meanForce), samples, provenance);
    }

    @Override
    public String toString() {
        return "MeanForceRecord[s0=" + Arrays.toString(center) + ", f=" + Arrays.toString(meanForce) + " " + energyUnit
                + "/CV unit]";
    }
}
