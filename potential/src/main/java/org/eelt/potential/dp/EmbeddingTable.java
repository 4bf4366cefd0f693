package org.eelt.potential.dp;

/**
 * A tabulated embedding net ("model compression", as DeePMD-kit's {@code dp compress} does it):
 * the net G(x) of the scalar input x = ŝ is replaced on [lo, hi] by piecewise quintic Hermite
 * polynomials on a uniform grid of step h, matching G, dG/dx and d²G/dx² exactly at every node
 * (computed by forward-mode differentiation of the net). On a segment with local coordinate
 * u = (x − x_i)/h ∈ [0, 1] and F, D = h·G', S = h²·G'' at its two ends:
 * <pre>
 *   p(u) = F0 + D0·u + S0/2·u² + c3·u³ + c4·u⁴ + c5·u⁵
 *   c3 = 10(F1 − F0) − 6D0 − 4D1 − (3S0 − S1)/2
 *   c4 = −15(F1 − F0) + 8D0 + 7D1 + (3S0 − 2S1)/2
 *   c5 = 6(F1 − F0) − 3D0 − 3D1 − (S0 − S1)/2
 * </pre>
 * The interpolation error is O(h⁶·G⁽⁶⁾); inputs outside [lo, hi] are evaluated with the exact
 * net. Evaluating G and dG/dx costs about 20·M flops per row instead of Σ 2·in·out of the net.
 * Immutable.
 */
public final class EmbeddingTable {
    private final DenseNet net;
    private final double lo;
    private final double h;
    private final int segments;
    private final int m;
    /** Coefficients [segment][power 0..5][k], k over the M outputs. */
    private final double[] coef;

    private EmbeddingTable(DenseNet net, double lo, double h, int segments, double[] coef) {
        this.net = net;
        this.lo = lo;
        this.h = h;
        this.segments = segments;
        this.m = net.out();
        this.coef = coef;
    }

