package org.eelt.freeenergy.mb;

/**
 * The Müller–Brown potential (Müller &amp; Brown 1979) in its own units:
 * <pre>
 *   V(x, y) = Σ_{k=1..4} A_k exp(a_k (x − x0_k)² + b_k (x − x0_k)(y − y0_k) + c_k (y − y0_k)²)
 *   A = (−200, −100, −170, 15), a = (−1, −1, −6.5, 0.7), b = (0, 0, 11, 0.6),
 *   c = (−10, −10, −6.5, 0.7), x0 = (1, 0, −0.5, −1), y0 = (0, 0.5, 1.5, 1)
 * </pre>
 * Minima: −146.70 at (−0.558, 1.442), −108.17 at (0.623, 0.028), −80.77 at (−0.050, 0.467).
 */
public final class MullerBrown {
    static final double[] A = {-200, -100, -170, 15};
    static final double[] AA = {-1, -1, -6.5, 0.7};
    static final double[] B = {0, 0, 11, 0.6};
    static final double[] C = {-10, -10, -6.5, 0.7};
    static final double[] X0 = {1, 0, -0.5, -1};
    static final double[] Y0 = {0, 0.5, 1.5, 1};

    private MullerBrown() {
    }

    /** @return V(x, y) in MB units. */
    public static double value(double x, double y) {
        double v = 0;
        for (int k = 0; k < 4; k++) {
            double dx = x - X0[k], dy = y - Y0[k];
            v += A[k] * Math.exp(AA[k] * dx * dx + B[k] * dx * dy + C[k] * dy * dy);
        }
        return v;
    }

    /** @return {V, ∂V/∂x, ∂V/∂y} in MB units. */
    public static double[] valueAndGradient(double x, double y) {
        double v = 0, gx = 0, gy = 0;
        for (int k = 0; k < 4; k++) {
            double dx = x - X0[k], dy = y - Y0[k];
            double e = A[k] * Math.exp(AA[k] * dx * dx + B[k] * dx * dy + C[k] * dy * dy);
            v += e;
            gx += e * (2 * AA[k] * dx + B[k] * dy);
            gy += e * (B[k] * dx + 2 * C[k] * dy);
        }
        return new double[] {v, gx, gy};
    }

    /**
     * Local minimization by Newton's method with a finite-difference-free analytic Hessian, from a
     * starting point (for locating and testing the reference minima).
     *
     * @return {x, y, V} at the local minimum
     */
    public static double[] minimize(double x, double y) {
        for (int it = 0; it < 200; it++) {
            double hxx = 0, hxy = 0, hyy = 0, gx = 0, gy = 0;
            for (int k = 0; k < 4; k++) {
                double dx = x - X0[k], dy = y - Y0[k];
                double e = A[k] * Math.exp(AA[k] * dx * dx + B[k] * dx * dy + C[k] * dy * dy);
                double px = 2 * AA[k] * dx + B[k] * dy, py = B[k] * dx + 2 * C[k] * dy;
                gx += e * px;
                gy += e * py;
                hxx += e * (px * px + 2 * AA[k]);
                hxy += e * (px * py + B[k]);
                hyy += e * (py * py + 2 * C[k]);
            }
            double det = hxx * hyy - hxy * hxy;
            double sx, sy;
            if (det > 0 && hxx > 0) {
                sx = (hyy * gx - hxy * gy) / det;
                sy = (hxx * gy - hxy * gx) / det;
            } else {
                sx = 1e-4 * gx;
                sy = 1e-4 * gy;
            }
            x -= sx;
            y -= sy;
            if (Math.abs(sx) + Math.abs(sy) < 1e-13) {
                break;
            }
        }
        return new double[] {x, y, value(x, y)};
    }
}
