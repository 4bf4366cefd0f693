package org.eelt.potential.dp;

import org.bytedeco.openblas.global.openblas;

/**
 * The three matrix products of a dense layer on flat row-major arrays: C = A·B, C = A·Bᵀ and
 * C += Aᵀ·B. Products with both inner widths at least {@link #BLAS_MIN_WIDTH} go to OpenBLAS
 * {@code cblas_dgemm} (the OpenBLAS build that ND4J's nd4j-native ships, called through its
 * JavaCPP binding with the Java arrays themselves, which avoids the two copies into and out of
 * INDArrays that made {@code Nd4j.gemm} several times slower here for these shapes). Products with a
 * width-1 side (the embedding net's first layer and the fitting net's output layer) run as plain
 * Java loops whose innermost loop is contiguous, so the JIT vectorises it.
 *
 * <p>Measured on the 2-core development machine (one thread): OpenBLAS reaches 15–25 GFLOP/s on
 * 8832×25·25×50 and 128×1600·1600×240, plain Java loops 2–4 GFLOP/s.
 */
public final class Gemm {
    /** Minimum of the two non-row dimensions from which products are sent to DGEMM. */
    static final int BLAS_MIN_WIDTH = 8;

    private Gemm() {
    }

    private static boolean useBlas(int m, int k, int n) {
        return m >= 4 && Math.min(k, n) >= BLAS_MIN_WIDTH;
    }

    /** c[m×n] = a[m×k] · b[k×n] (overwrites c). */
    public static void mul(double[] a, double[] b, double[] c, int m, int k, int n) {
        if (useBlas(m, k, n)) {
            openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k, 1.0,
                    a, k, b, n, 0.0, c, n);
            return;
        }
        java.util.Arrays.fill(c, 0, m * n, 0.0);
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            int ai = i * k;
            for (int p = 0; p < k; p++) {
                double av = a[ai + p];
                if (av == 0.0) {
                    continue;
                }
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }

    /** c[m×k] = a[m×n] · b[k×n]ᵀ (overwrites c). */
    public static void mulTransB(double[] a, double[] b, double[] c, int m, int n, int k) {
        if (useBlas(m, k, n)) {
            openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, m, k, n, 1.0,
                    a, n, b, n, 0.0, c, k);
            return;
        }
        for (int i = 0; i < m; i++) {
            int ai = i * n;
            for (int p = 0; p < k; p++) {
                int bp = p * n;
                double s = 0.0;
                for (int j = 0; j < n; j++) {
                    s += a[ai + j] * b[bp + j];
                }
                c[i * k + p] = s;
            }
        }
    }

    /** c[k×n] += a[m×k]ᵀ · b[m×n]. */
    public static void mulTransAAdd(double[] a, double[] b, double[] c, int m, int k, int n) {
        if (useBlas(m, k, n)) {
            openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasTrans, openblas.CblasNoTrans, k, n, m, 1.0,
                    a, k, b, n, 1.0, c, n);
            return;
        }
        for (int i = 0; i < m; i++) {
            int ai = i * k;
            int bi = i * n;
            for (int p = 0; p < k; p++) {
                double av = a[ai + p];
                if (av == 0.0) {
                    continue;
                }
                int cp = p * n;
                for (int j = 0; j < n; j++) {
                    c[cp + j] += av * b[bi + j];
                }
            }
        }
    }
}
