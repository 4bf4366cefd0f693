package org.eelt.potential.dp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API (SIMD) versions of the {@link VectorMath} kernels. Loaded only when the JVM has the
 * module {@code jdk.incubator.vector}; {@link VectorMath} checks that before the first call.
 * Tails shorter than a vector run the scalar formulas.
 *
 * <p>tanh is {@link VectorTanh}'s (absolute error ≤ 2.3e-16 against {@link Math#tanh}).
 */
final class VectorKernels {
    private static final VectorSpecies<Double> S = species();
    private static final int L = S.length();

    private VectorKernels() {
    }

    /**
     * The CPU's preferred vector shape (512 bits, 8 lanes, with AVX-512; measured faster than 256
     * bits on the Zen 4 development machine although Zen 4 splits 512-bit operations in two).
     * System property {@code eelt.vector.bits} (128 or 256) selects a narrower shape.
     */
    static VectorSpecies<Double> species() {
        VectorSpecies<Double> preferred = DoubleVector.SPECIES_PREFERRED;
        int bits = Integer.getInteger("eelt.vector.bits", preferred.vectorBitSize());
        if (bits >= preferred.vectorBitSize()) {
            return preferred;
        }
        return bits <= 128 ? DoubleVector.SPECIES_128 : DoubleVector.SPECIES_256;
    }

    static int lanes() {
        return L;
    }

    static void tanh(double[] a, int from, int to) {
        int i = from;
        for (int ub = to - L; i <= ub; i += L) {
            VectorTanh.tanh(DoubleVector.fromArray(S, a, i)).intoArray(a, i);
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

    static void biasAct(double[] t, int off, int rows, int cols, double[] b, boolean tanh) {
        if (b == null) {
            if (tanh) {
                tanh(t, off, off + rows * cols);
            }
            return;
        }
        int vb = cols - cols % L;
        for (int r = 0; r < rows; r++) {
            int o = off + r * cols;
            int j = 0;
            for (; j < vb; j += L) {
                DoubleVector z = DoubleVector.fromArray(S, t, o + j).add(DoubleVector.fromArray(S, b, j));
                (tanh ? VectorTanh.tanh(z) : z).intoArray(t, o + j);
            }
            for (; j < cols; j++) {
                double z = t[o + j] + b[j];
                t[o + j] = tanh ? Activation.tanh(z) : z;
            }
        }
    }

    static void idtSkip(double[] t, int tOff, double[] x, int xOff, double[] y, int yOff, int rows, int in, int out,
                        double[] idt, int skip) {
        for (int r = 0; r < rows; r++) {
            int o = tOff + r * out;
            int yo = yOff + r * out;
            int xi = xOff + r * in;
            if (skip == 0) {
                idtSegment(t, o, null, 0, y, yo, idt, 0, out);
            } else if (skip == 1) {
                idtSegment(t, o, x, xi, y, yo, idt, 0, out);
            } else {
                idtSegment(t, o, x, xi, y, yo, idt, 0, in);
                idtSegment(t, o, x, xi - in, y, yo, idt, in, out);
            }
        }
    }

    /** y[yo + j] = t[o + j]·idt[j] + x[xi + j] for j in [j0, j1) (idt or x may be null). */
    private static void idtSegment(double[] t, int o, double[] x, int xi, double[] y, int yo, double[] idt,
                                   int j0, int j1) {
        int j = j0;
        for (int ub = j1 - L; j <= ub; j += L) {
            DoubleVector v = DoubleVector.fromArray(S, t, o + j);
            if (idt != null) {
                v = v.mul(DoubleVector.fromArray(S, idt, j));
            }
            if (x != null) {
                v = v.add(DoubleVector.fromArray(S, x, xi + j));
            }
            v.intoArray(y, yo + j);
        }
        for (; j < j1; j++) {
            double v = idt == null ? t[o + j] : t[o + j] * idt[j];
            if (x != null) {
                v += x[xi + j];
            }
            y[yo + j] = v;
        }
    }

    static void actBackward(double[] dy, int dyOff, double[] t, int tOff, double[] dz, int rows, int cols,
                            double[] idt, boolean tanh) {
        if (idt == null) {
            if (tanh) {
                flatTanhBackward(dy, dyOff, t, tOff, dz, rows * cols);
            } else {
                System.arraycopy(dy, dyOff, dz, 0, rows * cols);
            }
            return;
        }
        int vb = cols - cols % L;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < vb; j += L) {
                DoubleVector d = DoubleVector.fromArray(S, dy, dyOff + o + j).mul(DoubleVector.fromArray(S, idt, j));
                if (tanh) {
                    DoubleVector tv = DoubleVector.fromArray(S, t, tOff + o + j);
                    d = d.mul(one.sub(tv.mul(tv)));
                }
                d.intoArray(dz, o + j);
            }
            for (; j < cols; j++) {
                double d = dy[dyOff + o + j] * idt[j];
                if (tanh) {
                    double tv = t[tOff + o + j];
                    d *= 1.0 - tv * tv;
                }
                dz[o + j] = d;
            }
        }
    }

