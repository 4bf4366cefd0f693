package org.eelt.potential.dp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * C = A·W in the Vector API, for the thin products of Deep Potential networks: A is m×k
 * (row stride lda), W is packed by {@link #pack} (columns zero-padded to np, a multiple of the
 * lane count, and cut into panels), and C is m×np (row stride np). Each 4-row × 6-vector tile
 * of C stays in 24 registers while k runs, so every W vector loaded feeds four FMAs and every broadcast A entry
 * six; W panels of 6 vectors are the outer loop, so a panel stays in cache across all row tiles,
 * and each panel is contiguous.
 * Remaining columns run in 4×1 tiles, remaining rows in 1×1 tiles. The sum over k runs in index
 * order with one FMA per term, as OpenBLAS's kernels do.
 *
 * <p>Measured on the development machine (AMD EPYC Zen 4, AVX-512, one thread, 512 rows):
 * 512×25·25×50 at 45 GFLOP/s and 512×50·50×100 at 49–50 against 26–28 and 35–36 for OpenBLAS
 * {@code cblas_dgemm} through {@link Gemm} — OpenBLAS packs and blocks for large products, which
 * does not pay off at k = 25 or 50. Loaded only when the JVM has {@code jdk.incubator.vector}.
 *
 * <p>The kernels are written for C2: no vector crosses a method call (a store helper taking the
 * accumulators made some JVM runs box them and fall to 10 GFLOP/s), and the panel stride is a
 * parameter rather than a constant (see {@link #tile4x6}).
 */
final class VectorGemm {
    private static final VectorSpecies<Double> S = VectorKernels.species();
    private static final int L = S.length();

    private VectorGemm() {
    }

    /** Columns of one full panel: 6 vectors. */
    private static final int PW = 6 * L;

    /**
     * @return w (k×n row-major) packed for {@link #mul}: the columns zero-padded to np (a multiple
     *         of the lane count) and cut into panels, each stored k-major and contiguous: first the
     *         full panels of 6 vectors (k×6L each), then single vectors (k×L each), so a tile's
     *         loads walk one contiguous block.
     */
    static double[] pack(double[] w, int k, int n) {
        int np = (n + L - 1) / L * L;
        double[] p = new double[k * np];
        int full = np / PW;
        for (int j = 0; j < np; j++) {
            int base;
            int width;
            int col;
            if (j < full * PW) {
                base = (j / PW) * k * PW;
                width = PW;
                col = j % PW;
            } else {
                int v = (j - full * PW) / L;
                base = full * k * PW + v * k * L;
                width = L;
                col = j % L;
            }
            if (j < n) {
                for (int kk = 0; kk < k; kk++) {
                    p[base + kk * width + col] = w[kk * n + j];
                }
            }
        }
        return p;
    }

    /**
     * c[cOff + i·np + j] = Σ_kk a[aOff + i·lda + kk]·w[kk, j] for i &lt; m, j &lt; np with w packed
     * by {@link #pack} (overwrites; the padded columns come out zero).
     */
    static void mul(double[] a, int aOff, int lda, int m, int k, double[] w, int np, double[] c, int cOff) {
        int full = np / PW;
        int rest = (np - full * PW) / L;
        int m4 = m - m % 4;
        for (int p = 0; p < full; p++) {
            int base = p * k * PW;
            for (int i = 0; i < m4; i += 4) {
                tile4x6(a, aOff + i * lda, lda, k, w, base, PW, c, cOff + i * np + p * PW, np);
            }
        }
        for (int v = 0; v < rest; v++) {
            int base = full * k * PW + v * k * L;
            for (int i = 0; i < m4; i += 4) {
                tile4x1(a, aOff + i * lda, lda, k, w, base, c, cOff + i * np + full * PW + v * L, np);
            }
        }
        for (int i = m4; i < m; i++) {
            for (int p = 0; p < full; p++) {
                for (int q = 0; q < 6; q++) {
                    tile1x1(a, aOff + i * lda, k, w, p * k * PW + q * L, PW, c, cOff + i * np + p * PW + q * L);
                }
            }
            for (int v = 0; v < rest; v++) {
                tile1x1(a, aOff + i * lda, k, w, full * k * PW + v * k * L, L, c, cOff + i * np + full * PW + v * L);
            }
        }
    }

    /**
     * One 4-row × 6-vector tile over all k. The panel stride pw arrives as a parameter: with the
     * constant {@link #PW} in the index, C2 compiled this loop to code that ran 1.5× slower
     * (28–34 against 39–55 GFLOP/s, interleaved runs on the development machine).
     */
    private static void tile4x6(double[] a, int a0, int lda, int k, double[] w, int base, int pw, double[] c,
                                int c0, int np) {
        DoubleVector z = DoubleVector.zero(S);
        DoubleVector c00 = z, c01 = z, c02 = z, c03 = z, c04 = z, c05 = z;
        DoubleVector c10 = z, c11 = z, c12 = z, c13 = z, c14 = z, c15 = z;
        DoubleVector c20 = z, c21 = z, c22 = z, c23 = z, c24 = z, c25 = z;
        DoubleVector c30 = z, c31 = z, c32 = z, c33 = z, c34 = z, c35 = z;
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        for (int kk = 0; kk < k; kk++) {
            int wo = base + kk * pw;
            DoubleVector w0 = DoubleVector.fromArray(S, w, wo);
            DoubleVector w1 = DoubleVector.fromArray(S, w, wo + L);
            DoubleVector w2 = DoubleVector.fromArray(S, w, wo + 2 * L);
            DoubleVector w3 = DoubleVector.fromArray(S, w, wo + 3 * L);
            DoubleVector w4 = DoubleVector.fromArray(S, w, wo + 4 * L);
            DoubleVector w5 = DoubleVector.fromArray(S, w, wo + 5 * L);
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + kk]);
            c00 = x.fma(w0, c00);
            c01 = x.fma(w1, c01);
            c02 = x.fma(w2, c02);
            c03 = x.fma(w3, c03);
            c04 = x.fma(w4, c04);
            c05 = x.fma(w5, c05);
            x = DoubleVector.broadcast(S, a[a1 + kk]);
            c10 = x.fma(w0, c10);
            c11 = x.fma(w1, c11);
            c12 = x.fma(w2, c12);
            c13 = x.fma(w3, c13);
            c14 = x.fma(w4, c14);
            c15 = x.fma(w5, c15);
            x = DoubleVector.broadcast(S, a[a2 + kk]);
            c20 = x.fma(w0, c20);
            c21 = x.fma(w1, c21);
            c22 = x.fma(w2, c22);
            c23 = x.fma(w3, c23);
            c24 = x.fma(w4, c24);
            c25 = x.fma(w5, c25);
            x = DoubleVector.broadcast(S, a[a3 + kk]);
            c30 = x.fma(w0, c30);
            c31 = x.fma(w1, c31);
            c32 = x.fma(w2, c32);
            c33 = x.fma(w3, c33);
            c34 = x.fma(w4, c34);
            c35 = x.fma(w5, c35);
        }
        // stores written out here: a helper taking vectors would box them whenever the JIT does not inline it
        int o = c0;
        c00.intoArray(c, o);
        c01.intoArray(c, o + L);
        c02.intoArray(c, o + 2 * L);
        c03.intoArray(c, o + 3 * L);
        c04.intoArray(c, o + 4 * L);
        c05.intoArray(c, o + 5 * L);
        o += np;
        c10.intoArray(c, o);
        c11.intoArray(c, o + L);
        c12.intoArray(c, o + 2 * L);
        c13.intoArray(c, o + 3 * L);
        c14.intoArray(c, o + 4 * L);
        c15.intoArray(c, o + 5 * L);
        o += np;
        c20.intoArray(c, o);
        c21.intoArray(c, o + L);
        c22.intoArray(c, o + 2 * L);
        c23.intoArray(c, o + 3 * L);
        c24.intoArray(c, o + 4 * L);
        c25.intoArray(c, o + 5 * L);
        o += np;
        c30.intoArray(c, o);
        c31.intoArray(c, o + L);
        c32.intoArray(c, o + 2 * L);
        c33.intoArray(c, o + 3 * L);
        c34.intoArray(c, o + 4 * L);
        c35.intoArray(c, o + 5 * L);
    }

    private static void tile4x1(double[] a, int a0, int lda, int k, double[] w, int base, double[] c, int c0,
                                int np) {
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        for (int kk = 0; kk < k; kk++) {
            DoubleVector wv = DoubleVector.fromArray(S, w, base + kk * L);
            s0 = DoubleVector.broadcast(S, a[a0 + kk]).fma(wv, s0);
            s1 = DoubleVector.broadcast(S, a[a1 + kk]).fma(wv, s1);
            s2 = DoubleVector.broadcast(S, a[a2 + kk]).fma(wv, s2);
            s3 = DoubleVector.broadcast(S, a[a3 + kk]).fma(wv, s3);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + np);
        s2.intoArray(c, c0 + 2 * np);
        s3.intoArray(c, c0 + 3 * np);
    }

    /** One row × one vector; the vector's k entries lie {@code stride} apart from {@code base}. */
    private static void tile1x1(double[] a, int a0, int k, double[] w, int base, int stride, double[] c, int c0) {
        DoubleVector s = DoubleVector.zero(S);
        for (int kk = 0; kk < k; kk++) {
            s = DoubleVector.broadcast(S, a[a0 + kk]).fma(DoubleVector.fromArray(S, w, base + kk * stride), s);
        }
        s.intoArray(c, c0);
    }
}
