package org.eelt.trainer.model;

import org.eelt.potential.dp.Gemm;
import org.eelt.potential.dp.VectorMath;

/**
 * Dense-layer kernels with optional forward-mode tangents (dual numbers), as pure static
 * functions on row-major arrays whose matrix products go to {@link Gemm} (OpenBLAS).
 *
 * <p><b>Stacked layout.</b> With tangents, an activation array of n rows holds the values in
 * rows [0, n) and their tangents in rows [n, 2n), so that the value and tangent products are
 * one matrix product each: [z; ż] = [x; ẋ]·W, [δx; δ̇x] = [δz; δ̇z]·Wᵀ, and the weight gradient
 * a·xᵀδz + c·(ẋᵀδz + xᵀδ̇z) is the single product [x; ẋ]ᵀ·[a·δz + c·δ̇z; c·δz].
 *
 * <p>Forward, for n rows: z = x·W + b, h = tanh(z) (or h = z for the linear layer),
 * y = h ⊙ idt + skip(x). Tangent: ż = ẋ·W, ḣ = (1 − h²) ż, ẏ = ḣ ⊙ idt + skip(ẋ).
 *
 * <p>Backward from δy: δh = δy ⊙ idt, δz = δh (1 − h²), ∂/∂W = xᵀδz, ∂/∂b = Σ δz,
 * ∂/∂idt = Σ δy ⊙ h, δx = δz·Wᵀ + skipᵀ(δy). With tangents each of these is differentiated
 * once more: δ̇z = δ̇h (1 − h²) − 2 h ḣ δh, (∂/∂W)˙ = ẋᵀδz + xᵀδ̇z, and so on. Parameter
 * gradients are accumulated as {@code grad += a·value + c·tangent}, which lets the loss
 * combine the energy gradient and the force/virial directional derivative in one sweep.
 * Units are those of the network (dimensionless inputs, eV at the fitting output).
 */
public final class Dense {
    private static final boolean VECTOR = VectorMath.vectorized();

    private Dense() {
    }

    /**
     * Forward pass of one layer over n rows (2n stacked rows with tangents).
     *
     * @param p   parameters (b and idt are read from here)
     * @param l   layer
     * @param w   W of the layer as its own row-major in × out array
     * @param n   rows
     * @param tan whether rows [n, 2n) of x hold tangents (then h, y get them too)
     * @param x   input, rows × in
     * @param h   out: activation before idt/skip (tangent rows: ḣ), rows × out
     * @param y   out: layer output, rows × out
     */
    public static void forward(double[] p, Layer l, double[] w, int n, boolean tan, double[] x, double[] h,
                               double[] y) {
        int in = l.in(), out = l.out(), b = l.b(), idt = l.idt();
        int rows = tan ? 2 * n : n;
        if (n == 0) {
            return;
        }
        Gemm.mul(x, w, h, rows, in, out);
        for (int r = 0; r < n; r++) {
            int ro = r * out;
            for (int o = 0; o < out; o++) {
                h[ro + o] += p[b + o];
            }
        }
        if (l.tanh()) {
            VectorMath.tanhInPlace(h, 0, n * out);
            if (tan) {
                int to = n * out;
                for (int k = 0; k < n * out; k++) {
                    double hv = h[k];
                    h[to + k] *= 1 - hv * hv;
                }
            }
        }
        if (idt >= 0) {
            for (int r = 0; r < rows; r++) {
                int ro = r * out;
                for (int o = 0; o < out; o++) {
                    y[ro + o] = h[ro + o] * p[idt + o];
                }
            }
        } else {
            System.arraycopy(h, 0, y, 0, rows * out);
        }
        addSkip(l, rows, x, y);
    }

    /** y[r, o] += x[r, o mod in] for the skip connections (identity or [x, x]). */
    private static void addSkip(Layer l, int rows, double[] x, double[] y) {
        int in = l.in(), out = l.out();
        if (l.skip() == 0) {
            return;
        }
        for (int r = 0; r < rows; r++) {
            int ro = r * out, ri = r * in;
            for (int o = 0; o < in; o++) {
                y[ro + o] += x[ri + o];
            }
            if (out == 2 * in) {
                for (int o = 0; o < in; o++) {
                    y[ro + in + o] += x[ri + o];
                }
            }
        }
    }

    /**
     * Backward pass of one layer over n rows (2n stacked rows with tangents).
     *
     * @param p    parameters
     * @param l    layer
     * @param w    W of the layer (in × out)
     * @param n    rows
     * @param tan  whether rows [n, 2n) of x, h, dy are tangents
     * @param x    the layer's forward input
     * @param h    the layer's forward activation
     * @param dy   δy (and δ̇y), rows × out; not modified
     * @param dx   out: δx (and δ̇x), rows × in, or null when not needed
     * @param dz   scratch, at least rows × out
     * @param bw   scratch, at least rows × out (only used with a weight gradient)
     * @param gw   weight-gradient accumulator (in × out), or null for none
     * @param grad accumulator of the b and idt gradients (flat parameter vector), or null
     * @param a    weight of the value part in the gradients
     * @param c    weight of the tangent part in the gradients
     */
    public static void backward(double[] p, Layer l, double[] w, int n, boolean tan, double[] x, double[] h,
                                double[] dy, double[] dx, double[] dz, double[] bw, double[] gw, double[] grad,
                                double a, double c) {
        int in = l.in(), out = l.out(), b = l.b(), idt = l.idt();
        int rows = tan ? 2 * n : n;
        if (n == 0) {
            return;
        }
        if (tan && grad != null && l.tanh()) {
            dualRows(p, l, n, h, dy, dz, bw, grad, a, c);
        } else if (!tan && grad == null && l.tanh()) {
            valueRows(p, l, n, h, dy, dz);
        } else {
            genericRows(p, l, n, tan, h, dy, dz, bw, grad, a, c);
        }
        if (gw != null) {
            Gemm.mulTransAAdd(x, bw, gw, rows, in, out);
        }
        if (dx != null) {
            Gemm.mulTransB(dz, w, dx, rows, out, in);
            if (l.skip() != 0) {
                for (int r = 0; r < rows; r++) {
                    int ro = r * out, ri = r * in;
                    for (int o = 0; o < in; o++) {
                        dx[ri + o] += dy[ro + o];
                    }
                    if (out == 2 * in) {
                        for (int o = 0; o < in; o++) {
                            dx[ri + o] += dy[ro + in + o];
                        }
                    }
                }
            }
        }
    }

