package org.eelt.explorer.md;

/**
 * Standard error of the mean of a correlated time series by block averaging.
 *
 * <p>{@link #of(double[], int)}: split the series into B equal blocks (the first n mod B samples are
 * dropped), block means b_j, error = sqrt(Σ_j (b_j − b̄)² / (B (B − 1))).
 * {@link #flyvbjergPetersen(double[], int)}: Flyvbjerg &amp; Petersen (1989) blocking transformation —
 * repeatedly average neighbouring pairs; at each level with n' values of variance c₀ the error
 * estimate is sqrt(c₀/(n' − 1)); the result is the largest estimate over the levels that still have
 * at least {@code minBlocks} values (a conservative plateau estimate).
 */
public final class BlockAverage {
    /**
     * @param mean        mean of the whole series
     * @param stdErr      standard error of the mean
     * @param blocks      number of blocks (values at the chosen level)
     * @param blockLength samples per block
     */
    public record Estimate(double mean, double stdErr, int blocks, int blockLength) {
    }

    private BlockAverage() {
    }

    /** @return the estimate with B = {@code blocks} equal blocks (B ≥ 2, n ≥ B). */
    public static Estimate of(double[] x, int blocks) {
        if (blocks < 2 || x.length < blocks) {
            throw new IllegalArgumentException("block average needs >= 2 blocks and at least one sample per block, got "
                    + blocks + " blocks for " + x.length + " samples");
        }
        int len = x.length / blocks, start = x.length - len * blocks;
        double[] b = new double[blocks];
        double mean = 0;
        for (int j = 0; j < blocks; j++) {
            double s = 0;
            for (int i = 0; i < len; i++) {
                s += x[start + j * len + i];
            }
            b[j] = s / len;
            mean += b[j] / blocks;
        }
        double v = 0;
        for (double bj : b) {
            v += (bj - mean) * (bj - mean);
        }
        return new Estimate(mean(x), Math.sqrt(v / (blocks * (blocks - 1.0))), blocks, len);
    }

    /** @return the Flyvbjerg–Petersen estimate over levels with at least {@code minBlocks} (≥ 2) values. */
    public static Estimate flyvbjergPetersen(double[] x, int minBlocks) {
        if (minBlocks < 2 || x.length < minBlocks) {
            throw new IllegalArgumentException("blocking analysis needs at least " + Math.max(2, minBlocks)
                    + " samples, got " + x.length);
        }
        double[] cur = x.clone();
        int n = cur.length, len = 1;
        double best = -1;
        int bestBlocks = n, bestLen = 1;
        while (n >= minBlocks) {
            double m = 0;
            for (int i = 0; i < n; i++) {
                m += cur[i];
            }
            m /= n;
            double c0 = 0;
            for (int i = 0; i < n; i++) {
                c0 += (cur[i] - m) * (cur[i] - m);
            }
            c0 /= n;
            double err = Math.sqrt(c0 / (n - 1));
            if (err > best) {
                best = err;
                bestBlocks = n;
                bestLen = len;
            }
            int half = n / 2;
            for (int i = 0; i < half; i++) {
                cur[i] = 0.5 * (cur[2 * i] + cur[2 * i + 1]);
            }
            n = half;
            len *= 2;
        }
        return new Estimate(mean(x), best, bestBlocks, bestLen);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
