package org.eelt.potential.dp;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Gemm}'s staged DGEMM calls (row offsets, resident weights, huge operands) against plain loops. */
class GemmTest {
    private static double[] rand(Random r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian();
        }
        return a;
    }

    /** c[i][j] = Σ_p a[aOff + i·k + p]·b[p·n + j] or with b transposed. */
    private static double ref(double[] a, int aOff, double[] b, int i, int j, int k, int n, boolean transB) {
        double s = 0;
        for (int p = 0; p < k; p++) {
            s += a[aOff + i * k + p] * (transB ? b[j * k + p] : b[p * n + j]);
        }
        return s;
    }

    @Test
    void rowRangesAndResidentWeightsMatchLoops() {
        Random r = new Random(3);
        int rows = 40, k = 25, n = 50, r0 = 7, m = 20;
        double[] a = rand(r, rows * k);
        double[] w = rand(r, k * n);
        double[] c = new double[rows * n];
        java.util.Arrays.fill(c, 42.0);
        Gemm.mul(a, r0 * k, new Gemm.Resident(w), c, r0 * n, m, k, n);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < n; j++) {
                double expect = i >= r0 && i < r0 + m ? ref(a, r0 * k, w, i - r0, j, k, n, false) : 42.0;
                assertEquals(expect, c[i * n + j], 1e-12, "row " + i + " col " + j);
            }
        }
        // C = A·Bᵀ with B (k2×k) = the weights of a k → k2 layer read transposed
        double[] dz = rand(r, m * n);
        double[] dx = new double[m * k];
        Gemm.mulTransB(dz, 0, new Gemm.Resident(w), dx, 0, m, n, k);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += dz[i * n + j] * w[p * n + j];
                }
                assertEquals(s, dx[i * k + p], 1e-12);
            }
        }
        // C += Aᵀ·B over a row range of both
        double[] acc = rand(r, k * n);
        double[] acc0 = acc.clone();
        double[] bm = rand(r, rows * n);
        Gemm.mulTransAAdd(a, r0 * k, bm, r0 * n, acc, m, k, n);
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                double s = acc0[p * n + j];
                for (int i = r0; i < r0 + m; i++) {
                    s += a[i * k + p] * bm[i * n + j];
                }
                assertEquals(s, acc[p * n + j], 1e-11);
            }
        }
    }

    @Test
    void operandsAboveTheRetainedSizeAreStagedAndFreed() {
        Random r = new Random(5);
        int m = 4300, k = 1000, n = 8;
        double[] a = rand(r, m * k);
        double[] b = rand(r, k * n);
        double[] c = new double[m * n];
        for (int rep = 0; rep < 2; rep++) {
            Gemm.mul(a, b, c, m, k, n);
            for (int i : new int[] {0, 1, m / 2, m - 1}) {
                for (int j = 0; j < n; j++) {
                    assertEquals(ref(a, 0, b, i, j, k, n, false), c[i * n + j], 1e-10, "rep " + rep + " row " + i);
                }
            }
        }
    }
}
