package org.eelt.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The T contractions against their defining sums, for widths with and without a SIMD tail
 * (M = 100, 40, 13, 6) at row offsets inside a larger array.
 */
class ContractionsTest {
    @ParameterizedTest
    @ValueSource(ints = {100, 40, 13, 6})
    void contractionsMatchTheirDefinitions(int m) {
        Rng rng = new Rng(m);
        int nr = 23, go = 3 * m;
        double[] g = gauss(rng, go + nr * m + 5), w = gauss(rng, 4 * nr), dt = gauss(rng, 4 * m);
        double[] t0 = gauss(rng, 4 * m), t = t0.clone();
        Contractions.accumulateT(g, go, nr, m, w, t);
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < m; j++) {
                double s = t0[k * m + j];
                for (int r = 0; r < nr; r++) {
                    s += g[go + r * m + j] * w[4 * r + k];
                }
                assertEquals(s, t[k * m + j], 1e-12, "T " + k + "," + j);
            }
        }
        double[] base = gauss(rng, go + nr * m), dG = base.clone(), dGadd = base.clone();
        Contractions.rowsFromT(dt, m, w, nr, dG, go, false);
        Contractions.rowsFromT(dt, m, w, nr, dGadd, go, true);
        for (int r = 0; r < nr; r++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += dt[k * m + j] * w[4 * r + k];
                }
                assertEquals(s, dG[go + r * m + j], 1e-12);
                assertEquals(base[go + r * m + j] + s, dGadd[go + r * m + j], 1e-12);
            }
        }
        assertEquals(base[0], dG[0], 0.0); // rows before the offset untouched
        double[] out = new double[8 + 4 * nr];
        Contractions.rowDots(dt, m, g, go, nr, 0.25, out, 8);
        for (int r = 0; r < nr; r++) {
            for (int k = 0; k < 4; k++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s += dt[k * m + j] * g[go + r * m + j];
                }
                assertEquals(0.25 * s, out[8 + 4 * r + k], 1e-12);
            }
        }
    }

    private static double[] gauss(Rng r, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = r.nextGaussian();
        }
        return v;
    }
}
