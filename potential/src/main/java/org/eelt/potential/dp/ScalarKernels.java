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

    static void biasAct(double[] t, int off, int rows, int cols, double[] b, boolean tanh) {
        for (int r = 0; r < rows; r++) {
            int o = off + r * cols;
            for (int j = 0; j < cols; j++) {
                double z = b == null ? t[o + j] : t[o + j] + b[j];
                t[o + j] = tanh ? Activation.tanh(z) : z;
            }
        }
    }

    static void idtSkip(double[] t, int tOff, double[] x, int xOff, double[] y, int yOff, int rows, int in, int out,
                        double[] idt, int skip) {
        for (int r = 0; r < rows; r++) {
            int o = tOff + r * out;
            int xi = xOff + r * in;
            int yo = yOff + r * out;
            for (int j = 0; j < out; j++) {
                double v = idt == null ? t[o + j] : t[o + j] * idt[j];
                if (skip == 1) {
                    v += x[xi + j];
                } else if (skip == 2) {
                    v += x[xi + (j < in ? j : j - in)];
                }
                y[yo + j] = v;
            }
        }
    }

    static void actBackward(double[] dy, int dyOff, double[] t, int tOff, double[] dz, int rows, int cols,
                            double[] idt, boolean tanh) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                double d = idt == null ? dy[dyOff + o + j] : dy[dyOff + o + j] * idt[j];
                if (tanh) {
                    double tv = t[tOff + o + j];
                    d *= 1.0 - tv * tv;
                }
                dz[o + j] = d;
            }
        }
    }

    static void skipBackward(double[] dy, int dyOff, double[] dx, int dxOff, int rows, int in, int out, int skip) {
        for (int r = 0; r < rows; r++) {
            int o = dyOff + r * out;
            int xi = dxOff + r * in;
            for (int j = 0; j < in; j++) {
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
        for (int k = 0; k < m; k++) {
            double gv = g[gOff + k];
            tc[tcOff + k] += gv * h0;
            tc[tcOff + m + k] += gv * h1;
            tc[tcOff + 2 * m + k] += gv * h2;
            tc[tcOff + 3 * m + k] += gv * h3;
        }
    }

    static void contractRowBackward(double[] dtc, int tcOff, int m, double[] g, int gOff, double h0, double h1,
                                    double h2, double h3, double scale, double[] dg, double[] e) {
        double e0 = 0, e1 = 0, e2 = 0, e3 = 0;
        for (int k = 0; k < m; k++) {
            double t0 = dtc[tcOff + k], t1 = dtc[tcOff + m + k];
            double t2 = dtc[tcOff + 2 * m + k], t3 = dtc[tcOff + 3 * m + k];
            dg[gOff + k] = (t0 * h0 + t1 * h1 + t2 * h2 + t3 * h3) * scale;
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

    static void tangentAct(double[] z, double[] x, int rows, int in, int out, double[] b, double[] idt, int skip,
                           boolean tanh, double[] y, int yOff, double[] dy, int dyOff) {
        for (int r = 0; r < rows; r++) {
            int zo = r * out;
            int dzo = (rows + r) * out;
            for (int j = 0; j < out; j++) {
                double v = z[zo + j] + (b == null ? 0.0 : b[j]);
                double d = z[dzo + j];
                if (tanh) {
                    v = Activation.tanh(v);
                    d *= 1.0 - v * v;
                }
                if (idt != null) {
                    v *= idt[j];
                    d *= idt[j];
                }
                if (skip != 0) {
                    int jj = j < in ? j : j - in;
                    v += x[r * in + jj];
                    d += x[(rows + r) * in + jj];
                }
                y[yOff + r * out + j] = v;
                dy[dyOff + r * out + j] = d;
            }
        }
    }

    static void contractRowTangent(double[] dtc, int tcOff, int m, double[] g, double[] dgds, int gOff, double h0,
                                   double h1, double h2, double h3, double scale, double[] e) {
        double s0 = h0 * scale, s1 = h1 * scale, s2 = h2 * scale, s3 = h3 * scale;
        double e0 = 0, e1 = 0, e2 = 0, e3 = 0, ex = 0;
        for (int k = 0; k < m; k++) {
            double t0 = dtc[tcOff + k], t1 = dtc[tcOff + m + k], t2 = dtc[tcOff + 2 * m + k];
            double t3 = dtc[tcOff + 3 * m + k];
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

    static void gramBackward(double[] dD, int dOff, double[] tc, int tcOff, int m, int m2, double[] dtc, int dtcOff) {
        for (int c = 0; c < 4; c++) {
            for (int k = 0; k < m; k++) {
                double s = 0;
                for (int j = 0; j < m2; j++) {
                    s += dD[dOff + k * m2 + j] * tc[tcOff + c * m + j];
                }
                dtc[dtcOff + c * m + k] = s;
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m2; j++) {
                double d = dD[dOff + i * m2 + j];
                for (int c = 0; c < 4; c++) {
                    dtc[dtcOff + c * m + j] += d * tc[tcOff + c * m + i];
                }
            }
        }
    }
}
