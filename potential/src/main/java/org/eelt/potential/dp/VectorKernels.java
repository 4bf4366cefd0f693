package org.eelt.potential.dp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API (SIMD) versions of the {@link VectorMath} kernels. Loaded only when the JVM has the
 * module {@code jdk.incubator.vector}; {@link VectorMath} checks that before the first call.
 * Tails shorter than a vector run the scalar formulas.
 *
 * <p>tanh z = sign(z)·(1 − 2/(e^{2|z|} + 1)), with e^x from the Vector API's lane-wise EXP
 * (the JDK's SVML intrinsic on x86): absolute error ≤ 2.3e-16 against {@link Math#tanh}.
 */
final class VectorKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorKernels() {
    }

    static int lanes() {
        return L;
    }

    static DoubleVector tanh(DoubleVector z) {
        DoubleVector e = z.abs().mul(2.0).lanewise(VectorOperators.EXP);
        DoubleVector t = DoubleVector.broadcast(S, 1.0).sub(DoubleVector.broadcast(S, 2.0).div(e.add(1.0)));
        VectorMask<Double> neg = z.compare(VectorOperators.LT, 0.0);
        return t.blend(t.neg(), neg);
    }

    static void tanh(double[] a, int from, int to) {
        int i = from;
        for (int ub = to - L; i <= ub; i += L) {
            tanh(DoubleVector.fromArray(S, a, i)).intoArray(a, i);
        }
        for (; i < to; i++) {
            a[i] = Activation.tanh(a[i]);
        }
    }

    static void tanhBackward(double[] dy, double[] t, double[] dz, int from, int to) {
        int i = from;
        for (int ub = to - L; i <= ub; i += L) {
            DoubleVector tv = DoubleVector.fromArray(S, t, i);
            DoubleVector one = DoubleVector.broadcast(S, 1.0);
            DoubleVector.fromArray(S, dy, i).mul(one.sub(tv.mul(tv))).intoArray(dz, i);
        }
        for (; i < to; i++) {
            double ti = t[i];
            dz[i] = dy[i] * (1.0 - ti * ti);
        }
    }

    static void addRows(double[] a, int rows, int cols, double[] row) {
        int vb = cols - cols % L;
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < vb; j += L) {
                DoubleVector.fromArray(S, a, o + j).add(DoubleVector.fromArray(S, row, j)).intoArray(a, o + j);
            }
            for (; j < cols; j++) {
                a[o + j] += row[j];
            }
        }
    }

    static void sumRows(double[] a, int rows, int cols, double[] acc) {
        int vb = cols - cols % L;
        for (int j = 0; j < vb; j += L) {
            DoubleVector s = DoubleVector.fromArray(S, acc, j);
            for (int r = 0; r < rows; r++) {
                s = s.add(DoubleVector.fromArray(S, a, r * cols + j));
            }
            s.intoArray(acc, j);
        }
        for (int j = vb; j < cols; j++) {
            double s = acc[j];
            for (int r = 0; r < rows; r++) {
                s += a[r * cols + j];
            }
            acc[j] = s;
        }
    }
}
