package org.eelt.potential.dp;

/**
 * Plain-Java versions of the {@link VectorMath} kernels, used when the JVM lacks
 * {@code jdk.incubator.vector} (and by tests, to compare both paths). Pure functions on flat arrays.
 */
final class ScalarKernels {
    private ScalarKernels() {
    }

    static void tanh(double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = Activation.tanh(a[i]);
        }
    }

    static void tanhBackward(double[] dy, double[] t, double[] dz, int from, int to) {
        for (int i = from; i < to; i++) {
            double ti = t[i];
            dz[i] = dy[i] * (1.0 - ti * ti);
        }
    }

    static void addRows(double[] a, int rows, int cols, double[] row) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                a[o + j] += row[j];
            }
        }
    }

    static void sumRows(double[] a, int rows, int cols, double[] acc) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                acc[j] += a[o + j];
            }
        }
    }
}
