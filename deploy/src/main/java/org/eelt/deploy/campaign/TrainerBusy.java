package org.eelt.deploy.campaign;

import java.util.Arrays;

/**
 * Trainer busy-time accounting of a campaign (a plain object owned by one actor). It mirrors the
 * coalescing rule of {@link org.eelt.trainer.agent.TrainerMember}: a member that is asked to train
 * ({@code DatasetGrew}) while idle starts a round at once; a request during a round starts one
 * follow-up round when the running one is published. A member is busy from the start of a round
 * to its publication, so a round in progress counts as busy time <i>while it runs</i>: before this
 * accounting only published rounds counted ({@code ModelPublished.trainSeconds}), so
 * {@code trainer_utilization} read 0 % during the whole first (bootstrap) round, the longest one.
 *
 * <p>utilization = Σ busy seconds / (members × wall seconds); all times in seconds from
 * {@link System#nanoTime()}.
 */
final class TrainerBusy {
    private final long[] since;
    private final long[] trained;
    private final long[] requested;
    private double doneS;

    /** @param members ensemble size K */
    TrainerBusy(int members) {
        since = new long[members];
        trained = new long[members];
        requested = new long[members];
        Arrays.fill(since, -1);
        Arrays.fill(trained, -1);
        Arrays.fill(requested, -1);
    }

    /** Every member was asked to train on {@code snapshot} labels at {@code nowNanos}. */
    void requestedAll(long snapshot, long nowNanos) {
        for (int m = 0; m < since.length; m++) {
            requested(m, snapshot, nowNanos);
        }
    }

    /** Member {@code m} was asked to train on {@code snapshot} labels at {@code nowNanos}. */
    void requested(int m, long snapshot, long nowNanos) {
        requested[m] = Math.max(requested[m], snapshot);
        startIfIdle(m, nowNanos);
    }

    private void startIfIdle(int m, long nowNanos) {
        if (since[m] < 0 && requested[m] > trained[m]) {
            since[m] = nowNanos;
            trained[m] = requested[m];
        }
    }

    /**
     * Member {@code m} published a round at {@code nowNanos}: its busy interval ends (and the
     * follow-up round, if one was requested meanwhile, begins).
     */
    void published(int m, long nowNanos) {
        if (m < 0 || m >= since.length) {
            return;
        }
        if (since[m] >= 0) {
            doneS += (nowNanos - since[m]) * 1e-9;
            since[m] = -1;
        }
        startIfIdle(m, nowNanos);
    }

    /** @return busy seconds of all members up to {@code nowNanos}, rounds in progress included */
    double busyS(long nowNanos) {
        double s = doneS;
        for (long t : since) {
            if (t >= 0) {
                s += (nowNanos - t) * 1e-9;
            }
        }
        return s;
    }

    /** @return members training now */
    int running() {
        int n = 0;
        for (long t : since) {
            n += t >= 0 ? 1 : 0;
        }
        return n;
    }

    /** @return busy seconds / (members × wallS), 0 when wallS ≤ 0 */
    double utilization(long nowNanos, double wallS) {
        return wallS <= 0 ? 0 : busyS(nowNanos) / (since.length * wallS);
    }
}
