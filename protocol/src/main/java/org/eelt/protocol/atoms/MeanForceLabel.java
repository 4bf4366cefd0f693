package org.eelt.protocol.atoms;

import java.util.Arrays;
import java.util.Objects;

import org.eelt.protocol.messages.CborSerializable;

/**
 * A mean-force label of a free-energy campaign: the restrained-MD estimate of the free-energy
 * gradient at a restraint center, with its error bar and provenance. The one form of a label that
 * the free-energy numerics train on, the store keeps and nodes exchange. Immutable (arrays copied
 * in and out); crosses nodes (jackson-cbor).
 *
 * <p>Sign and units: {@code meanForce} f = −∂A/∂s at s0, estimated by restrained MD as
 * f_q = κ_q ⟨wrap(s_q − s0_q)⟩ (periodic differences wrapped into (−π, π]). {@code center} is in CV
 * units (Å for distances and Cartesian components, rad for angles and dihedrals, dimensionless for
 * coordination numbers); f and {@code stdErr} are in {@code energyUnit} per CV unit ({@code "eV"}
 * for the built-in engine, {@code "kJ/mol"} for GROMACS).
 *
 * @param center     restraint center s0, d ≥ 1 values
 * @param meanForce  f = −∂A/∂s(s0), d values
 * @param stdErr     block-averaged standard error of each component of f (≥ 0; 0 = not estimated)
 * @param samples    MD samples averaged after the discarded equilibration (≥ 0)
 * @param energyUnit {@link #EV} or {@link #KJ_PER_MOL}
 * @param provenance oracle name, canonical oracle settings (engine, κ, T, steps, timestep,
 *                   potential; part of the store's content hash), the model version that selected
 *                   s0 ({@code ""} for initial points), seed, code version, time
 */
public record MeanForceLabel(double[] center, double[] meanForce, double[] stdErr, long samples, String energyUnit,
                             Provenance provenance) implements CborSerializable {
    /** Energy unit of the built-in restrained-MD engine. */
    public static final String EV = "eV";
    /** Energy unit of the GROMACS oracle. */
    public static final String KJ_PER_MOL = "kJ/mol";

    /**
     * Validates (equal lengths d ≥ 1, finite values, error bars ≥ 0, a known unit) and copies the
     * arrays.
     *
     * @throws IllegalArgumentException naming the offending component or field
     */
    public MeanForceLabel {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(meanForce, "meanForce");
        Objects.requireNonNull(stdErr, "stdErr");
        Objects.requireNonNull(energyUnit, "energyUnit");
        Objects.requireNonNull(provenance, "provenance");
        validate(center, meanForce, stdErr);
        if (samples < 0) {
            throw new IllegalArgumentException("mean-force label: samples must be >= 0, got " + samples);
        }
        if (!EV.equals(energyUnit) && !KJ_PER_MOL.equals(energyUnit)) {
            throw new IllegalArgumentException("mean-force label: energy unit must be \"" + EV + "\" or \""
                    + KJ_PER_MOL + "\", got \"" + energyUnit + "\"");
        }
        center = center.clone();
        meanForce = meanForce.clone();
        stdErr = stdErr.clone();
    }

    /**
     * @param s0        restraint center, d values
     * @param meanForce f, d values
     * @param stdErr    standard errors of f, d values
     * @throws IllegalArgumentException when the lengths differ or are 0, a value is not finite or an
     *                                  error is negative (the message names the component)
     */
    public static void validate(double[] s0, double[] meanForce, double[] stdErr) {
        if (s0.length == 0 || meanForce.length != s0.length || stdErr.length != s0.length) {
            throw new IllegalArgumentException("a mean-force label needs s0, meanForce and stdErr of one equal length"
                    + " d >= 1, got " + s0.length + ", " + meanForce.length + ", " + stdErr.length);
        }
        for (int q = 0; q < s0.length; q++) {
            if (!Double.isFinite(s0[q]) || !Double.isFinite(meanForce[q]) || !(stdErr[q] >= 0)
                    || !Double.isFinite(stdErr[q])) {
                throw new IllegalArgumentException("mean-force label component " + q + " is invalid: s0=" + s0[q]
                        + ", f=" + meanForce[q] + ", stdErr=" + stdErr[q] + " (need finite values and stdErr >= 0)");
            }
        }
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

    /** @return d, the number of CVs. */
    public int dimension() {
        return center.length;
    }

    /** @return component q of s0 without copying. */
    public double center(int q) {
        return center[q];
    }

    /** @return component q of the mean force without copying. */
    public double meanForce(int q) {
        return meanForce[q];
    }

    /** @return component q of the standard error without copying. */
    public double stdErr(int q) {
        return stdErr[q];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeanForceLabel l && Arrays.equals(center, l.center) && Arrays.equals(meanForce, l.meanForce)
                && Arrays.equals(stdErr, l.stdErr) && samples == l.samples && energyUnit.equals(l.energyUnit)
                && provenance.equals(l.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(center), Arrays.hashCode(meanForce), Arrays.hashCode(stdErr), samples,
                energyUnit, provenance);
    }

    @Override
    public String toString() {
        return "MeanForceLabel[s0=" + Arrays.toString(center) + ", f=" + Arrays.toString(meanForce) + " " + energyUnit
                + "/CV unit, err=" + Arrays.toString(stdErr) + ", samples=" + samples + ", model="
                + provenance.modelVersion() + "]";
    }
}
