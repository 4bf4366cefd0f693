package org.eelt.potential.builtin;

/**
 * The cubic spline LAMMPS's {@code pair_eam} builds over a uniformly tabulated function
 * ({@code PairEAM::interpolate}), reproduced operation by operation so values agree bit for bit
 * up to summation order.
 *
 * <p>For samples f_1..f_n (1-based, spacing δ) the slopes (per grid step) are
 * s_1 = f_2 − f_1, s_2 = (f_3 − f_1)/2, s_{n−1} = (f_n − f_{n−2})/2, s_n = f_n − f_{n−1}, and
 * s_m = ((f_{m−2} − f_{m+2}) + 8(f_{m+1} − f_{m−1}))/12 inside. Row m holds 7 coefficients:
 * c6 = f_m, c5 = s_m, c4 = 3(f_{m+1} − f_m) − 2s_m − s_{m+1}, c3 = s_m + s_{m+1} − 2(f_{m+1} − f_m)
 * (c4 = c3 = 0 in the last row), and the derivative coefficients c2 = c5/δ, c1 = 2c4/δ,
 * c0 = 3c3/δ. With fractional position p ∈ [0, 1] in interval m:
 * value = ((c3 p + c4) p + c5) p + c6, derivative = (c0 p + c1) p + c2.
 */
final class EamSpline {
    private EamSpline() {
    }

    /**
     * @param f     the n samples (0-based array holding f_1..f_n), n ≥ 5
     * @param delta the grid spacing
     * @return coefficients, flat: row m (1..n) at offset 7m, coefficient k at 7m + k
     */
    static double[] coefficients(double[] f, double delta) {
        int n = f.length;
        if (n < 5) {
            throw new IllegalArgumentException("an EAM table needs at least 5 points, got " + n);
        }
        double[][] s = new double[n + 1][7];
        for (int m = 1; m <= n; m++) {
            s[m][6] = f[m - 1];
        }
        s[1][5] = s[2][6] - s[1][6];
        s[2][5] = 0.5 * (s[3][6] - s[1][6]);
        s[n - 1][5] = 0.5 * (s[n][6] - s[n - 2][6]);
        s[n][5] = s[n][6] - s[n - 1][6];
        for (int m = 3; m <= n - 2; m++) {
            s[m][5] = ((s[m - 2][6] - s[m + 2][6]) + 8.0 * (s[m + 1][6] - s[m - 1][6])) / 12.0;
        }
        for (int m = 1; m <= n - 1; m++) {
            s[m][4] = 3.0 * (s[m + 1][6] - s[m][6]) - 2.0 * s[m][5] - s[m + 1][5];
            s[m][3] = s[m][5] + s[m + 1][5] - 2.0 * (s[m + 1][6] - s[m][6]);
        }
        s[n][4] = 0.0;
        s[n][3] = 0.0;
        for (int m = 1; m <= n; m++) {
            s[m][2] = s[m][5] / delta;
            s[m][1] = 2.0 * s[m][4] / delta;
            s[m][0] = 3.0 * s[m][3] / delta;
        }
        double[] flat = new double[7 * (n + 1)];
        for (int m = 1; m <= n; m++) {
            System.arraycopy(s[m], 0, flat, 7 * m, 7);
        }
        return flat;
    }

    /**
     * LAMMPS's 4-point Lagrange re-gridding of a funcfl table onto the common grid
     * (from {@code PairEAM::file2array}): for grid point x_m = (m−1)·delta, p = x/fileDelta + 1,
     * k = clamp(⌊p⌋, 2, fileN − 2), p −= k, p = min(p, 2), and the cubic through file samples
     * k−1..k+2.
     *
     * @param g          file samples (0-based array holding f_1..f_fileN)
     * @param fileDelta  the file's spacing
     * @param n          number of points of the common grid
     * @param delta      spacing of the common grid
     * @return the n re-gridded values
     */
    static double[] regrid(double[] g, double fileDelta, int n, double delta) {
        int fileN = g.length;
        double sixth = 1.0 / 6.0;
        double[] out = new double[n];
        for (int m = 1; m <= n; m++) {
            double r = (m - 1) * delta;
            double p = r / fileDelta + 1.0;
            int k = (int) p;
            k = Math.min(k, fileN - 2);
            k = Math.max(k, 2);
            p -= k;
            p = Math.min(p, 2.0);
            double cof1 = -sixth * p * (p - 1.0) * (p - 2.0);
            double cof2 = 0.5 * (p * p - 1.0) * (p - 2.0);
            double cof3 = -0.5 * p * (p + 1.0) * (p - 2.0);
            double cof4 = sixth * p * (p * p - 1.0);
            out[m - 1] = cof1 * g[k - 2] + cof2 * g[k - 1] + cof3 * g[k] + cof4 * g[k + 1];
        }
        return out;
    }
}
