package org.eelt.trainer.schedule;

/**
 * DeePMD-kit's exponentially decaying learning rate: lr(t) = lr₀ · λ^⌊t/τ⌋, with
 * λ = exp(ln(lr_stop/lr₀) / (T/τ)) so that lr reaches lr_stop at the last step T.
 *
 * <p>As in DeePMD-kit, a decay_steps τ ≥ T is replaced by the default τ = 100 when T/10 &gt; 100,
 * otherwise T/100 + 1 (integer divisions).
 *
 * @param startLr    lr₀ (&gt; 0)
 * @param stopLr     lr at step T (&gt; 0)
 * @param decaySteps τ actually used
 * @param stopSteps  T, the number of training steps
 */
public record LearningRate(double startLr, double stopLr, int decaySteps, long stopSteps) {
    /** Validates. */
    public LearningRate {
        if (!(startLr > 0) || !(stopLr > 0)) {
            throw new IllegalArgumentException("learning_rate: start_lr and stop_lr must be > 0, got "
                    + startLr + ", " + stopLr);
        }
        if (decaySteps <= 0 || stopSteps <= 0) {
            throw new IllegalArgumentException("learning_rate.decay_steps and training.numb_steps must be > 0, got "
                    + decaySteps + ", " + stopSteps);
        }
    }

    /** @return the schedule with DeePMD-kit's rule for decay_steps ≥ numb_steps applied. */
    public static LearningRate exp(double startLr, double stopLr, int decaySteps, long numbSteps) {
        int tau = decaySteps;
        if (tau >= numbSteps) {
            tau = (int) (numbSteps / 10 > 100 ? 100 : numbSteps / 100 + 1);
        }
        return new LearningRate(startLr, stopLr, tau, numbSteps);
    }

    /** @return λ, the decay factor per τ steps. */
    public double decayRate() {
        return Math.exp(Math.log(stopLr / startLr) / ((double) stopSteps / decaySteps));
    }

    /** @return lr at step t (0-based). */
    public double at(long step) {
        return startLr * Math.pow(decayRate(), (double) (step / decaySteps));
    }
}
