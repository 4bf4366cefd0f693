package org.eelt.deploy.campaign;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.eelt.examiner.agent.Examiner;

/**
 * Where an asynchronous campaign loses time (a plain object owned by the campaign actor), in
 * seconds of this process:
 * <ul>
 *   <li>{@code first_ensemble_s}: from the start until every member has a model (no walker can run
 *       before: the bootstrap labels and the first training round);</li>
 *   <li>{@code labeler_starved_s}: time with no candidate queued while some labeler had nothing to
 *       do, and {@code quota_starved_s}, the part of it during which the examiner dropped candidates
 *       for lack of per-version quota (only a new model version renews it);</li>
 *   <li>{@code labeler_idle_s} and {@code trainer_idle_s}: workers × wall − busy time;</li>
 *   <li>{@code examiner_pending_batches_mean} / {@code _max}: walker batches waiting to be scored
 *       (the examiner's lag behind the walkers).</li>
 * </ul>
 * Starvation and pending batches are sampled at every progress tick (the state seen at a tick is
 * counted for the interval that ends there), so they are exact to one tick.
 */
final class AsyncLosses {
    private final long startNanos;
    private final int workers;
    private long firstEnsembleNanos = -1;
    private long lastTickNanos = -1;
    private long lastCapped = -1;
    private double starvedS, quotaStarvedS, pendingSum;
    private int pendingMax;
    private long ticks;

    /**
     * @param startNanos {@link System#nanoTime()} at the campaign's start
     * @param workers    labelers
     */
    AsyncLosses(long startNanos, int workers) {
        this.startNanos = startNanos;
        this.workers = workers;
    }

    /** The ensemble is complete (every member has a model) at {@code nowNanos}; only the first call counts. */
    void ensembleComplete(long nowNanos) {
        if (firstEnsembleNanos < 0) {
            firstEnsembleNanos = nowNanos;
        }
    }

    /** An examiner statistics sample at {@code nowNanos}. */
    void onStats(Examiner.Stats s, long nowNanos) {
        double dt = lastTickNanos < 0 ? 0 : (nowNanos - lastTickNanos) * 1e-9;
        lastTickNanos = nowNanos;
        if (s.queued() == 0 && s.inFlight() < workers) {
            starvedS += dt;
            if (lastCapped >= 0 && s.capped() > lastCapped) {
                quotaStarvedS += dt;
            }
        }
        lastCapped = s.capped();
        pendingSum += s.pendingBatches();
        pendingMax = Math.max(pendingMax, s.pendingBatches());
        ticks++;
    }

    /**
     * @param nowNanos      now
     * @param labelerBusyS  labeler busy seconds (all workers)
     * @param trainerBusyS  trainer busy seconds (all members)
     * @param members       ensemble size
     * @return the figures, in seconds unless named otherwise
     */
    Map<String, Object> figures(long nowNanos, double labelerBusyS, double trainerBusyS, int members) {
        double wall = (nowNanos - startNanos) * 1e-9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("first_ensemble_s", firstEnsembleNanos < 0 ? Double.NaN : round((firstEnsembleNanos - startNanos) * 1e-9));
        m.put("labeler_starved_s", round(starvedS));
        m.put("quota_starved_s", round(quotaStarvedS));
        m.put("labeler_idle_s", round(Math.max(0, wall * workers - labelerBusyS)));
        m.put("trainer_idle_s", round(Math.max(0, wall * members - trainerBusyS)));
        m.put("examiner_pending_batches_mean", ticks == 0 ? 0.0 : round(pendingSum / ticks));
        m.put("examiner_pending_batches_max", pendingMax);
        return m;
    }

    private static double round(double s) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3f", s));
    }
}
