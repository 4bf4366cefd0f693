package org.eelt.trainer;

import java.nio.file.Path;

/**
 * How a run starts (DeePMD-kit's {@code dp train --restart / --init-model}).
 *
 * @param restart   checkpoint to resume exactly (model, optimizer, step, data order), or null
 * @param initModel checkpoint whose model (weights and statistics) warm-starts a fresh run
 *                  (new optimizer, step 0), or null
 */
public record TrainOptions(Path restart, Path initModel) {
    /** Validates that at most one of the two is given. */
    public TrainOptions {
        if (restart != null && initModel != null) {
            throw new IllegalArgumentException("give either restart or init-model, not both");
        }
    }

    /** @return a fresh run. */
    public static TrainOptions fresh() {
        return new TrainOptions(null, null);
    }
}
