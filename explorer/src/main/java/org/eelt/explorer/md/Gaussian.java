package org.eelt.explorer.md;

import java.util.SplittableRandom;

/**
 * Standard normal deviates from a seeded {@link SplittableRandom} by the Marsaglia polar method,
 * so a seed fixes every number drawn (unlike {@code Random.nextGaussian}, whose algorithm is
 * not specified across JDKs). Not thread-safe: one per stream.
 */
public final class Gaussian {
    private final SplittableRandom rng;
    private double spare;
    private boolean hasSpare;

    /** @param rng the uniform source */
    public Gaussian(SplittableRandom rng) {
        this.rng = rng;
    }

    /** @return a N(0, 1) deviate. */
    public double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u, v, s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spare = v * f;
        hasSpare = true;
        return u * f;
    }

    /** @return the underlying uniform source. */
    public SplittableRandom uniform() {
        return rng;
    }
}
