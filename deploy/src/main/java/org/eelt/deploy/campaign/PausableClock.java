package org.eelt.deploy.campaign;

/**
 * A campaign's wall clock in seconds: the time of earlier processes of a resumed run plus this
 * process's time since it started, paused intervals excluded. Times from {@link System#nanoTime()};
 * owned by the campaign actor (not thread-safe).
 */
final class PausableClock {
    private final long startNanos;
    private final double baseSeconds;
    private boolean paused;
    private long pausedSince;
    private long pausedNanos;

    /**
     * @param startNanos  when this process's part started
     * @param baseSeconds wall seconds of earlier processes (0 for a fresh run)
     */
    PausableClock(long startNanos, double baseSeconds) {
        this.startNanos = startNanos;
        this.baseSeconds = baseSeconds;
    }

    /** Pauses or resumes at {@code nowNanos}; setting the current state again changes nothing. */
    void setPaused(boolean p, long nowNanos) {
        if (p == paused) {
            return;
        }
        paused = p;
        if (p) {
            pausedSince = nowNanos;
        } else {
            pausedNanos += nowNanos - pausedSince;
        }
    }

    /** @return wall seconds at {@code nowNanos}, paused time excluded */
    double wallS(long nowNanos) {
        long pausedNow = paused ? nowNanos - pausedSince : 0;
        return baseSeconds + (nowNanos - startNanos - pausedNanos - pausedNow) * 1e-9;
    }
}
