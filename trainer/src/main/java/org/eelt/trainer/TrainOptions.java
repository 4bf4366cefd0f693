package org.eelt.trainer;

import java.nio.file.Path;

/**
 * How a run starts (DeePMD-kit's {@code dp train --restart / --init-model}).
 *
 * @param restart   checkpoint to resume exactly (model, optimizer, step, data order), or null
 * @param initModel checkpoint, EELT model file or DeePMD-kit dpmodel YAML whose model (weights
 *                  and statistics) warm-starts a fresh run
 *                  (new optimizer, step 0), or null
 * @param threads   threads that share the atoms of each frame (≥ 1; results do not depend on it
 *                  beyond floating-point summation order)
 */
public record TrainOptions(Path restart, Path initModel, int threads) {
    /** Validates that at most one of restart / init-model is given and threads ≥ 1. */
    public TrainOptions {
        if (restart != null && initModel != null) {
            throw new IllegalArgumentException("give either restart or init-model, not both");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** Single-threaded restart / init-model options. */
    public TrainOptions(Path restart, Path initModel) {
        this(restart, initModel, 1);
    }

    /** @return a fresh single-threaded run. */
    public static TrainOptions fresh() {
        return new TrainOptions(null, null, 1);
    }

    /** @return these options with another thread count. */
    public TrainOptions withThreads(int n) {
        return new TrainOptions(restart, initModel, n);
    }
}
