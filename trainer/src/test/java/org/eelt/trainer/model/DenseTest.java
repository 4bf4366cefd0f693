package org.eelt.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The weight-major path of large layers gives the same values, tangents and gradients as the row path. */
class DenseTest {
    @Test
    void weightMajorPathMatchesRowByRow() {
        int in = 80, out = 80, n = 7; // identity skip, in·out ≥ Dense.LARGE
        Layer l = new Layer(in, out, 0, in * out, in * out + out, true, 1);
        Rng r = new Rng(3);
        double[] p = new double[l.size()];
        for (int k = 0; k < p.length; k++) {
            p[k] = 0.1 * r.nextGaussian();
        }
        double[] x = gauss(r, n * in), xt = gauss(r, n * in), dy0 = gauss(r, n * out), dyt0 = gauss(r, n * out);
        double[] h = new double[n * out], ht = new double[n * out], y = new double[n * out], yt = new double[n * out];
        Dense.forward(p, l, n, x, xt, h, ht, y, yt);
        double[] dy = dy0.clone(), dyt = dyt0.clone(), dx = new double[n * in], dxt = new double[n * in];
        double[] g = new double[p.length];
        Dense.backward(p, l, n, x, xt, h, ht, dy, dyt, dx, dxt, g, 0.7, -1.3);
        double[] g1 = new double[p.length];
        for (int row = 0; row < n; row++) {
            double[] xr = slice(x, row, in), xtr = slice(xt, row, in);
            double[] h1 = new double[out], ht1 = new double[out], y1 = new double[out], yt1 = new double[out];
            Dense.forward(p, l, 1, xr, xtr, h1, ht1, y1, yt1);
            for (int o = 0; o < out; o++) {
                assertEquals(y[row * out + o], y1[o], 1e-14);
                assertEquals(yt[row * out + o], yt1[o], 1e-14);
            }
            double[] dy1 = slice(dy0, row, out), dyt1 = slice(dyt0, row, out), dx1 = new double[in], dxt1 = new double[in];
            Dense.backward(p, l, 1, xr, xtr, h1, ht1, dy1, dyt1, dx1, dxt1, g1, 0.7, -1.3);
            for (int i = 0; i < in; i++) {
                assertEquals(dx[row * in + i], dx1[i], 1e-13);
                assertEquals(dxt[row * in + i], dxt1[i], 1e-13);
            }
        }
        for (int k = 0; k < p.length; k++) {
            assertEquals(g[k], g1[k], 1e-12);
        }
    }

    @Test
    void fastTanhIsWithinTwoUlp() {
        Rng r = new Rng(8);
        for (int k = 0; k < 200_000; k++) {
            double x = k < 1000 ? (k - 500) * 1e-3 : 3 * r.nextGaussian();
            double t = Math.tanh(x);
            assertEquals(t, Dense.tanh(x), 2 * Math.ulp(t) + Double.MIN_VALUE, "x = " + x);
        }
        assertEquals(1.0, Dense.tanh(40), 0);
        assertEquals(-1.0, Dense.tanh(-800), 0);
        assertEquals(0.0, Dense.tanh(0.0), 0);
    }

    private static double[] gauss(Rng r, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = r.nextGaussian();
        }
        return v;
    }

    private static double[] slice(double[] a, int row, int w) {
        return java.util.Arrays.copyOfRange(a, row * w, (row + 1) * w);
    }
}
