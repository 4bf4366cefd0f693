package org.eelt.trainer.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API versions of {@link Dense}'s element-wise backward rows of tanh layers (same
 * formulas, see there), vectorised along the layer width; width tails run scalar. Loaded only
 * when the JVM has the module {@code jdk.incubator.vector} ({@link Dense} checks first).
 */
final class VectorDense {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorDense() {
    }

    /** δz = δy·s·(1 − h²) over n value rows (s = idt, or 1 when idt &lt; 0). */
    static void valueRows(double[] p, int out, int idt, int n, double[] h, double[] dy, double[] dz) {
        int full = out - out % L;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int r = 0; r < n; r++) {
            int ro = r * out;
            for (int o = 0; o < full; o += L) {
                DoubleVector hv = DoubleVector.fromArray(S, h, ro + o);
                DoubleVector v = DoubleVector.fromArray(S, dy, ro + o).mul(one.sub(hv.mul(hv)));
                if (idt >= 0) {
                    v = v.mul(DoubleVector.fromArray(S, p, idt + o));
                }
                v.intoArray(dz, ro + o);
            }
            for (int o = full; o < out; o++) {
                double hv = h[ro + o];
                dz[ro + o] = dy[ro + o] * (idt >= 0 ? p[idt + o] : 1.0) * (1 - hv * hv);
            }
        }
    }

    /**
     * The dual-number rows with a parameter gradient: δz, δ̇z, the b and idt gradients (summed
     * over rows in registers) and the weight-gradient operand [a·δz + c·δ̇z; c·δz].
     */
    static void dualRows(double[] p, int out, int b, int idt, int n, double[] h, double[] dy, double[] dz,
                         double[] bw, double[] grad, double a, double c) {
        int full = out - out % L;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int o = 0; o < full; o += L) {
            DoubleVector s = idt >= 0 ? DoubleVector.fromArray(S, p, idt + o) : one;
            DoubleVector gb = DoubleVector.zero(S), gi = DoubleVector.zero(S);
            for (int r = 0; r < n; r++) {
                int ro = r * out + o, to = (n + r) * out + o;
                DoubleVector hv = DoubleVector.fromArray(S, h, ro), ht = DoubleVector.fromArray(S, h, to);
                DoubleVector dyv = DoubleVector.fromArray(S, dy, ro), dyt = DoubleVector.fromArray(S, dy, to);
                DoubleVector d1 = one.sub(hv.mul(hv));
                DoubleVector dh = dyv.mul(s);
                DoubleVector dzv = dh.mul(d1);
                DoubleVector dzt = dyt.mul(s).mul(d1).sub(hv.mul(ht).mul(dh).mul(2.0));
                dzv.intoArray(dz, ro);
                dzt.intoArray(dz, to);
                if (idt >= 0) {
                    gi = gi.add(dyv.mul(hv).mul(a)).add(dyt.mul(hv).add(dyv.mul(ht)).mul(c));
                }
                DoubleVector bv = dzv.mul(a).add(dzt.mul(c));
                gb = gb.add(bv);
                bv.intoArray(bw, ro);
                dzv.mul(c).intoArray(bw, to);
            }
            gb.add(DoubleVector.fromArray(S, grad, b + o)).intoArray(grad, b + o);
            if (idt >= 0) {
                gi.add(DoubleVector.fromArray(S, grad, idt + o)).intoArray(grad, idt + o);
            }
        }
        for (int o = full; o < out; o++) {
            double sv = idt >= 0 ? p[idt + o] : 1.0;
            for (int r = 0; r < n; r++) {
                int ro = r * out + o, to = (n + r) * out + o;
                double hv = h[ro], ht = h[to], dyv = dy[ro], dyt = dy[to];
                double d1 = 1 - hv * hv, dh = dyv * sv;
                double dzv = dh * d1, dzt = dyt * sv * d1 - 2 * hv * ht * dh;
                dz[ro] = dzv;
                dz[to] = dzt;
                if (idt >= 0) {
                    grad[idt + o] += a * dyv * hv + c * (dyt * hv + dyv * ht);
                }
                double bv = a * dzv + c * dzt;
                grad[b + o] += bv;
                bw[ro] = bv;
                bw[to] = c * dzv;
            }
        }
    }
}