    /** δz = δy·s·(1 − h²) for the value rows (no tangents, no parameter gradient). */
    private static void valueRows(double[] p, Layer l, int n, double[] h, double[] dy, double[] dz) {
        int out = l.out(), idt = l.idt();
        if (VECTOR) {
            VectorDense.valueRows(p, out, idt, n, h, dy, dz);
            return;
        }
        for (int r = 0; r < n; r++) {
            int ro = r * out;
            if (idt >= 0) {
                for (int o = 0; o < out; o++) {
                    double hv = h[ro + o];
                    dz[ro + o] = dy[ro + o] * p[idt + o] * (1 - hv * hv);
                }
            } else {
                for (int o = 0; o < out; o++) {
                    double hv = h[ro + o];
                    dz[ro + o] = dy[ro + o] * (1 - hv * hv);
                }
            }
        }
    }

    /**
     * The dual-number rows of a tanh layer with a parameter gradient: δz, δ̇z, the b and idt
     * gradients and the weight-gradient operand [a·δz + c·δ̇z; c·δz].
     */
    private static void dualRows(double[] p, Layer l, int n, double[] h, double[] dy, double[] dz, double[] bw,
                                 double[] grad, double a, double c) {
        int out = l.out(), b = l.b(), idt = l.idt();
        if (VECTOR) {
            VectorDense.dualRows(p, out, b, idt, n, h, dy, dz, bw, grad, a, c);
            return;
        }
        for (int r = 0; r < n; r++) {
            int ro = r * out, to = (n + r) * out;
            if (idt >= 0) {
                for (int o = 0; o < out; o++) {
                    double hv = h[ro + o], ht = h[to + o], dyv = dy[ro + o], dyt = dy[to + o];
                    double s = p[idt + o];
                    double d1 = 1 - hv * hv, dh = dyv * s;
                    double dzv = dh * d1, dzt = dyt * s * d1 - 2 * hv * ht * dh;
                    dz[ro + o] = dzv;
                    dz[to + o] = dzt;
                    grad[idt + o] += a * dyv * hv + c * (dyt * hv + dyv * ht);
                    double bv = a * dzv + c * dzt;
                    grad[b + o] += bv;
                    bw[ro + o] = bv;
                    bw[to + o] = c * dzv;
                }
            } else {
                for (int o = 0; o < out; o++) {
                    double hv = h[ro + o], ht = h[to + o], dyv = dy[ro + o], dyt = dy[to + o];
                    double d1 = 1 - hv * hv;
                    double dzv = dyv * d1, dzt = dyt * d1 - 2 * hv * ht * dyv;
                    dz[ro + o] = dzv;
                    dz[to + o] = dzt;
                    double bv = a * dzv + c * dzt;
                    grad[b + o] += bv;
                    bw[ro + o] = bv;
                    bw[to + o] = c * dzv;
                }
            }
        }
    }

    /** Any other combination (linear layers, value rows with a gradient, tangents without one). */
    private static void genericRows(double[] p, Layer l, int n, boolean tan, double[] h, double[] dy, double[] dz,
                                    double[] bw, double[] grad, double a, double c) {
        int out = l.out(), b = l.b(), idt = l.idt();
        boolean act = l.tanh();
        for (int r = 0; r < n; r++) {
            int ro = r * out, to = (n + r) * out;
            for (int o = 0; o < out; o++) {
                double hv = h[ro + o];
                double s = idt >= 0 ? p[idt + o] : 1.0;
                double dyv = dy[ro + o];
                double dh = dyv * s;
                double d1 = act ? 1 - hv * hv : 1;
                double dzv = dh * d1;
                dz[ro + o] = dzv;
                if (tan) {
                    double ht = h[to + o], dyt = dy[to + o];
                    double dzt = act ? dyt * s * d1 - 2 * hv * ht * dh : dyt * s;
                    dz[to + o] = dzt;
                    if (grad != null) {
                        if (idt >= 0) {
                            grad[idt + o] += a * dyv * hv + c * (dyt * hv + dyv * ht);
                        }
                        grad[b + o] += a * dzv + c * dzt;
                        bw[ro + o] = a * dzv + c * dzt;
                        bw[to + o] = c * dzv;
                    }
                } else if (grad != null) {
                    if (idt >= 0) {
                        grad[idt + o] += a * dyv * hv;
                    }
                    grad[b + o] += a * dzv;
                    bw[ro + o] = a * dzv;
                }
            }
        }
    }
}
