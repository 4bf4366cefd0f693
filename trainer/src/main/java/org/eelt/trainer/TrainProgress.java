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
 * @param budgetS    the run's wall-clock budget ({@code --time-budget}), or 0 for none: the run
 *                   then ends at the budget or at numb_steps, whichever comes first
 */
public record TrainProgress(long step, long totalSteps, long firstStep, double lr, double loss, double elapsedS,
                            double budgetS) {
    /** @return steps per second in this run. */
    public double stepsPerSecond() {
        long done = step - firstStep;
        return elapsedS > 0 ? done / elapsedS : 0;
    }

    /** @return estimated seconds to the end of training (NaN before the first step); at most the budget left. */
    public double etaSeconds() {
        double r = stepsPerSecond();
        double bySteps = r > 0 ? (totalSteps - step) / r : Double.NaN;
        if (budgetS <= 0) {
            return bySteps;
        }
        double left = Math.max(0, budgetS - elapsedS);
        return Double.isNaN(bySteps) ? left : Math.min(bySteps, left);
    }

    /** @return the fraction done: of the steps, or of the budget when that ends the run first. */
    public double fraction() {
        double bySteps = totalSteps > 0 ? (double) step / totalSteps : 1;
        return budgetS > 0 ? Math.min(1, Math.max(bySteps, elapsedS / budgetS)) : bySteps;
    }

    /**
     * @param width number of bar cells
     * @return e.g. {@code [#######.............]  35.0% 350/1000 lr 9.0e-04 loss 1.2e+00 2.1 step/s ETA 0:05:10}
     */
    public String bar(int width) {
        double frac = fraction();
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
