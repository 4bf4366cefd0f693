package org.eelt.trainer;

import java.util.Locale;

/**
 * Where a training run stands after a step, with a text progress bar and an ETA for the CLI.
 *
 * @param step       steps completed (1-based after the first update)
 * @param totalSteps numb_steps
 * @param firstStep  the step this run started from (0, or the restart step)
 * @param lr         learning rate of the last step
 * @param loss       training loss of the last batch
 * @param elapsedS   wall-clock seconds since this run started
 */
public record TrainProgress(long step, long totalSteps, long firstStep, double lr, double loss, double elapsedS) {
    /** @return steps per second in this run. */
    public double stepsPerSecond() {
        long done = step - firstStep;
        return elapsedS > 0 ? done / elapsedS : 0;
    }

    /** @return estimated seconds to the end of training (NaN before the first step). */
    public double etaSeconds() {
        double r = stepsPerSecond();
        return r > 0 ? (totalSteps - step) / r : Double.NaN;
    }

    /**
     * @param width number of bar cells
     * @return e.g. {@code [#######.............]  35.0% 350/1000 lr 9.0e-04 loss 1.2e+00 2.1 step/s ETA 0:05:10}
     */
    public String bar(int width) {
        double frac = totalSteps > 0 ? (double) step / totalSteps : 1;
        int filled = (int) Math.round(frac * width);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < width; i++) {
            sb.append(i < filled ? '#' : '.');
        }
        sb.append(String.format(Locale.ROOT, "] %5.1f%% %d/%d lr %.1e loss %.2e %.2f step/s ETA %s", 100 * frac, step,
                totalSteps, lr, loss, stepsPerSecond(), hms(etaSeconds())));
        return sb.toString();
    }

    static String hms(double s) {
        if (!Double.isFinite(s)) {
            return "--:--:--";
        }
        long t = Math.round(s);
        return String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, (t / 60) % 60, t % 60);
    }
}
