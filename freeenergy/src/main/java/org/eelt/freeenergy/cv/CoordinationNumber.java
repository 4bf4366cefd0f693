package org.eelt.freeenergy.cv;

import java.util.Arrays;
import org.eelt.protocol.atoms.Cell;

/**
 * Coordination number (dimensionless) with PLUMED's rational switching function
 * <pre>
 *   s = Σ_{pairs (a, b)} f(r_ab / r0),   f(x) = (1 − x^n) / (1 − x^m)
 * </pre>
 * over pairs a ∈ A, b ∈ B, a ≠ b (every unordered pair once when B is absent, i.e. the pairs within
 * A). Distances use the minimum image. For integer n, m the ratio is evaluated as
 * f(x) = P_n(x)/P_m(x) with P_k(x) = Σ_{q&lt;k} x^q (since 1 − x^k = (1 − x) P_k(x)), which is exact and
 * smooth at r = r0 (f(1) = n/m) without a special case; f'(x) = (P_n' P_m − P_n P_m')/P_m², and
 * ∂f/∂r = f'(x)/r0.
 */
public final class CoordinationNumber implements CollectiveVariable {
    private final int[] groupA;
    private final int[] groupB;
    private final double r0;
    private final int n;
    private final int m;

    /**
     * @param groupA first group of atoms (non-empty)
     * @param groupB second group, or null for the pairs within {@code groupA}
     * @param r0     switching distance in Å (&gt; 0)
     * @param n      numerator exponent (≥ 1), e.g. 6
     * @param m      denominator exponent (&gt; n), e.g. 12
     */
    public CoordinationNumber(int[] groupA, int[] groupB, double r0, int n, int m) {
        if (groupA == null || groupA.length == 0) {
            throw new IllegalArgumentException("coordination number needs a non-empty first group of atoms");
        }
        if (!(r0 > 0) || !Double.isFinite(r0)) {
            throw new IllegalArgumentException("coordination number: r0 must be > 0 Å, got " + r0);
        }
        if (n < 1 || m <= n) {
            throw new IllegalArgumentException("coordination number needs integer exponents 1 <= n < m, got n=" + n
                    + " m=" + m);
        }
        this.groupA = groupA.clone();
        this.groupB = groupB == null ? null : groupB.clone();
        this.r0 = r0;
        this.n = n;
        this.m = m;
    }

    /** @return the switching function f(x) = (1 − x^n)/(1 − x^m) and its derivative df/dx as {f, f'}. */
    public static double[] switching(double x, int n, int m) {
        double pn = 0, dpn = 0, pm = 0, dpm = 0, xq = 1, xq1 = 0;
        for (int q = 0; q < m; q++) {
            if (q < n) {
                pn += xq;
                dpn += q * xq1;
            }
            pm += xq;
            dpm += q * xq1;
            xq1 = xq;
            xq *= x;
        }
        return new double[] {pn / pm, (dpn * pm - pn * dpm) / (pm * pm)};
    }

    @Override
    public String name() {
        return "coordination(A=" + Geometry.list(groupA) + (groupB == null ? "" : ";B=" + Geometry.list(groupB))
                + ",r0=" + r0 + ",n=" + n + ",m=" + m + ")";
    }

    @Override
    public String unit() {
        return "1";
    }

    @Override
    public int[] atoms() {
        if (groupB == null) {
            return groupA.clone();
        }
        int[] all = Arrays.copyOf(groupA, groupA.length + groupB.length);
        System.arraycopy(groupB, 0, all, groupA.length, groupB.length);
        return all;
    }

    @Override
    public double domainMin() {
        return 0;
    }

    @Override
    public double domainMax() {
        // f decreases from f(0) = 1 and stays > 0, so each pair adds at most 1
        long pairs = groupB == null ? (long) groupA.length * (groupA.length - 1) / 2 : (long) groupA.length * groupB.length;
        return pairs;
    }

    @Override
    public double valueAndGradient(double[] x, Cell cell, double[] grad) {
        Geometry.check(this, x, grad);
        Arrays.fill(grad, 0);
        double s = 0;
        double[] d = new double[3];
        for (int p = 0; p < groupA.length; p++) {
            int a = groupA[p];
            int[] others = groupB == null ? groupA : groupB;
            for (int q = groupB == null ? p + 1 : 0; q < others.length; q++) {
                int b = others[q];
                if (a == b) {
                    continue;
                }
                Geometry.displacement(x, a, b, cell, d);
                double r = Geometry.norm(d);
                double[] f = switching(r / r0, n, m);
                s += f[0];
                if (r > 0) {
                    double c = f[1] / (r0 * r);
                    Geometry.add(grad, b, c, d);
                    Geometry.add(grad, a, -c, d);
                }
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return name();
    }
}
