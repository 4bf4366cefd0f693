package org.eelt.freeenergy.net;

/**
 * Settings of one training round of a free-energy net: Adam with the exponentially decaying
 * learning rate lr(t) = lr₀ · (lr_stop/lr₀)^(t/T), evaluated per step (smooth decay), from lr₀
 * at t = 0 to lr_stop at the last step T.
 *
 * @param steps     optimizer steps T (≥ 1)
 * @param batchSize labels per minibatch (≥ 1; capped at the number of labels)
 * @param startLr   lr₀ (&gt; 0)
 * @param stopLr    lr_stop (&gt; 0)
 * @param seed      seed of the minibatch order
 */
public record TrainSettings(int steps, int batchSize, double startLr, double stopLr, long seed) {
    /** Validates. */
    public TrainSettings {
        if (steps < 1 || batchSize < 1 || !(startLr > 0) || !(stopLr > 0) || !Double.isFinite(startLr)
                || !Double.isFinite(stopLr)) {
            throw new IllegalArgumentException("free-energy training needs steps >= 1, batch size >= 1 and learning"
                    + " rates > 0, got steps=" + steps + " batch=" + batchSize + " lr=" + startLr + "->" + stopLr);
        }
    }

    /** @return defaults: 2000 steps, batch 32, lr 3e-3 → 1e-4. */
    public static TrainSettings defaults(long seed) {
        return new TrainSettings(2000, 32, 3e-3, 1e-4, seed);
    }

    /** @return lr at step t (0-based). */
    public double learningRate(long t) {
        return startLr * Math.pow(stopLr / startLr, steps <= 1 ? 0 : (double) t / (steps - 1));
    }
}