    /**
     * @param net embedding net with a scalar input
     * @param lo  lowest tabulated input
     * @param hi  highest tabulated input (&gt; lo)
     * @param h   grid step (&gt; 0)
     * @return the table
     */
    public static EmbeddingTable build(DenseNet net, double lo, double hi, double h) {
        if (net.in() != 1) {
            throw new IllegalArgumentException("only scalar-input nets can be tabulated, this one takes " + net.in());
        }
        if (!(hi > lo) || !(h > 0)) {
            throw new IllegalArgumentException("need lo < hi and h > 0, got " + lo + ", " + hi + ", " + h);
        }
        int segments = (int) Math.ceil((hi - lo) / h);
        int m = net.out();
        int nodes = segments + 1;
        double[] x = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            x[i] = lo + i * h;
        }
        double[][] f = valueAndDerivatives(net, x);
        double[] g = f[0], d1 = f[1], d2 = f[2];
        double[] coef = new double[segments * 6 * m];
        for (int i = 0; i < segments; i++) {
            int o = i * 6 * m;
            for (int k = 0; k < m; k++) {
                double f0 = g[i * m + k], f1 = g[(i + 1) * m + k];
                double dd0 = h * d1[i * m + k], dd1 = h * d1[(i + 1) * m + k];
                double s0 = h * h * d2[i * m + k], s1 = h * h * d2[(i + 1) * m + k];
                double df = f1 - f0;
                coef[o + k] = f0;
                coef[o + m + k] = dd0;
                coef[o + 2 * m + k] = 0.5 * s0;
                coef[o + 3 * m + k] = 10 * df - 6 * dd0 - 4 * dd1 - 0.5 * (3 * s0 - s1);
                coef[o + 4 * m + k] = -15 * df + 8 * dd0 + 7 * dd1 + 0.5 * (3 * s0 - 2 * s1);
                coef[o + 5 * m + k] = 6 * df - 3 * dd0 - 3 * dd1 - 0.5 * (s0 - s1);
            }
        }
        return new EmbeddingTable(net, lo, h, segments, coef);
    }

    /** @return the lowest tabulated input. */
    public double lo() {
        return lo;
    }

    /** @return the highest tabulated input. */
    public double hi() {
        return lo + segments * h;
    }

    /** @return the grid step. */
    public double step() {
        return h;
    }

    /**
     * G(x) and dG/dx for rows of scalar inputs.
     *
     * @param x    inputs (rows)
     * @param rows number of rows
     * @param g    output G, rows×M
     * @param dg   output dG/dx, rows×M
     */
    public void eval(double[] x, int rows, double[] g, double[] dg) {
        double inv = 1.0 / h;
        double hi = hi();
        for (int r = 0; r < rows; r++) {
            double xv = x[r];
            int o = r * m;
            if (!(xv >= lo && xv <= hi)) {
                exact(xv, g, dg, o);
                continue;
            }
            double t = (xv - lo) * inv;
            int seg = Math.min(segments - 1, (int) t);
            double u = t - seg;
            int c = seg * 6 * m;
            for (int k = 0; k < m; k++) {
                double a0 = coef[c + k], a1 = coef[c + m + k], a2 = coef[c + 2 * m + k];
                double a3 = coef[c + 3 * m + k], a4 = coef[c + 4 * m + k], a5 = coef[c + 5 * m + k];
                g[o + k] = a0 + u * (a1 + u * (a2 + u * (a3 + u * (a4 + u * a5))));
                dg[o + k] = (a1 + u * (2 * a2 + u * (3 * a3 + u * (4 * a4 + u * 5 * a5)))) * inv;
            }
        }
    }

    private void exact(double xv, double[] g, double[] dg, int o) {
        double[][] f = valueAndDerivatives(net, new double[] {xv});
        System.arraycopy(f[0], 0, g, o, m);
        System.arraycopy(f[1], 0, dg, o, m);
    }

    /**
     * Forward-mode value, first and second derivative of a scalar-input net at the given inputs:
     * for each layer z = xW + b, z' = x'W, z'' = x''W, t = φ(z),
     * y = t∘idt + skip(x), y' = φ'(z)z'∘idt + skip(x'), y'' = (φ''(z)z'² + φ'(z)z'')∘idt + skip(x'').
     *
     * @return {G, dG/dx, d²G/dx²}, each points×M
     */
    static double[][] valueAndDerivatives(DenseNet net, double[] x) {
        int n = x.length;
        double[] y = x.clone();
        double[] dy = new double[n];
        double[] d2y = new double[n];
        java.util.Arrays.fill(dy, 1.0);
        for (DenseLayer l : net.layers()) {
            int in = l.in(), out = l.out();
            double[] w = l.weights(), b = l.bias(), idt = l.idt();
            double[] z = new double[n * out], dz = new double[n * out], d2z = new double[n * out];
            Gemm.mul(y, w, z, n, in, out);
            Gemm.mul(dy, w, dz, n, in, out);
            Gemm.mul(d2y, w, d2z, n, in, out);
            double[] ny = new double[n * out], ndy = new double[n * out], nd2y = new double[n * out];
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < out; j++) {
                    int p = r * out + j;
                    double t = l.activation().apply(z[p] + (b == null ? 0 : b[j]));
                    double t1 = l.activation().derivativeFromOutput(t);
                    double t2 = l.activation().secondDerivativeFromOutput(t);
                    double sc = idt == null ? 1.0 : idt[j];
                    double v = t * sc, dv = t1 * dz[p] * sc, d2v = (t2 * dz[p] * dz[p] + t1 * d2z[p]) * sc;
                    if (l.skipKind() != 0) {
                        int src = r * in + (j < in ? j : j - in);
                        v += y[src];
                        dv += dy[src];
                        d2v += d2y[src];
                    }
                    ny[p] = v;
                    ndy[p] = dv;
                    nd2y[p] = d2v;
                }
            }
            y = ny;
            dy = ndy;
            d2y = nd2y;
        }
        return new double[][] {y, dy, d2y};
    }
}
