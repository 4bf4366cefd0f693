package org.eelt.freeenergy.label;

import java.util.Arrays;
import java.util.Objects;
import org.eelt.protocol.atoms.MeanForceArrays;
import org.eelt.protocol.messages.CborSerializable;

/**
 * One mean-force label: the free-energy gradient at a restraint center, with its error bar and
 * provenance. Immutable (arrays copied in and out); crosses nodes (jackson-cbor).
 *
 * <p>Sign and units: {@code meanForce} f = −∂A/∂s at s0, estimated by restrained MD as
 * f_q = κ_q ⟨wrap(s_q − s0_q)⟩; s0 in CV units (Å, rad or 1), f and {@code stdErr} in
 * {@code unit} per CV unit (eV/Å, eV/rad, kJ/mol/rad).
 *
 * @param s0             restraint center, one value per CV
 * @param meanForce      f = −∂A/∂s(s0)
 * @param stdErr         block-averaged standard error of each component of f (≥ 0; 0 = unknown)
 * @param samples        samples after equilibration that entered the average
 * @param unit           energy unit of f
 * @param oracleSettings canonical settings of the labeler (engine, κ, T, steps, timestep, potential)
 * @param seed           random seed of the restrained run
 * @param codeVersion    EELT version that computed the label
 * @param modelVersion   version of the free-energy model that selected s0 ({@code ""} for the initial points)
 */
public record MeanForceLabel(double[] s0, double[] meanForce, double[] stdErr, long samples, EnergyUnit unit,
                             String oracleSettings, long seed, String codeVersion, String modelVersion)
        implements CborSerializable {
    /** Validates (equal lengths, finite values, error bars ≥ 0) and copies the arrays. */
    public MeanForceLabel {
        Objects.requireNonNull(s0, "s0");
        Objects.requireNonNull(meanForce, "meanForce");
        Objects.requireNonNull(stdErr, "stdErr");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(oracleSettings, "oracleSettings");
        Objects.requireNonNull(codeVersion, "codeVersion");
        Objects.requireNonNull(modelVersion, "modelVersion");
        MeanForceArrays.validate(s0, meanForce, stdErr);
        s0 = s0.clone();
        meanForce = meanForce.clone();
        stdErr = stdErr.clone();
    }

    @Override
    public double[] s0() {
        return s0.clone();
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
        return s0.length;
    }

    /** @return component q of s0 without copying. */
    public double s0(int q) {
        return s0[q];
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
        return o instanceof MeanForceLabel l && Arrays.equals(s0, l.s0) && Arrays.equals(meanForce, l.meanForce)
                && Arrays.equals(stdErr, l.stdErr) && samples == l.samples && unit == l.unit
                && oracleSettings.equals(l.oracleSettings) && seed == l.seed && codeVersion.equals(l.codeVersion)
                && modelVersion.equals(l.modelVersion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(s0), Arrays.hashCode(meanForce), Arrays.hashCode(stdErr), samples, unit,
                oracleSettings, seed, codeVersion, modelVersion);
    }

    @Override
    public String toString() {
        return "MeanForceLabel[s0=" + Arrays.toString(s0) + ", f=" + Arrays.toString(meanForce) + " " + unit.symbol()
                + "/cv-unit, err=" + Arrays.toString(stdErr) + ", samples=" + samples + ", model=" + modelVersion + "]";
    }
}
