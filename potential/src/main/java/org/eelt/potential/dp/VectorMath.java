package org.eelt.potential.dp;

/**
 * Element-wise kernels of dense networks on flat row-major {@code double[]} arrays (tanh, its
 * derivative, bias rows, column sums), SIMD-vectorised with the JDK's incubating Vector API when
 * the running JVM has the module {@code jdk.incubator.vector} (started with
 * {@code --add-modules jdk.incubator.vector}; the {@code eelt} launcher and the test JVMs are), and
 * plain Java loops otherwise. Both paths compute the same functions in float64; tanh differs
 * between them by at most a few ulp (≤ 1e-15 absolute), the other kernels are bit-identical.
 *
 * <p>The choice is made once per JVM: {@link #vectorized()} tells which path is used. Setting the
 * system property {@code eelt.vector=false} forces the scalar path, and so does a JVM without the
 * C2 compiler ({@code -Xint}, {@code -XX:TieredStopAtLevel} below 4), where vector code is slow. The vector code lives in a
 * separate class that is only loaded when the module is present, so a JVM without the flag (a
 * spawned cluster node, a plain {@code java -cp}) runs the scalar path instead of failing.
 *
 * <p>All functions are pure apart from writing their output array; ranges are half-open
 * {@code [from, to)}. Values are dimensionless (network activations), so no units apply.
 */
public final class VectorMath {
    private static final boolean VECTOR = detect();

    private VectorMath() {
    }

