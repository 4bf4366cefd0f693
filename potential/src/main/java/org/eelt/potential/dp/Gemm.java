package org.eelt.potential.dp;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

/**
 * The matrix products of a dense layer on flat row-major arrays: C = A·B, C = A·Bᵀ and
 * C += Aᵀ·B, on whole arrays or on row ranges (offsets in entries). Products with both inner
 * widths at least {@link #BLAS_MIN_WIDTH} go to OpenBLAS {@code cblas_dgemm} (the build that
 * ND4J's nd4j-native ships, through its JavaCPP binding); products with a width-1 side (the
 * embedding net's first layer, the fitting net's output layer) run as plain Java loops whose
 * innermost loop is contiguous, so the JIT vectorises it.
 *
 * <p>The operands are staged through per-thread off-heap buffers that are reused from call to
 * call: JavaCPP's {@code double[]} overloads go through JNI {@code Get/ReleaseDoubleArrayElements},
 * which on HotSpot allocates a fresh native copy of all three matrices and copies all three back,
 * so a 8832×50·50×100 product ran at 20 GFLOP/s instead of 27 and a 512-row one at 30 instead
 * of 39 (single thread, thread CPU time, Zen4 development machine). Staging copies A and B in
 * and C out (C in too when accumulating), once each, into memory that stays in cache; buffers
 * above {@link #MAX_RETAINED} entries are freed after the call.
 */
public final class Gemm {
    /** Minimum of the two non-row dimensions from which products are sent to DGEMM. */
    static final int BLAS_MIN_WIDTH = 8;
    /** Staging buffers larger than this many entries (32 MiB) are freed after the call. */
    static final long MAX_RETAINED = 4L << 20;
    private static final ThreadLocal<Stage> STAGE = ThreadLocal.withInitial(Stage::new);

    private Gemm() {
    }

    private static boolean useBlas(int m, int k, int n) {
        return m >= 4 && Math.min(k, n) >= BLAS_MIN_WIDTH;
    }

    /** c[m×n] = a[m×k] · b[k×n] (overwrites c). */
    public static void mul(double[] a, double[] b, double[] c, int m, int k, int n) {
        mul(a, 0, b, c, 0, m, k, n);
    }

    /**
     * c[cOff …][m×n] = a[aOff …][m×k] · b[k×n]: the product of rows of a starting at entry aOff,
     * written to rows of c starting at entry cOff (overwrites those rows).
     */
    public static void mul(double[] a, int aOff, double[] b, double[] c, int cOff, int m, int k, int n) {
        if (useBlas(m, k, n)) {
            Stage s = STAGE.get();
            DoublePointer pa = s.a(a, aOff, m * k);
            DoublePointer pb = s.b(b, 0, k * n);
            Buf pc = s.c(m * n);
            openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k, 1.0,
                    pa, k, pb, n, 0.0, pc.ptr, n);
            pc.store(c, cOff, m * n);
            s.trim();
            return;
        }
        java.util.Arrays.fill(c, cOff, cOff + m * n, 0.0);
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            int ai = aOff + i * k;
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