    private static void flatTanhBackward(double[] dy, int dyOff, double[] t, int tOff, double[] dz, int n) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int i = 0;
        for (int ub = n - L; i <= ub; i += L) {
            DoubleVector tv = DoubleVector.fromArray(S, t, tOff + i);
            DoubleVector.fromArray(S, dy, dyOff + i).mul(one.sub(tv.mul(tv))).intoArray(dz, i);
        }
        for (; i < n; i++) {
            double tv = t[tOff + i];
            dz[i] = dy[dyOff + i] * (1.0 - tv * tv);
        }
    }

    static void skipBackward(double[] dy, int dyOff, double[] dx, int dxOff, int rows, int in, int out, int skip) {
        for (int r = 0; r < rows; r++) {
            int o = dyOff + r * out;
            int xi = dxOff + r * in;
            int j = 0;
            for (int ub = in - L; j <= ub; j += L) {
                DoubleVector v = DoubleVector.fromArray(S, dy, o + j);
                if (skip == 2) {
                    v = v.add(DoubleVector.fromArray(S, dy, o + in + j));
                }
                DoubleVector.fromArray(S, dx, xi + j).add(v).intoArray(dx, xi + j);
            }
            for (; j < in; j++) {
                double v = dy[o + j];
                if (skip == 2) {
                    v += dy[o + in + j];
                }
                dx[xi + j] += v;
            }
        }
    }

    static void contractRow(double[] g, int gOff, int m, double h0, double h1, double h2, double h3, double[] tc,
                            int tcOff) {
        int k = 0;
        int o1 = tcOff + m, o2 = tcOff + 2 * m, o3 = tcOff + 3 * m;
        for (int ub = m - L; k <= ub; k += L) {
            DoubleVector gv = DoubleVector.fromArray(S, g, gOff + k);
            DoubleVector.fromArray(S, tc, tcOff + k).add(gv.mul(h0)).intoArray(tc, tcOff + k);
            DoubleVector.fromArray(S, tc, o1 + k).add(gv.mul(h1)).intoArray(tc, o1 + k);
            DoubleVector.fromArray(S, tc, o2 + k).add(gv.mul(h2)).intoArray(tc, o2 + k);
            DoubleVector.fromArray(S, tc, o3 + k).add(gv.mul(h3)).intoArray(tc, o3 + k);
        }
        for (; k < m; k++) {
            double gv = g[gOff + k];
            tc[tcOff + k] += gv * h0;
            tc[o1 + k] += gv * h1;
            tc[o2 + k] += gv * h2;
            tc[o3 + k] += gv * h3;
        }
    }

    static void contractRowBackward(double[] dtc, int tcOff, int m, double[] g, int gOff, double h0, double h1,
                                    double h2, double h3, double scale, double[] dg, double[] e) {
        int o1 = tcOff + m, o2 = tcOff + 2 * m, o3 = tcOff + 3 * m;
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        double s0 = h0 * scale, s1 = h1 * scale, s2 = h2 * scale, s3 = h3 * scale;
        int k = 0;
        for (int ub = m - L; k <= ub; k += L) {
            DoubleVector t0 = DoubleVector.fromArray(S, dtc, tcOff + k);
            DoubleVector t1 = DoubleVector.fromArray(S, dtc, o1 + k);
            DoubleVector t2 = DoubleVector.fromArray(S, dtc, o2 + k);
            DoubleVector t3 = DoubleVector.fromArray(S, dtc, o3 + k);
            t0.mul(s0).add(t1.mul(s1)).add(t2.mul(s2)).add(t3.mul(s3)).intoArray(dg, gOff + k);
            DoubleVector gv = DoubleVector.fromArray(S, g, gOff + k);
            a0 = a0.add(t0.mul(gv));
            a1 = a1.add(t1.mul(gv));
            a2 = a2.add(t2.mul(gv));
            a3 = a3.add(t3.mul(gv));
        }
        double e0 = a0.reduceLanes(VectorOperators.ADD), e1 = a1.reduceLanes(VectorOperators.ADD);
        double e2 = a2.reduceLanes(VectorOperators.ADD), e3 = a3.reduceLanes(VectorOperators.ADD);
        for (; k < m; k++) {
            double t0 = dtc[tcOff + k], t1 = dtc[o1 + k], t2 = dtc[o2 + k], t3 = dtc[o3 + k];
            dg[gOff + k] = t0 * s0 + t1 * s1 + t2 * s2 + t3 * s3;
            double gv = g[gOff + k];
            e0 += t0 * gv;
            e1 += t1 * gv;
            e2 += t2 * gv;
            e3 += t3 * gv;
        }
        e[0] = e0;
        e[1] = e1;
        e[2] = e2;
        e[3] = e3;
    }

    /**
     * t[off + i] = φ(t[off + i] + pattern[i mod period]) for i &lt; n, where pattern is the bias
     * tiled to a period that is a multiple of the lane count (so rows of any width need no
     * scalar tail except at the very end).
     */
    static void biasActFlat(double[] t, int off, int n, double[] pattern, int period, boolean tanh) {
        int i = 0;
        int p = 0;
        for (int ub = n - L; i <= ub; i += L) {
            DoubleVector z = DoubleVector.fromArray(S, t, off + i).add(DoubleVector.fromArray(S, pattern, p));
            (tanh ? VectorTanh.tanh(z) : z).intoArray(t, off + i);
            p += L;
            if (p == period) {
                p = 0;
            }
        }
        for (; i < n; i++) {
            double z = t[off + i] + pattern[i % period];
            t[off + i] = tanh ? Activation.tanh(z) : z;
        }
    }

    /**
     * The tangent activation, row by row: each value row of z (rows×zStride block) and its
     * derivative row (the block after it) are activated over the padded stride, the skip terms
     * added, and the results stored to y and dy with row stride ys, so every load and store is a
     * whole vector (zStride is a multiple of the lane count). bPadded and idtPadded are never null
     * (zeros and ones stand in for an absent bias or idt), so the inner loops have no branch.
     *
     * <p>Skip terms are read from x over the whole padded row: for skip 1 (in = out) x's row is
     * the layer input itself; for skip 2 (out = 2·in) x's row must already hold [x, x] — the
     * previous layer wrote it so ({@code dup}). With {@code dup} each output row is followed by a
     * copy of its first {@code out} entries, [y, y], as the next layer's skip 2 needs (ys ≥ 2·out).
     * Padding columns of y and dy get unspecified values.
     */
    static void tangentAct(double[] z, int zStride, double[] x, int lda, int rows, int out, double[] bPadded,
                           double[] idtPadded, int skip, boolean tanh, double[] y, int yOff, double[] dy, int dyOff,
                           int ys, boolean dup) {
        int n = rows * zStride;
        for (int r = 0; r < rows; r++) {
            int zo = r * zStride;
            int yo = yOff + r * ys;
            int dyo = dyOff + r * ys;
            if (!tanh) {
                linearRow(z, zo, n + zo, zStride, bPadded, idtPadded, skip == 0 ? null : x, r * lda, (rows + r) * lda,
                        y, yo, dy, dyo);
            } else if (skip == 0) {
                tanhRow(z, zo, n + zo, zStride, bPadded, idtPadded, y, yo, dy, dyo);
            } else {
                tanhRowSkip(z, zo, n + zo, zStride, bPadded, idtPadded, x, r * lda, (rows + r) * lda, y, yo, dy, dyo);
            }
            if (dup) {
                duplicate(y, yo, out);
                duplicate(dy, dyo, out);
            }
        }
    }

    /** y = tanh(z + b)∘idt and dy = (1 − tanh²)∘ż∘idt over one padded row. */
    private static void tanhRow(double[] z, int zo, int dzo, int width, double[] b, double[] idt, double[] y, int yo,
                                double[] dy, int dyo) {
        for (int j = 0; j < width; j += L) {
            // tanh before any other load: with the SVML variant nothing else is live across its call
            DoubleVector v = VectorTanh.tanh(DoubleVector.fromArray(S, z, zo + j).add(DoubleVector.fromArray(S, b, j)));
            DoubleVector d = DoubleVector.fromArray(S, z, dzo + j).mul(DoubleVector.broadcast(S, 1.0).sub(v.mul(v)));
            DoubleVector iv = DoubleVector.fromArray(S, idt, j);
            v.mul(iv).intoArray(y, yo + j);
            d.mul(iv).intoArray(dy, dyo + j);
        }
    }

    /** {@link #tanhRow} plus the skip rows x[so..] and x[sdo..] (one padded row each). */
    private static void tanhRowSkip(double[] z, int zo, int dzo, int width, double[] b, double[] idt, double[] x,
                                    int so, int sdo, double[] y, int yo, double[] dy, int dyo) {
        for (int j = 0; j < width; j += L) {
            DoubleVector v = VectorTanh.tanh(DoubleVector.fromArray(S, z, zo + j).add(DoubleVector.fromArray(S, b, j)));
            DoubleVector d = DoubleVector.fromArray(S, z, dzo + j).mul(DoubleVector.broadcast(S, 1.0).sub(v.mul(v)));
            DoubleVector iv = DoubleVector.fromArray(S, idt, j);
            v.fma(iv, DoubleVector.fromArray(S, x, so + j)).intoArray(y, yo + j);
            d.fma(iv, DoubleVector.fromArray(S, x, sdo + j)).intoArray(dy, dyo + j);
        }
    }

    /** y = (z + b)∘idt + skip and dy = ż∘idt + skip over one padded row (x null: no skip). */
    private static void linearRow(double[] z, int zo, int dzo, int width, double[] b, double[] idt, double[] x, int so,
                                  int sdo, double[] y, int yo, double[] dy, int dyo) {
        for (int j = 0; j < width; j += L) {
            DoubleVector iv = DoubleVector.fromArray(S, idt, j);
            DoubleVector v = DoubleVector.fromArray(S, z, zo + j).add(DoubleVector.fromArray(S, b, j)).mul(iv);
            DoubleVector d = DoubleVector.fromArray(S, z, dzo + j).mul(iv);
            if (x != null) {
                v = v.add(DoubleVector.fromArray(S, x, so + j));
                d = d.add(DoubleVector.fromArray(S, x, sdo + j));
            }
            v.intoArray(y, yo + j);
            d.intoArray(dy, dyo + j);
        }
    }

    /**
     * a[o + out + j] = a[o + j] for j &lt; out: whole vectors read where the row's own stores
     * wrote them (so they forward from the store buffer), a scalar tail for the last out mod L.
     */
    private static void duplicate(double[] a, int o, int out) {
        int j = 0;
        for (int ub = out - L; j <= ub; j += L) {
            DoubleVector.fromArray(S, a, o + j).intoArray(a, o + out + j);
        }
        for (; j < out; j++) {
            a[o + out + j] = a[o + j];
        }
    }

    static void contractRowTangent(double[] dtc, int tcOff, int m, double[] g, double[] dgds, int gOff, double h0,
                                   double h1, double h2, double h3, double scale, double[] e) {
        int o1 = tcOff + m, o2 = tcOff + 2 * m, o3 = tcOff + 3 * m;
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0, ax = a0;
        double s0 = h0 * scale, s1 = h1 * scale, s2 = h2 * scale, s3 = h3 * scale;
        int k = 0;
        for (int ub = m - L; k <= ub; k += L) {
            DoubleVector t0 = DoubleVector.fromArray(S, dtc, tcOff + k);
            DoubleVector t1 = DoubleVector.fromArray(S, dtc, o1 + k);
            DoubleVector t2 = DoubleVector.fromArray(S, dtc, o2 + k);
            DoubleVector t3 = DoubleVector.fromArray(S, dtc, o3 + k);
            DoubleVector dgk = t0.mul(s0).add(t1.mul(s1)).add(t2.mul(s2)).add(t3.mul(s3));
            ax = dgk.fma(DoubleVector.fromArray(S, dgds, gOff + k), ax);
            DoubleVector gv = DoubleVector.fromArray(S, g, gOff + k);
            a0 = t0.fma(gv, a0);
            a1 = t1.fma(gv, a1);
            a2 = t2.fma(gv, a2);
            a3 = t3.fma(gv, a3);
        }
        double e0 = a0.reduceLanes(VectorOperators.ADD), e1 = a1.reduceLanes(VectorOperators.ADD);
        double e2 = a2.reduceLanes(VectorOperators.ADD), e3 = a3.reduceLanes(VectorOperators.ADD);
        double ex = ax.reduceLanes(VectorOperators.ADD);
        for (; k < m; k++) {
            double t0 = dtc[tcOff + k], t1 = dtc[o1 + k], t2 = dtc[o2 + k], t3 = dtc[o3 + k];
            double gv = g[gOff + k];
            ex += (t0 * s0 + t1 * s1 + t2 * s2 + t3 * s3) * dgds[gOff + k];
            e0 += t0 * gv;
            e1 += t1 * gv;
            e2 += t2 * gv;
            e3 += t3 * gv;
        }
        e[0] = e0;
        e[1] = e1;
        e[2] = e2;
        e[3] = e3;
        e[4] = ex;
    }

    /**
     * {@link VectorMath#gramBackward} for M₂ a multiple of the lane count: the first sum as dot
     * products of dD's rows with T's first M₂ entries per component (one lane reduction per output),
     * the second by broadcasting T[i, c] against dD's row i, accumulated in registers over i.
     */
    static void gramBackward(double[] dD, int dOff, double[] tc, int tcOff, int m, int m2, double[] dtc, int dtcOff) {
        int t1 = tcOff + m, t2 = tcOff + 2 * m, t3 = tcOff + 3 * m;
        for (int k = 0; k < m; k++) {
            int row = dOff + k * m2;
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int j = 0; j < m2; j += L) {
                DoubleVector d = DoubleVector.fromArray(S, dD, row + j);
                a0 = d.fma(DoubleVector.fromArray(S, tc, tcOff + j), a0);
                a1 = d.fma(DoubleVector.fromArray(S, tc, t1 + j), a1);
                a2 = d.fma(DoubleVector.fromArray(S, tc, t2 + j), a2);
                a3 = d.fma(DoubleVector.fromArray(S, tc, t3 + j), a3);
            }
            dtc[dtcOff + k] = a0.reduceLanes(VectorOperators.ADD);
            dtc[dtcOff + m + k] = a1.reduceLanes(VectorOperators.ADD);
            dtc[dtcOff + 2 * m + k] = a2.reduceLanes(VectorOperators.ADD);
            dtc[dtcOff + 3 * m + k] = a3.reduceLanes(VectorOperators.ADD);
        }
        for (int j = 0; j < m2; j += L) {
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int i = 0; i < m; i++) {
                DoubleVector d = DoubleVector.fromArray(S, dD, dOff + i * m2 + j);
                a0 = d.fma(DoubleVector.broadcast(S, tc[tcOff + i]), a0);
                a1 = d.fma(DoubleVector.broadcast(S, tc[t1 + i]), a1);
                a2 = d.fma(DoubleVector.broadcast(S, tc[t2 + i]), a2);
                a3 = d.fma(DoubleVector.broadcast(S, tc[t3 + i]), a3);
            }
            int o = dtcOff + j;
            DoubleVector.fromArray(S, dtc, o).add(a0).intoArray(dtc, o);
            DoubleVector.fromArray(S, dtc, o + m).add(a1).intoArray(dtc, o + m);
            DoubleVector.fromArray(S, dtc, o + 2 * m).add(a2).intoArray(dtc, o + 2 * m);
            DoubleVector.fromArray(S, dtc, o + 3 * m).add(a3).intoArray(dtc, o + 3 * m);
        }
    }
}
