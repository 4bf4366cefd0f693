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
