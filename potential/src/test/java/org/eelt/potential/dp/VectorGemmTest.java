package org.eelt.potential.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link VectorGemm} equals the plain triple loop on shapes that exercise every part of it: full
 * 4×6 tiles, single-vector panels, rows left over from the 4-row tiles, padded columns (which must
 * come out zero), an input row stride wider than k, and output offsets.
 */
class VectorGemmTest {
    @Test
    void matchesThePlainProduct() {
        assumeTrue(VectorMath.vectorized(), "the Vector API kernel runs only with jdk.incubator.vector");
        int lanes = VectorMath.lanes();
        Random r = new Random(3);
        int[][] shapes = {{1, 1, 1}, {4, 3, lanes}, {5, 25, 50}, {7, 50, 100}, {9, 17, 6 * lanes + 1}, {13, 240, 200}};
        for (int[] sh : shapes) {
            int m = sh[0];
            int k = sh[1];
            int n = sh[2];
            int lda = k + 3;
            int np = (n + lanes - 1) / lanes * lanes;
            double[] a = new double[5 + m * lda];
            double[] w = new double[k * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextGaussian();
            }
            for (int i = 0; i < w.length; i++) {
                w[i] = r.nextGaussian();
            }
            double[] c = new double[7 + m * np];
            java.util.Arrays.fill(c, Double.NaN);
            VectorGemm.mul(a, 5, lda, m, k, VectorGemm.pack(w, k, n), np, c, 7);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < np; j++) {
                    double ref = 0;
                    if (j < n) {
                        for (int q = 0; q < k; q++) {
                            ref += a[5 + i * lda + q] * w[q * n + j];
                        }
                    }
                    assertEquals(ref, c[7 + i * np + j], 1e-12 * Math.max(1, Math.abs(ref)),
                            m + "x" + k + "x" + n + " at (" + i + ", " + j + ")");
                }
            }
            for (int i = 0; i < 7; i++) {
                assertEquals(Double.NaN, c[i], "nothing written before the offset");
            }
        }
    }
}
