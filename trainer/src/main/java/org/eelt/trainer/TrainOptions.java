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
 * @param timeBudgetS wall-clock budget of the run in seconds, or 0 for none. With a budget the
 *                  run stops when it is spent, and the learning rate and loss prefactors follow
 *                  the schedule at position max(step, first + (numb_steps − first)·elapsed/budget),
 *                  so that the schedule is complete when the budget ends however fast the
 *                  machine is (elapsed counts from the start of the run, setup included). Such a
 *                  run depends on the machine's speed and is not reproducible step for step.
 */
public record TrainOptions(Path restart, Path initModel, int threads, double timeBudgetS) {
    /** Validates that at most one of restart / init-model is given, threads ≥ 1 and budget ≥ 0. */
    public TrainOptions {
        if (!(timeBudgetS >= 0) || Double.isInfinite(timeBudgetS)) {
            throw new IllegalArgumentException("the time budget must be a finite number of seconds >= 0, got "
                    + timeBudgetS);
        }
        if (restart != null && initModel != null) {
            throw new IllegalArgumentException("give either restart or init-model, not both");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** Options without a time budget. */
    public TrainOptions(Path restart, Path initModel, int threads) {
        this(restart, initModel, threads, 0);
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
        return new TrainOptions(restart, initModel, n, timeBudgetS);
    }
}
