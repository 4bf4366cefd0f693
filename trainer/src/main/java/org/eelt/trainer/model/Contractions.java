package org.eelt.trainer.model;

import org.eelt.potential.dp.VectorMath;

/**
 * The small contractions of se_e2_a between the embedding rows G (r × M, row-major at an offset)
 * and the weighted environment rows w (r × 4): T += Gᵀw, δG = w·δTᵀ and δR̂ = G·δT (δT stored
 * k-major, 4 × M). Pure functions; SIMD through the JDK's Vector API when
 * {@link VectorMath#vectorized()}, register-blocked scalar loops otherwise (same formulas, sums
 * in a different order, so results agree to rounding).
 */
final class Contractions {
    private static final boolean VECTOR = VectorMath.vectorized();

    private Contractions() {
    }

    /** t[k·m + j] += Σ_{r &lt; nr} g[go + r·m + j]·w[4r + k] for k &lt; 4, j &lt; m. */
    static void accumulateT(double[] g, int go, int nr, int m, double[] w, double[] t) {
        if (VECTOR) {
            VectorContractions.accumulateT(g, go, nr, m, w, t);
            return;
        }
        int j = 0;
        for (; j + 1 < m; j += 2) {
            double a00 = 0, a01 = 0, a10 = 0, a11 = 0, a20 = 0, a21 = 0, a30 = 0, a31 = 0;
            for (int r = 0; r < nr; r++) {
                int o = go + r * m + j;
                double g0 = g[o], g1 = g[o + 1];
                double w0 = w[4 * r], w1 = w[4 * r + 1], w2 = w[4 * r + 2], w3 = w[4 * r + 3];
                a00 += g0 * w0;
                a01 += g1 * w0;
                a10 += g0 * w1;
                a11 += g1 * w1;
                a20 += g0 * w2;
                a21 += g1 * w2;
                a30 += g0 * w3;
                a31 += g1 * w3;
            }
            t[j] += a00;
            t[j + 1] += a01;
            t[m + j] += a10;
            t[m + j + 1] += a11;
            t[2 * m + j] += a20;
            t[2 * m + j + 1] += a21;
            t[3 * m + j] += a30;
            t[3 * m + j + 1] += a31;
        }
        for (; j < m; j++) {
            accumulateColumn(g, go, nr, m, w, t, j);
        }
    }

    /** One column j of {@link #accumulateT} (tails). */
    static void accumulateColumn(double[] g, int go, int nr, int m, double[] w, double[] t, int j) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        for (int r = 0; r < nr; r++) {
            double gv = g[go + r * m + j];
            a0 += gv * w[4 * r];
            a1 += gv * w[4 * r + 1];
            a2 += gv * w[4 * r + 2];
            a3 += gv * w[4 * r + 3];
        }
        t[j] += a0;
        t[m + j] += a1;
        t[2 * m + j] += a2;
        t[3 * m + j] += a3;
    }

    /**
     * dG[go + r·m + j] (=, or += when {@code add}) Σ_k dt[k·m + j]·w[4r + k] for r &lt; nr, j &lt; m.
     */
    static void rowsFromT(double[] dt, int m, double[] w, int nr, double[] dG, int go, boolean add) {
        if (VECTOR) {
            VectorContractions.rowsFromT(dt, m, w, nr, dG, go, add);
            return;
        }
        for (int r = 0; r < nr; r++) {
            double w0 = w[4 * r], w1 = w[4 * r + 1], w2 = w[4 * r + 2], w3 = w[4 * r + 3];
            int o = go + r * m;
            if (add) {
                for (int j = 0; j < m; j++) {
                    dG[o + j] += dt[j] * w0 + dt[m + j] * w1 + dt[2 * m + j] * w2 + dt[3 * m + j] * w3;
                }
            } else {
                for (int j = 0; j < m; j++) {
                    dG[o + j] = dt[j] * w0 + dt[m + j] * w1 + dt[2 * m + j] * w2 + dt[3 * m + j] * w3;
                }
            }
        }
    }

    /** out[oo + 4r + k] = scale · Σ_j dt[k·m + j]·g[go + r·m + j] for r &lt; nr, k &lt; 4. */
    static void rowDots(double[] dt, int m, double[] g, int go, int nr, double scale, double[] out, int oo) {
        if (VECTOR) {
            VectorContractions.rowDots(dt, m, g, go, nr, scale, out, oo);
            return;
        }
        for (int r = 0; r < nr; r++) {
            int o = go + r * m;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int j = 0; j < m; j++) {
                double gv = g[o + j];
                s0 += dt[j] * gv;
                s1 += dt[m + j] * gv;
                s2 += dt[2 * m + j] * gv;
                s3 += dt[3 * m + j] * gv;
            }
            out[oo + 4 * r] = s0 * scale;
            out[oo + 4 * r + 1] = s1 * scale;
            out[oo + 4 * r + 2] = s2 * scale;
            out[oo + 4 * r + 3] = s3 * scale;
        }
    }
}
