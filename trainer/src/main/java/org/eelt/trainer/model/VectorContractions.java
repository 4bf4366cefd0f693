package org.eelt.trainer.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API versions of the {@link Contractions} kernels, vectorised along the embedding width
 * M with the CPU's preferred species; column tails run the scalar formulas. Loaded only when the
 * JVM has the module {@code jdk.incubator.vector} ({@link Contractions} checks first).
 */
final class VectorContractions {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorContractions() {
    }

    static void accumulateT(double[] g, int go, int nr, int m, double[] w, double[] t) {
        int j = 0;
        for (; j + L <= m; j += L) {
            DoubleVector a0 = DoubleVector.fromArray(S, t, j), a1 = DoubleVector.fromArray(S, t, m + j),
                    a2 = DoubleVector.fromArray(S, t, 2 * m + j), a3 = DoubleVector.fromArray(S, t, 3 * m + j);
            for (int r = 0; r < nr; r++) {
                DoubleVector gv = DoubleVector.fromArray(S, g, go + r * m + j);
                a0 = gv.fma(DoubleVector.broadcast(S, w[4 * r]), a0);
                a1 = gv.fma(DoubleVector.broadcast(S, w[4 * r + 1]), a1);
                a2 = gv.fma(DoubleVector.broadcast(S, w[4 * r + 2]), a2);
                a3 = gv.fma(DoubleVector.broadcast(S, w[4 * r + 3]), a3);
            }
            a0.intoArray(t, j);
            a1.intoArray(t, m + j);
            a2.intoArray(t, 2 * m + j);
            a3.intoArray(t, 3 * m + j);
        }
        for (; j < m; j++) {
            Contractions.accumulateColumn(g, go, nr, m, w, t, j);
        }
    }

    static void rowsFromT(double[] dt, int m, double[] w, int nr, double[] dG, int go, boolean add) {
        int j = 0;
        for (; j + L <= m; j += L) {
            DoubleVector d0 = DoubleVector.fromArray(S, dt, j), d1 = DoubleVector.fromArray(S, dt, m + j),
                    d2 = DoubleVector.fromArray(S, dt, 2 * m + j), d3 = DoubleVector.fromArray(S, dt, 3 * m + j);
            for (int r = 0; r < nr; r++) {
                int o = go + r * m + j;
                DoubleVector v = d0.mul(w[4 * r]);
                v = d1.fma(DoubleVector.broadcast(S, w[4 * r + 1]), v);
                v = d2.fma(DoubleVector.broadcast(S, w[4 * r + 2]), v);
                v = d3.fma(DoubleVector.broadcast(S, w[4 * r + 3]), v);
                if (add) {
                    v = v.add(DoubleVector.fromArray(S, dG, o));
                }
                v.intoArray(dG, o);
            }
        }
        for (; j < m; j++) {
            for (int r = 0; r < nr; r++) {
                double v = dt[j] * w[4 * r] + dt[m + j] * w[4 * r + 1] + dt[2 * m + j] * w[4 * r + 2]
                        + dt[3 * m + j] * w[4 * r + 3];
                int o = go + r * m + j;
                dG[o] = add ? dG[o] + v : v;
            }
        }
    }

    static void rowDots(double[] dt, int m, double[] g, int go, int nr, double scale, double[] out, int oo) {
        int full = m - m % L;
        for (int r = 0; r < nr; r++) {
            int o = go + r * m;
            DoubleVector s0 = DoubleVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
            for (int j = 0; j < full; j += L) {
                DoubleVector gv = DoubleVector.fromArray(S, g, o + j);
                s0 = DoubleVector.fromArray(S, dt, j).fma(gv, s0);
                s1 = DoubleVector.fromArray(S, dt, m + j).fma(gv, s1);
                s2 = DoubleVector.fromArray(S, dt, 2 * m + j).fma(gv, s2);
                s3 = DoubleVector.fromArray(S, dt, 3 * m + j).fma(gv, s3);
            }
            double r0 = s0.reduceLanes(VectorOperators.ADD), r1 = s1.reduceLanes(VectorOperators.ADD),
                    r2 = s2.reduceLanes(VectorOperators.ADD), r3 = s3.reduceLanes(VectorOperators.ADD);
            for (int j = full; j < m; j++) {
                double gv = g[o + j];
                r0 += dt[j] * gv;
                r1 += dt[m + j] * gv;
                r2 += dt[2 * m + j] * gv;
                r3 += dt[3 * m + j] * gv;
            }
            out[oo + 4 * r] = r0 * scale;
            out[oo + 4 * r + 1] = r1 * scale;
            out[oo + 4 * r + 2] = r2 * scale;
            out[oo + 4 * r + 3] = r3 * scale;
        }
    }
}
