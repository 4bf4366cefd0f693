package org.eelt.potential.dp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vector (SIMD) and scalar kernels of {@link VectorMath} compute the same functions. */
class VectorMathTest {
    /** Values over the whole range tanh is not saturated in, plus saturation, ±0 and tiny arguments. */
    private static double[] samples(int n, long seed) {
        Random r = new Random(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = switch (i % 7) {
                case 0 -> r.nextGaussian() * 3;
                case 1 -> r.nextGaussian() * 1e-3;
                case 2 -> (r.nextDouble() - 0.5) * 60;
                case 3 -> i % 2 == 0 ? 0.0 : -0.0;
                case 4 -> r.nextGaussian() * 1e-12;
                default -> r.nextGaussian();
            };
        }
        return a;
    }

    @Test
    void theTestJvmRunsTheVectorPath() {
        assertTrue(VectorMath.vectorized(), "surefire's argLine adds --add-modules jdk.incubator.vector, "
                + "so the vector kernels must be active here (else the comparison below tests nothing)");
        assertTrue(VectorMath.lanes() >= 2);
    }

    @Test
    void vectorAndScalarTanhAgreeAndMatchMathTanh() {
        double[] x = samples(10_007, 1);
        // odd offsets and lengths exercise the scalar tails of the vector loop
        for (int[] r : new int[][] {{0, x.length}, {3, 3 + 13}, {5, 6}, {1, x.length - 2}, {7, 7}}) {
            double[] v = x.clone();
            double[] s = x.clone();
            VectorKernels.tanh(v, r[0], r[1]);
            ScalarKernels.tanh(s, r[0], r[1]);
            for (int i = 0; i < x.length; i++) {
                boolean inside = i >= r[0] && i < r[1];
                double ref = inside ? Math.tanh(x[i]) : x[i];
                assertEquals(s[i], v[i], 1e-15, "vector vs scalar at " + i + " (x = " + x[i] + ")");
                assertEquals(ref, v[i], 3e-16, "vector vs Math.tanh at " + i + " (x = " + x[i] + ")");
                assertEquals(ref, s[i], 3e-16, "scalar vs Math.tanh at " + i + " (x = " + x[i] + ")");
            }
        }
        double[] odd = {-0.7, 0.7};
        VectorMath.tanhInPlace(odd, 0, 2);
        assertEquals(-odd[1], odd[0], 0.0, "tanh is odd");
    }

    @Test
    void polynomialTanhMatchesMathTanhAndTheSvmlVariantIncludingSpecialValues() {
        jdk.incubator.vector.VectorSpecies<Double> sp = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED;
        int lanes = sp.length();
        double[] special = {0.0, -0.0, 1e-300, -1e-300, 19.0, 20.0, -21.0, 700.0, 1e300, -1e300,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 0.34657359, -5.5};
        double[] x = samples(20_000 * lanes, 4);
        System.arraycopy(special, 0, x, 0, special.length);
        for (int i = 0; i < x.length; i += lanes) {
            jdk.incubator.vector.DoubleVector v = jdk.incubator.vector.DoubleVector.fromArray(sp, x, i);
            double[] poly = VectorTanh.tanhPoly(v).toArray();
            double[] svml = VectorTanh.tanhSvml(v).toArray();
            for (int l = 0; l < lanes; l++) {
                double ref = Math.tanh(x[i + l]);
                assertEquals(ref, poly[l], 2.3e-16, "polynomial tanh vs Math.tanh at x = " + x[i + l]);
                assertEquals(svml[l], poly[l], 2.3e-16, "polynomial vs SVML tanh at x = " + x[i + l]);
            }
            double[] mirrored = VectorTanh.tanhPoly(v.neg()).toArray();
            for (int l = 0; l < lanes; l++) {
                assertEquals(-poly[l], mirrored[l], 0.0, "tanh is odd at x = " + x[i + l]);
            }
        }
        double[] nan = VectorTanh.tanhPoly(jdk.incubator.vector.DoubleVector.broadcast(sp, Double.NaN)).toArray();
        assertTrue(Double.isNaN(nan[0]), "NaN in, NaN out (no silent finite value)");
    }