    /**
     * As {@link #mul(double[], int, double[], double[], int, int, int, int)} with b already off-heap
     * ({@link Resident}, e.g. a layer's weights), which saves copying it on every call.
     */
    static void mul(double[] a, int aOff, Resident b, double[] c, int cOff, int m, int k, int n) {
        if (!useBlas(m, k, n)) {
            mul(a, aOff, b.values, c, cOff, m, k, n);
            return;
        }
        Stage s = STAGE.get();
        DoublePointer pa = s.a(a, aOff, m * k);
        Buf pc = s.c(m * n);
        openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k, 1.0,
                pa, k, b.pointer(), n, 0.0, pc.ptr, n);
        pc.store(c, cOff, m * n);
        s.trim();
    }

    /** As {@link #mulTransB(double[], int, double[], double[], int, int, int, int)} with b off-heap. */
    static void mulTransB(double[] a, int aOff, Resident b, double[] c, int cOff, int m, int n, int k) {
        if (!useBlas(m, k, n)) {
            mulTransB(a, aOff, b.values, c, cOff, m, n, k);
            return;
        }
        Stage s = STAGE.get();
        DoublePointer pa = s.a(a, aOff, m * n);
        Buf pc = s.c(m * k);
        openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, m, k, n, 1.0,
                pa, n, b.pointer(), n, 0.0, pc.ptr, k);
        pc.store(c, cOff, m * k);
        s.trim();
    }

    /**
     * An immutable matrix with an off-heap copy made on first use (then shared by all threads and
     * freed with this object by JavaCPP's deallocator). The array must never be modified.
     */
    static final class Resident {
        final double[] values;
        private volatile DoublePointer pointer;

        Resident(double[] values) {
            this.values = values;
        }

        DoublePointer pointer() {
            DoublePointer p = pointer;
            if (p == null) {
                synchronized (this) {
                    p = pointer;
                    if (p == null) {
                        p = new DoublePointer(values.length);
                        p.asBuffer().put(0, values, 0, values.length);
                        pointer = p;
                    }
                }
            }
            return p;
        }
    }

    /** c[m×k] = a[m×n] · b[k×n]ᵀ (overwrites c). */
    public static void mulTransB(double[] a, double[] b, double[] c, int m, int n, int k) {
        mulTransB(a, 0, b, c, 0, m, n, k);
    }

    /** Rows of c from entry cOff [m×k] = rows of a from entry aOff [m×n] · b[k×n]ᵀ (overwrites). */
    public static void mulTransB(double[] a, int aOff, double[] b, double[] c, int cOff, int m, int n, int k) {
        if (useBlas(m, k, n)) {
            Stage s = STAGE.get();
            DoublePointer pa = s.a(a, aOff, m * n);
            DoublePointer pb = s.b(b, 0, k * n);
            Buf pc = s.c(m * k);
            openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, m, k, n, 1.0,
                    pa, n, pb, n, 0.0, pc.ptr, k);
            pc.store(c, cOff, m * k);
            s.trim();
            return;
        }
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * n;
            for (int p = 0; p < k; p++) {
                int bp = p * n;
                double s = 0.0;
                for (int j = 0; j < n; j++) {
                    s += a[ai + j] * b[bp + j];
                }
                c[cOff + i * k + p] = s;
            }
        }
    }

    /** c[k×n] += a[m×k]ᵀ · b[m×n]. */
    public static void mulTransAAdd(double[] a, double[] b, double[] c, int m, int k, int n) {
        mulTransAAdd(a, 0, b, 0, c, m, k, n);
    }

    /** c[k×n] += (rows of a from entry aOff)[m×k]ᵀ · (rows of b from entry bOff)[m×n]. */
    public static void mulTransAAdd(double[] a, int aOff, double[] b, int bOff, double[] c, int m, int k, int n) {
        if (useBlas(m, k, n)) {
            Stage s = STAGE.get();
            DoublePointer pa = s.a(a, aOff, m * k);
            DoublePointer pb = s.b(b, bOff, m * n);
            Buf pc = s.c(k * n);
            pc.view.put(0, c, 0, k * n);
            openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasTrans, openblas.CblasNoTrans, k, n, m, 1.0,
                    pa, k, pb, n, 1.0, pc.ptr, n);
            pc.store(c, 0, k * n);
            s.trim();
            return;
        }
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * k;
            int bi = bOff + i * n;
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
     * Three growable off-heap buffers of one thread. Released by JavaCPP's deallocator when the
     * thread's stage is garbage collected, or when a buffer grows.
     */
    private static final class Stage {
        private final Buf a = new Buf();
        private final Buf b = new Buf();
        private final Buf c = new Buf();

        DoublePointer a(double[] src, int off, int n) {
            return a.load(src, off, n);
        }

        DoublePointer b(double[] src, int off, int n) {
            return b.load(src, off, n);
        }

        Buf c(int n) {
            c.fit(n);
            return c;
        }

        /** Frees buffers above {@link #MAX_RETAINED} entries, so one huge product does not pin memory. */
        void trim() {
            a.trim();
            b.trim();
            c.trim();
        }
    }

    /**
     * One off-heap buffer with a direct {@link java.nio.DoubleBuffer} view: bulk copies through
     * the view are plain memory copies of the range (JavaCPP's {@code put(double[], …)} would pin
     * or copy the whole Java array through JNI).
     */
    private static final class Buf {
        DoublePointer ptr;
        java.nio.DoubleBuffer view;

        void fit(long n) {
            if (ptr != null && ptr.capacity() >= n) {
                return;
            }
            if (ptr != null) {
                ptr.close();
            }
            ptr = new DoublePointer(Math.max(n, 1024));
            view = ptr.asBuffer();
        }

        void trim() {
            if (ptr != null && ptr.capacity() > MAX_RETAINED) {
                ptr.close();
                ptr = null;
                view = null;
            }
        }

        DoublePointer load(double[] src, int off, int n) {
            fit(n);
            view.put(0, src, off, n);
            return ptr;
        }

        void store(double[] dst, int off, int n) {
            view.get(0, dst, off, n);
        }
    }
}
