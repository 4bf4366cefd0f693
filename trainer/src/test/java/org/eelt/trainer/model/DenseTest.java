package org.eelt.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The stacked dense-layer kernels against central finite differences: tangent rows are the
 * directional derivative of the value rows, and the backward pass gives the input adjoints and
 * the combined gradient a·∇(δy·y) + c·∇(δ̇y·y + δy·ẏ) for layers that go to OpenBLAS and layers
 * that stay in Java loops.
 */
class DenseTest {
    private static final double A = 0.7, C = -1.3;

    @Test
    void identitySkipLayerWithTimestepMatchesFiniteDifferences() {
        check(new Layer(12, 12, 0, 144, 156, true, 1), 9);
    }

    @Test
    void concatSkipLayerMatchesFiniteDifferences() {
        check(new Layer(6, 12, 0, 72, 84, true, 2), 5);
    }

    @Test
    void firstEmbeddingLayerAndLinearOutputMatchFiniteDifferences() {
        check(new Layer(1, 10, 0, 10, -1, true, 0), 7);
        check(new Layer(16, 1, 0, 16, -1, false, 0), 6);
    }

    private static void check(Layer l, int n) {
        Rng r = new Rng(3 + l.in() + l.out());
        int in = l.in(), out = l.out();
        double[] p = gauss(r, l.size(), 0.4);
        double[] x = gauss(r, 2 * n * in, 1.0), dy = gauss(r, 2 * n * out, 1.0);
        // analytic: forward with tangents, then backward with both seeds
        double[] h = new double[2 * n * out], y = new double[2 * n * out];
        Dense.forward(p, l, w(p, l), n, true, x, h, y);
        double[] dx = new double[2 * n * in], grad = new double[p.length], gw = new double[in * out];
        double[] dz = new double[2 * n * out], bw = new double[2 * n * out];
        Dense.backward(p, l, w(p, l), n, true, x, h, dy, dx, dz, bw, gw, grad, A, C);
        for (int k = 0; k < in * out; k++) {
            grad[l.w() + k] += gw[k];
        }
        double eps = 1e-6;
        // tangent rows = d/dε y(x + ε ẋ)
        double[] xp = x.clone(), xm = x.clone();
        for (int k = 0; k < n * in; k++) {
            xp[k] += eps * x[n * in + k];
            xm[k] -= eps * x[n * in + k];
        }
        double[] yp = values(p, l, n, xp), ym = values(p, l, n, xm);
        for (int k = 0; k < n * out; k++) {
            assertEquals((yp[k] - ym[k]) / (2 * eps), y[n * out + k], 1e-7, "tangent " + k);
        }
        // input adjoints: value rows ∂J_a/∂x, tangent rows ∂J_c/∂x
        for (int k = 0; k < n * in; k += Math.max(1, n * in / 17)) {
            double[] xa = x.clone(), xb = x.clone();
            xa[k] += eps;
            xb[k] -= eps;
            assertEquals((ja(p, l, n, xa, dy) - ja(p, l, n, xb, dy)) / (2 * eps), dx[k], 1e-7, "dx " + k);
            assertEquals((jc(p, l, n, xa, dy) - jc(p, l, n, xb, dy)) / (2 * eps), dx[n * in + k], 1e-7, "dxt " + k);
        }
        // parameters: a·∂J_a/∂θ + c·∂J_c/∂θ
        for (int q = 0; q < p.length; q += Math.max(1, p.length / 29)) {
            double[] pp = p.clone(), pm = p.clone();
            pp[q] += eps;
            pm[q] -= eps;
            double fd = (A * (ja(pp, l, n, x, dy) - ja(pm, l, n, x, dy)) + C * (jc(pp, l, n, x, dy) - jc(pm, l, n, x, dy)))
                    / (2 * eps);
            assertEquals(fd, grad[q], 1e-6 * Math.max(1, Math.abs(fd)), "param " + q);
        }
    }

    private static double[] w(double[] p, Layer l) {
        return java.util.Arrays.copyOfRange(p, l.w(), l.w() + l.in() * l.out());
    }

    private static double[] values(double[] p, Layer l, int n, double[] x) {
        double[] h = new double[n * l.out()], y = new double[n * l.out()];
        Dense.forward(p, l, w(p, l), n, false, java.util.Arrays.copyOf(x, n * l.in()), h, y);
        return y;
    }

    /** J_a = Σ δy·y over the value rows. */
    private static double ja(double[] p, Layer l, int n, double[] x, double[] dy) {
        double[] y = values(p, l, n, x);
        double s = 0;
        for (int k = 0; k < y.length; k++) {
            s += dy[k] * y[k];
        }
        return s;
    }

    /** J_c = Σ δ̇y·y + δy·ẏ. */
    private static double jc(double[] p, Layer l, int n, double[] x, double[] dy) {
        int out = l.out();
        double[] h = new double[2 * n * out], y = new double[2 * n * out];
        Dense.forward(p, l, w(p, l), n, true, x, h, y);
        double s = 0;
        for (int k = 0; k < n * out; k++) {
            s += dy[n * out + k] * y[k] + dy[k] * y[n * out + k];
        }
        return s;
    }

    private static double[] gauss(Rng r, int n, double s) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = s * r.nextGaussian();
        }
        return v;
    }
}
