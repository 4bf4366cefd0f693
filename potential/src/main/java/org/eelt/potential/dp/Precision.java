package org.eelt.potential.dp;

/**
 * Arithmetic precision of an evaluation. {@link #FLOAT64} is exact IEEE binary64 throughout.
 * {@link #FLOAT32} rounds every parameter and every stored intermediate (environment rows,
 * layer activations, descriptor, per-atom energies) to IEEE binary32, as a single-precision
 * DeePMD-kit model stores them; the products themselves are accumulated in binary64, so the
 * errors measured with it are those of binary32 storage (a lower bound of a pure float32 run).
 */
public enum Precision {
    /** IEEE binary64 everywhere. */
    FLOAT64,
    /** Parameters and intermediates rounded to IEEE binary32. */
    FLOAT32;

    /** @return a copy of v with each entry rounded to the nearest binary32 value. */
    static double[] roundToFloat(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = (float) v[i];
        }
        return o;
    }

    /** Rounds the first n entries of v to binary32 in place when this is FLOAT32. */
    void round(double[] v, int n) {
        if (this == FLOAT32) {
            for (int i = 0; i < n; i++) {
                v[i] = (float) v[i];
            }
        }
    }

    /** Rounds entries [from, to) of v to binary32 in place when this is FLOAT32. */
    void round(double[] v, int from, int to) {
        if (this == FLOAT32) {
            for (int i = from; i < to; i++) {
                v[i] = (float) v[i];
            }
        }
    }
}
