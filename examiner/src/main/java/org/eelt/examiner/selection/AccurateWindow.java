package org.eelt.examiner.selection;

/**
 * The last M examined frames' verdicts (ring buffer) and their accurate ratio, the convergence
 * statistic: ratio = #accurate / M over a full window. Also keeps their deviations for the
 * adaptive lower level. Not thread-safe (one actor owns it).
 */
public final class AccurateWindow {
    private final boolean[] accurate;
    private final double[] deviation;
    private int next;
    private int filled;
    private int accurateCount;

    /** @param size M, the window length (≥ 1) */
    public AccurateWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("accurate-ratio window must be >= 1 frames, got " + size);
        }
        accurate = new boolean[size];
        deviation = new double[size];
    }

    /** Adds one examined frame. */
    public void add(boolean isAccurate, double dev) {
        if (filled == accurate.length) {
            if (accurate[next]) {
                accurateCount--;
            }
        } else {
            filled++;
        }
        accurate[next] = isAccurate;
        deviation[next] = dev;
        if (isAccurate) {
            accurateCount++;
        }
        next = (next + 1) % accurate.length;
    }

    /** Empties the window (new stage or new ensemble). */
    public void clear() {
        next = 0;
        filled = 0;
        accurateCount = 0;
    }

    /** @return frames in the window. */
    public int filled() {
        return filled;
    }

    /** @return whether M frames were seen. */
    public boolean full() {
        return filled == accurate.length;
    }

    /** @return #accurate / #frames in the window (0 when empty). */
    public double ratio() {
        return filled == 0 ? 0 : accurateCount / (double) filled;
    }

    /** @return the q-quantile (0..1) of the deviations in the window (NaN when empty). */
    public double quantile(double q) {
        if (filled == 0) {
            return Double.NaN;
        }
        double[] d = new double[filled];
        System.arraycopy(deviation, 0, d, 0, filled);
        java.util.Arrays.sort(d);
        int k = (int) Math.min(filled - 1, Math.max(0, Math.floor(q * (filled - 1))));
        return d[k];
    }
}