    /** The Gram backward kernels against the definition, for M₂ on and off the lane count. */
    @Test
    void gramBackwardMatchesItsDefinition() {
        Random r = new Random(5);
        for (int[] shape : new int[][] {{100, 16}, {12, 8}, {25, 4}, {30, 24}}) {
            int m = shape[0], m2 = shape[1];
            double[] dD = new double[3 + m * m2];
            double[] tc = new double[5 + 4 * m];
            for (int i = 0; i < dD.length; i++) {
                dD[i] = r.nextGaussian();
            }
            for (int i = 0; i < tc.length; i++) {
                tc[i] = r.nextGaussian();
            }
            double[] expected = new double[4 * m];
            for (int k = 0; k < m; k++) {
                for (int c = 0; c < 4; c++) {
                    double s = 0;
                    for (int j = 0; j < m2; j++) {
                        s += dD[3 + k * m2 + j] * tc[5 + c * m + j];
                    }
                    if (k < m2) {
                        for (int i = 0; i < m; i++) {
                            s += dD[3 + i * m2 + k] * tc[5 + c * m + i];
                        }
                    }
                    expected[c * m + k] = s;
                }
            }
            double[] viaDispatch = new double[7 + 4 * m];
            java.util.Arrays.fill(viaDispatch, Double.NaN); // overwritten, not accumulated into
            VectorMath.gramBackward(dD, 3, tc, 5, m, m2, viaDispatch, 7);
            double[] scalar = new double[7 + 4 * m];
            ScalarKernels.gramBackward(dD, 3, tc, 5, m, m2, scalar, 7);
            for (int i = 0; i < 4 * m; i++) {
                double tol = 1e-13 * Math.max(1, Math.abs(expected[i]));
                assertEquals(expected[i], viaDispatch[7 + i], tol, "vector path, M " + m + ", M2 " + m2 + ", entry " + i);
                assertEquals(expected[i], scalar[7 + i], tol, "scalar path, M " + m + ", M2 " + m2 + ", entry " + i);
            }
        }
    }

    @Test
    void tanhBackwardIsBitIdentical() {
        double[] t = samples(1001, 2);
        ScalarKernels.tanh(t, 0, t.length);
        double[] dy = samples(1001, 3);
        double[] v = new double[t.length];
        double[] s = new double[t.length];
        VectorKernels.tanhBackward(dy, t, v, 1, t.length);
        ScalarKernels.tanhBackward(dy, t, s, 1, t.length);
        assertArrayEquals(s, v, 0.0);
        assertEquals(dy[9] * (1 - t[9] * t[9]), v[9], 0.0);
        assertEquals(0.0, v[0], 0.0, "outside the range nothing is written");
    }

    @Test
    void rowKernelsAreBitIdentical() {
        for (int cols : new int[] {1, 3, 25, 50, 100, 240}) {
            int rows = 37;
            double[] a = samples(rows * cols, cols);
            double[] row = samples(cols, 10 + cols);
            double[] v = a.clone();
            double[] s = a.clone();
            VectorKernels.addRows(v, rows, cols, row);
            ScalarKernels.addRows(s, rows, cols, row);
            assertArrayEquals(s, v, 0.0, "addRows cols=" + cols);
            assertEquals(a[cols * 5 + cols - 1] + row[cols - 1], v[cols * 5 + cols - 1], 0.0);
            double[] accV = row.clone();
            double[] accS = row.clone();
            VectorKernels.sumRows(a, rows, cols, accV);
            ScalarKernels.sumRows(a, rows, cols, accS);
            assertArrayEquals(accS, accV, 0.0, "sumRows cols=" + cols);
            double col0 = row[0];
            for (int r = 0; r < rows; r++) {
                col0 += a[r * cols];
            }
            assertEquals(col0, accV[0], 0.0);
            double[] f = new double[rows * cols];
            VectorMath.fillRows(f, rows, cols, row);
            assertEquals(row[cols - 1], f[(rows - 1) * cols + cols - 1], 0.0);
        }
    }

    @Test
    void badRangesAreRejected() {
        double[] a = new double[8];
        assertThrows(IndexOutOfBoundsException.class, () -> VectorMath.tanhInPlace(a, 4, 9));
        assertThrows(IndexOutOfBoundsException.class, () -> VectorMath.tanhInPlace(a, 5, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> VectorMath.addRows(a, 3, 3, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> VectorMath.sumRows(a, 2, 4, new double[3]));
    }

    /** A JVM started without {@code --add-modules jdk.incubator.vector} falls back to the scalar path. */
    @Test
    void aJvmWithoutTheModuleRunsTheScalarPath() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), Probe.class.getName()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        String[] parts = out.split("\\s+");
        assertFalse(Boolean.parseBoolean(parts[parts.length - 2]), "scalar path expected: " + out);
        assertEquals(Math.tanh(0.5), Double.parseDouble(parts[parts.length - 1]), 3e-16, out);
    }

    /** Entry point of the child JVM: prints whether the vector path is used and tanh(0.5). */
    public static final class Probe {
        public static void main(String[] args) {
            double[] a = {0.5};
            VectorMath.tanhInPlace(a, 0, 1);
            System.out.println(VectorMath.vectorized() + " " + a[0]);
        }
    }
}
