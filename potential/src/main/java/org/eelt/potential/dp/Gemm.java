package org.eelt.potential.dp;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The three matrix products of a dense layer on flat row-major arrays, C = A·B, C = A·Bᵀ and
 * C += Aᵀ·B. Products whose inner matrices are at least {@link #BLAS_MIN_WEIGHTS} entries go to
 * OpenBLAS DGEMM through ND4J; skinny ones (the embedding net's 1→25→50 layers) run as plain
 * Java loops, ordered so the innermost loop is contiguous and the JIT vectorises it, because
 * copying into native memory costs more than BLAS saves there.
 */
final class Gemm {
    /** Weight-matrix size (k·n entries) from which products are sent to DGEMM. */
    static final int BLAS_MIN_WEIGHTS = 2048;
    /** Row count from which products are sent to DGEMM. */
    static final int BLAS_MIN_ROWS = 32;

    private Gemm() {
    }

    private static boolean useBlas(int m, int k, int n) {
        return m >= BLAS_MIN_ROWS && (long) k * n >= BLAS_MIN_WEIGHTS;
    }

    /** c[m×n] = a[m×k] · b[k×n] (overwrites c). */
    static void mul(double[] a, double[] b, double[] c, int m, int k, int n) {
        if (useBlas(m, k, n)) {
            blas(a, b, c, m, k, n, false, false, false);
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
    static void mulTransB(double[] a, double[] b, double[] c, int m, int n, int k) {
        if (useBlas(m, k, n)) {
            blas(a, b, c, m, n, k, false, true, false);
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
    static void mulTransAAdd(double[] a, double[] b, double[] c, int m, int k, int n) {
        if (useBlas(m, k, n)) {
            blas(a, b, c, k, m, n, true, false, true);
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

    /**
     * DGEMM through ND4J: C[rows×cols] (=|+=) op(A)·op(B) with inner dimension {@code inner}.
     * A is stored [rows×inner] (or [inner×rows] when transA), B [inner×cols] (or [cols×inner]).
     */
    private static void blas(double[] a, double[] b, double[] c, int rows, int inner, int cols,
                             boolean transA, boolean transB, boolean accumulate) {
        double[] aa = a.length == (long) rows * inner ? a : java.util.Arrays.copyOf(a, rows * inner);
        INDArray am = Nd4j.create(aa, transA ? new long[] {inner, rows} : new long[] {rows, inner}, 'c');
        double[] bb = b.length == (long) inner * cols ? b : java.util.Arrays.copyOf(b, inner * cols);
        INDArray bm = Nd4j.create(bb, transB ? new long[] {cols, inner} : new long[] {inner, cols}, 'c');
        INDArray cm = accumulate
                ? Nd4j.create(java.util.Arrays.copyOf(c, rows * cols), new long[] {rows, cols}, 'c').dup('f')
                : Nd4j.create(DataType.DOUBLE, new long[] {rows, cols}, 'f');
        Nd4j.gemm(am, bm, cm, transA, transB, 1.0, accumulate ? 1.0 : 0.0);
        double[] out = cm.dup('c').data().asDouble();
        System.arraycopy(out, 0, c, 0, rows * cols);
    }
}
