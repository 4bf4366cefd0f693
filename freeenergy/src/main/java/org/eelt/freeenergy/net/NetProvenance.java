package org.eelt.freeenergy.net;

import java.util.Objects;

/**
 * Where a free-energy net came from.
 *
 * @param seed          the seed of its initial weights (ensemble members differ in it)
 * @param trainingSteps optimizer steps taken in total, over all warm starts
 * @param modelVersion  the model version it belongs to ({@code ""} before publication)
 * @param codeVersion   EELT's version that trained it
 */
public record NetProvenance(long seed, long trainingSteps, String modelVersion, String codeVersion) {
    /** Validates. */
    public NetProvenance {
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(codeVersion, "codeVersion");
        if (trainingSteps < 0) {
            throw new IllegalArgumentException("training steps must be >= 0, got " + trainingSteps);
        }
    }
}