    private static boolean detect() {
        if (!Boolean.parseBoolean(System.getProperty("eelt.vector", "true"))) {
            return false;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        // Vector API code is only fast when C2 compiles it; interpreted or C1-compiled it is far
        // slower than the scalar loops (NodeLauncher's children run with -XX:TieredStopAtLevel=1).
        for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.equals("-Xint") || arg.matches("-XX:TieredStopAtLevel=[0-3]") || arg.equals("-XX:-UseCompiler")) {
                return false;
            }
        }
        return true;
    }

    /** @return true when the Vector API path is used in this JVM. */
    public static boolean vectorized() {
        return VECTOR;
    }

    /** @return the number of float64 lanes of the vector path (1 when scalar). */
    public static int lanes() {
        return VECTOR ? VectorKernels.lanes() : 1;
    }

    /** a[i] = tanh a[i] for i in [from, to). */
    public static void tanhInPlace(double[] a, int from, int to) {
        checkRange(a, from, to);
        if (VECTOR) {
            VectorKernels.tanh(a, from, to);
        } else {
            ScalarKernels.tanh(a, from, to);
        }
    }

    /**
     * Backward of tanh through its output: dz[i] = dy[i]·(1 − t[i]²) for i in [from, to).
     * dz may be the same array as dy.
     */
    public static void tanhBackward(double[] dy, double[] t, double[] dz, int from, int to) {
        checkRange(dy, from, to);
        checkRange(t, from, to);
        checkRange(dz, from, to);
        if (VECTOR) {
            VectorKernels.tanhBackward(dy, t, dz, from, to);
        } else {
            ScalarKernels.tanhBackward(dy, t, dz, from, to);
        }
    }

    /** a[r·cols + j] = row[j] for r &lt; rows, j &lt; cols (broadcasts one row, e.g. a bias). */
    public static void fillRows(double[] a, int rows, int cols, double[] row) {
        checkMatrix(a, rows, cols);
        if (row.length < cols) {
            throw new IllegalArgumentException("row has " + row.length + " entries, need " + cols);
        }
        for (int r = 0; r < rows; r++) {
            System.arraycopy(row, 0, a, r * cols, cols);
        }
    }

    /** a[r·cols + j] += row[j] for r &lt; rows, j &lt; cols (adds a bias to every row). */
    public static void addRows(double[] a, int rows, int cols, double[] row) {
        checkMatrix(a, rows, cols);
        if (row.length < cols) {
            throw new IllegalArgumentException("row has " + row.length + " entries, need " + cols);
        }
        if (VECTOR) {
            VectorKernels.addRows(a, rows, cols, row);
        } else {
            ScalarKernels.addRows(a, rows, cols, row);
        }
    }

    /** acc[j] += Σ_r a[r·cols + j] (column sums, e.g. the bias gradient). */
    public static void sumRows(double[] a, int rows, int cols, double[] acc) {
        checkMatrix(a, rows, cols);
        if (acc.length < cols) {
            throw new IllegalArgumentException("acc has " + acc.length + " entries, need " + cols);
        }
        if (VECTOR) {
            VectorKernels.sumRows(a, rows, cols, acc);
        } else {
            ScalarKernels.sumRows(a, rows, cols, acc);
        }
    }

    // ---- row kernels of DenseLayer (package-private; arrays are trusted, offsets in entries) ----

    /** t[off + r·cols + j] = φ(t[…] + b[j]) over rows; φ = tanh or identity; b may be null. */
    static void biasAct(double[] t, int off, int rows, int cols, double[] b, boolean tanh) {
        if (VECTOR) {
            VectorKernels.biasAct(t, off, rows, cols, b, tanh);
        } else {
            ScalarKernels.biasAct(t, off, rows, cols, b, tanh);
        }
    }

    /** y = t ∘ idt + skip(x) over rows (skip 0: none, 1: x, 2: [x, x]; idt may be null). */
    static void idtSkip(double[] t, int tOff, double[] x, int xOff, double[] y, int yOff, int rows, int in, int out,
                        double[] idt, int skip) {
        if (VECTOR) {
            VectorKernels.idtSkip(t, tOff, x, xOff, y, yOff, rows, in, out, idt, skip);
        } else {
            ScalarKernels.idtSkip(t, tOff, x, xOff, y, yOff, rows, in, out, idt, skip);
        }
    }

    /**
     * @return the bias tiled to {@link #biasPeriod(int)} entries, the pattern of
     * {@link #biasActFlat}
     */
    static double[] biasPattern(double[] b) {
        int period = biasPeriod(b.length);
        double[] p = new double[period];
        for (int i = 0; i < period; i++) {
            p[i] = b[i % b.length];
        }
        return p;
    }

    /** @return the least common multiple of the row width and the lane count. */
    static int biasPeriod(int cols) {
        int l = lanes();
        int a = cols, b = l;
        while (b != 0) {
            int r = a % b;
            a = b;
            b = r;
        }
        return cols / a * l;
    }

    /**
     * t = φ(t + b) over rows×cols entries from off, treating the rows as one flat run; pattern
     * is {@link #biasPattern}(b) (no scalar tail per row on the vector path).
     */
    static void biasActFlat(double[] t, int off, int rows, int cols, double[] b, double[] pattern, boolean tanh) {
        if (VECTOR) {
            VectorKernels.biasActFlat(t, off, rows * cols, pattern, pattern.length, tanh);
        } else {
            ScalarKernels.biasAct(t, off, rows, cols, b, tanh);
        }
    }

    /** dz[r·cols + j] = dy[…]·idt[j]·φ'(t[…]) over rows (dz from 0; idt may be null). */
    static void actBackward(double[] dy, int dyOff, double[] t, int tOff, double[] dz, int rows, int cols,
                            double[] idt, boolean tanh) {
        if (VECTOR) {
            VectorKernels.actBackward(dy, dyOff, t, tOff, dz, rows, cols, idt, tanh);
        } else {
            ScalarKernels.actBackward(dy, dyOff, t, tOff, dz, rows, cols, idt, tanh);
        }
    }

    /** dx[r, j mod in] += dy[r, j] over rows (the transpose of the skip connection, skip ≠ 0). */
    static void skipBackward(double[] dy, int dyOff, double[] dx, int dxOff, int rows, int in, int out, int skip) {
        if (VECTOR) {
            VectorKernels.skipBackward(dy, dyOff, dx, dxOff, rows, in, out, skip);
        } else {
            ScalarKernels.skipBackward(dy, dyOff, dx, dxOff, rows, in, out, skip);
        }
    }

    /**
     * One neighbor row of the descriptor contraction T = Ĝᵀ R̂ in component-major layout:
     * tc[tcOff + c·m + k] += g[gOff + k]·h_c for c = 0..3, k &lt; m.
     */
    static void contractRow(double[] g, int gOff, int m, double h0, double h1, double h2, double h3, double[] tc,
                            int tcOff) {
        if (VECTOR) {
            VectorKernels.contractRow(g, gOff, m, h0, h1, h2, h3, tc, tcOff);
        } else {
            ScalarKernels.contractRow(g, gOff, m, h0, h1, h2, h3, tc, tcOff);
        }
    }

    /**
     * Backward of {@link #contractRow} for one row, with dT in component-major layout dtc:
     * dg[gOff + k] = scale·Σ_c dtc[tcOff + c·m + k]·h_c and e[c] = Σ_k dtc[tcOff + c·m + k]·g[gOff + k].
     */
    static void contractRowBackward(double[] dtc, int tcOff, int m, double[] g, int gOff, double h0, double h1,
                                    double h2, double h3, double scale, double[] dg, double[] e) {
        if (VECTOR) {
            VectorKernels.contractRowBackward(dtc, tcOff, m, g, gOff, h0, h1, h2, h3, scale, dg, e);
        } else {
            ScalarKernels.contractRowBackward(dtc, tcOff, m, g, gOff, h0, h1, h2, h3, scale, dg, e);
        }
    }

    /**
     * The element-wise part of {@link DenseLayer#tangentRows}: from z = [z; ż] (2·rows rows of
     * row stride zStride, no bias; not modified) and the layer input
     * x = [x; ẋ] (2·rows rows of stride lda), y[r] = φ(z + b)∘idt + skip(x) and
     * ẏ[r] = φ'(z + b)∘ż∘idt + skip(ẋ), written with row stride zStride to y from yOff and to dy
     * from dyOff. b and idt may be null; the vector path takes them padded to zStride, never
     * null (zeros for an absent b, ones for an absent idt); on the scalar path zStride = out and
     * lda = in. skip 0: none, 1: x, 2: [x, x]. Output rows have stride ys; on the vector path a
     * skip-2 layer reads its input rows as [x, x] already laid out, and {@code dup} writes each
     * output row as [y, y] for a following skip-2 layer ({@link VectorKernels#tangentAct}); the
     * scalar path takes ys = out and no dup.
     */
    static void tangentAct(double[] z, int zStride, double[] x, int lda, int rows, int in, int out, double[] b,
                           double[] bPadded, double[] idt, double[] idtPadded, int skip, boolean tanh, double[] y,
                           int yOff, double[] dy, int dyOff, int ys, boolean dup) {
        if (VECTOR) {
            VectorKernels.tangentAct(z, zStride, x, lda, rows, out, bPadded, idtPadded, skip, tanh, y, yOff, dy, dyOff,
                    ys, dup);
        } else {
            if (zStride != out || lda != in || ys != out || dup) {
                throw new IllegalArgumentException("the scalar path needs unpadded rows: strides " + zStride + ", "
                        + lda + " for " + out + " and " + in + " columns");
            }
            ScalarKernels.tangentAct(z, x, rows, in, out, b, idt, skip, tanh, y, yOff, dy, dyOff);
        }
    }

    /**
     * Whether {@link #packedMul} uses the Vector API kernel (else OpenBLAS, rows still padded);
     * system property {@code eelt.dp.vectorGemm=false} (for measurements).
     */
    private static final boolean VECTOR_GEMM = Boolean.parseBoolean(System.getProperty("eelt.dp.vectorGemm", "true"));

    /**
     * @return whether {@link #packedMul} runs the Vector API kernel: only with 512-bit vectors
     *         (AVX-512), whose 32 registers hold the kernel's 4×6 tile; with 16 registers (AVX2) the
     *         tile would spill, so OpenBLAS runs instead
     */
    static boolean vectorGemm() {
        return VECTOR && VECTOR_GEMM && VectorKernels.lanes() >= 8;
    }

    /** @return the row stride of packed products: n rounded up to a multiple of {@link #lanes()} */
    static int paddedWidth(int n) {
        int l = lanes();
        return (n + l - 1) / l * l;
    }

    /** @return v zero-padded to {@code n} entries (null stays null) */
    static double[] padTo(double[] v, int n) {
        return v == null ? null : java.util.Arrays.copyOf(v, n);
    }

    /**
     * c = a·w with w packed by {@link #packRows}: rows of a from aOff with stride lda ≥ k, rows of c
     * from cOff with stride np. The Vector API kernel ({@link #vectorGemm()}) or else OpenBLAS or
     * plain loops ({@link Gemm}, on a contiguous copy of a when lda ≠ k).
     */
    static void packedMul(double[] a, int aOff, int lda, int m, int k, double[] wPacked, int np, double[] c,
                          int cOff) {
        if (vectorGemm()) {
            VectorGemm.mul(a, aOff, lda, m, k, wPacked, np, c, cOff);
            return;
        }
        double[] ac = a;
        int acOff = aOff;
        if (lda != k) {
            ac = new double[m * k];
            acOff = 0;
            for (int i = 0; i < m; i++) {
                System.arraycopy(a, aOff + i * lda, ac, i * k, k);
            }
        }
        Gemm.mul(ac, acOff, wPacked, c, cOff, m, k, np);
    }

    /**
     * @return w (k×n) packed for {@link #packedMul}: the Vector API kernel's panel layout, or for
     *         the fallback the rows zero-padded to {@link #paddedWidth}(n) (w itself when no padding
     *         is needed; it is never modified)
     */
    static double[] packRows(double[] w, int k, int n) {
        if (vectorGemm()) {
            return VectorGemm.pack(w, k, n);
        }
        int np = paddedWidth(n);
        if (np == n) {
            return w;
        }
        double[] p = new double[k * np];
        for (int r = 0; r < k; r++) {
            System.arraycopy(w, r * n, p, r * np, n);
        }
        return p;
    }

    /**
     * Backward of the contraction for one row when the embedding's derivative dG/dŝ is known
     * (forward-mode or tabulated embedding), without forming dL/dG: with
     * dG_k = scale·Σ_c dtc[tcOff + c·m + k]·h_c,
     * e[c] = Σ_k dtc[tcOff + c·m + k]·g[gOff + k] (c = 0..3) and e[4] = Σ_k dG_k·dgds[gOff + k].
     */
    static void contractRowTangent(double[] dtc, int tcOff, int m, double[] g, double[] dgds, int gOff, double h0,
                                   double h1, double h2, double h3, double scale, double[] e) {
        if (VECTOR) {
            VectorKernels.contractRowTangent(dtc, tcOff, m, g, dgds, gOff, h0, h1, h2, h3, scale, e);
        } else {
            ScalarKernels.contractRowTangent(dtc, tcOff, m, g, dgds, gOff, h0, h1, h2, h3, scale, e);
        }
    }

    /**
     * The Gram product's backward for one atom, component-major: with T (M×4) held as
     * tc[c·M + k] from tcOff and dL/dD (M×M₂ row-major) from dOff,
     * <pre>
     *   dT[k, c] = Σ_{j&lt;M₂} dD[k, j]·T[j, c]  +  [k &lt; M₂] Σ_{i&lt;M} dD[i, k]·T[i, c]
     * </pre>
     * written (overwriting) to dtc[c·M + k] from dtcOff.
     */
    static void gramBackward(double[] dD, int dOff, double[] tc, int tcOff, int m, int m2, double[] dtc, int dtcOff) {
        if (VECTOR && m2 % VectorKernels.lanes() == 0) {
            VectorKernels.gramBackward(dD, dOff, tc, tcOff, m, m2, dtc, dtcOff);
        } else {
            ScalarKernels.gramBackward(dD, dOff, tc, tcOff, m, m2, dtc, dtcOff);
        }
    }

    private static void checkRange(double[] a, int from, int to) {
        if (from < 0 || to > a.length || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") outside an array of " + a.length);
        }
    }

    private static void checkMatrix(double[] a, int rows, int cols) {
        if (rows < 0 || cols < 0 || (long) rows * cols > a.length) {
            throw new IndexOutOfBoundsException(rows + "×" + cols + " does not fit an array of " + a.length);
        }
    }
}
