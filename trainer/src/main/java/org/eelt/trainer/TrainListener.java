package org.eelt.trainer;

import java.nio.file.Path;

/**
 * Callbacks of a training run, called on the training thread. Implementations must be quick
 * (render a progress line, forward to an actor); all methods default to doing nothing.
 */
public interface TrainListener {
    /** Called once before the first step with the first step index and the total step count. */
    default void started(long firstStep, long totalSteps) {
    }

    /** Called after every optimizer step. */
    default void stepped(TrainProgress progress) {
    }

    /** Called for every lcurve line written (display frequency). */
    default void lcurve(long step, LcurvePoint validation, LcurvePoint training, double lr, String line) {
    }

    /** Called after a checkpoint was written. */
    default void checkpointed(long step, Path file) {
    }

    /** Called once when change_bias_after_training shifted the energy bias after the last step. */
    default void biasChanged(BiasChange.Result change) {
    }

    /** A listener that ignores everything. */
    TrainListener NONE = new TrainListener() {
    };
}
