package org.eelt.trainer.model;

/**
 * Row-batched dense-layer kernels with optional forward-mode tangents (dual numbers), as pure
 * static functions on row-major arrays.
 *
 * <p>Forward, for n rows: z = x·W + b, h = tanh(z) (or h = z for the linear layer),
 * y = h ⊙ idt + skip(x). Tangent: ż = ẋ·W, ḣ = (1 − h²) ż, ẏ = ḣ ⊙ idt + skip(ẋ).
 *
 * <p>Backward from δy: δh = δy ⊙ idt, δz = δh (1 − h²), ∂/∂W = xᵀδz, ∂/∂b = Σ δz,
 * ∂/∂idt = Σ δy ⊙ h, δx = δz·Wᵀ + skipᵀ(δy). With tangents, each of these is differentiated
 * once more: δ̇z = δ̇h (1 − h²) − 2 h ḣ δh, (∂/∂W)˙ = ẋᵀδz + xᵀδ̇z, and so on. Parameter
 * gradients are accumulated as {@code grad += a·value + c·tangent}, which lets the loss
 * combine the energy gradient and the force/virial directional derivative in one sweep.
 */
public final class Dense {
    private Dense() {
    }

    /**
     * Forward pass of one layer over n rows.
     *
     * @param p  parameters
     * @param l  layer
     * @param x  input n × in
     * @param xt input tangent n × in, or null (then ht, yt are ignored)
     * @param h  out: activation before idt/skip, n × out
     * @param y  out: layer output, n × out
     */
    public static void forward(double[] p, Layer l, int n, double[] x, double[] xt,
                               double[] h, double[] ht, double[] y, double[] yt) {
        int in = l.in(), out = l.out(), w = l.w(), b = l.b(), idt = l.idt();
        boolean tan = xt != null;
        if (n > 1 && (long) in * out >= LARGE) {
            forwardWeightMajor(p, l, n, x, xt, h, ht, y, yt);
            return;
        }
        for (int r = 0; r < n; r++) {
            int ro = r * out, ri = r * in;
            for (int o = 0; o < out; o++) {
                h[ro + o] = p[b + o];
            }
            if (tan) {
                for (int o = 0; o < out; o++) {
                    ht[ro + o] = 0;
                }
            }
            for (int i = 0; i < in; i++) {
                double xv = x[ri + i];
                int wi = w + i * out;
                for (int o = 0; o < out; o++) {
                    h[ro + o] += xv * p[wi + o];
                }
                if (tan) {
                    double xtv = xt[ri + i];
                    if (xtv != 0) {
                        for (int o = 0; o < out; o++) {
                            ht[ro + o] += xtv * p[wi + o];
                        }
                    }
                }
            }
            for (int o = 0; o < out; o++) {
                double hv = l.tanh() ? tanh(h[ro + o]) : h[ro + o];
                h[ro + o] = hv;
                double s = idt >= 0 ? p[idt + o] : 1.0;
                y[ro + o] = hv * s + skip(l, x, ri, o);
                if (tan) {
                    double htv = l.tanh() ? (1 - hv * hv) * ht[ro + o] : ht[ro + o];
                    ht[ro + o] = htv;
                    yt[ro + o] = htv * s + skip(l, xt, ri, o);
                }
            }
        }
    }

    /** Weight matrices with at least this many entries are streamed once per call, not once per row. */
    static final int LARGE = 4096;

    /** {@link #forward} with the weight row as the outer loop, so each W row is read once for all rows. */
    private static void forwardWeightMajor(double[] p, Layer l, int n, double[] x, double[] xt,
                                           double[] h, double[] ht, double[] y, double[] yt) {
        int in = l.in(), out = l.out(), w = l.w(), b = l.b(), idt = l.idt();
        boolean tan = xt != null;
        for (int r = 0; r < n; r++) {
            System.arraycopy(p, b, h, r * out, out);
            if (tan) {
                java.util.Arrays.fill(ht, r * out, (r + 1) * out, 0.0);
            }
        }
        for (int i = 0; i < in; i++) {
            int wi = w + i * out;
            for (int r = 0; r < n; r++) {
                double xv = x[r * in + i];
                int ro = r * out;
                if (xv != 0) {
                    for (int o = 0; o < out; o++) {
                        h[ro + o] += xv * p[wi + o];
                    }
                }
                if (tan) {
                    double xtv = xt[r * in + i];
                    if (xtv != 0) {
                        for (int o = 0; o < out; o++) {
                            ht[ro + o] += xtv * p[wi + o];
                        }
                    }
                }
            }
        }
        for (int r = 0; r < n; r++) {
            int ro = r * out, ri = r * in;
            for (int o = 0; o < out; o++) {
                double hv = l.tanh() ? tanh(h[ro + o]) : h[ro + o];
                h[ro + o] = hv;
                double s = idt >= 0 ? p[idt + o] : 1.0;
                y[ro + o] = hv * s + skip(l, x, ri, o);
                if (tan) {
                    double htv = l.tanh() ? (1 - hv * hv) * ht[ro + o] : ht[ro + o];
                    ht[ro + o] = htv;
                    yt[ro + o] = htv * s + skip(l, xt, ri, o);
                }
            }
        }
    }

    /**
     * tanh(x) to within 2 ulp, about twice as fast as {@link Math#tanh}: for |x| &gt; 0.55,
     * (1 − e)/(1 + e) with e = exp(−2|x|) (no cancellation there); below, −m/(2 + m) with
     * m = expm1(−2|x|), which keeps full relative accuracy near 0.
     */
    static double tanh(double x) {
        double ax = Math.abs(x);
        double t;
        if (ax > 0.55) {
            double e = Math.exp(-2 * ax);
            t = (1 - e) / (1 + e);
        } else {
            double m = Math.expm1(-2 * ax);
            t = -m / (2 + m);
        }
        return Math.copySign(t, x);
    }

    /** Σ_k a[ao + k]·b[bo + k] for k &lt; len, with four independent partial sums. */
    static double dot(double[] a, int ao, double[] b, int bo, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            s0 += a[ao + k] * b[bo + k];
            s1 += a[ao + k + 1] * b[bo + k + 1];
            s2 += a[ao + k + 2] * b[bo + k + 2];
            s3 += a[ao + k + 3] * b[bo + k + 3];
        }
        for (; k < len; k++) {
            s0 += a[ao + k] * b[bo + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double skip(Layer l, double[] x, int ri, int o) {
        return switch (l.skip()) {
            case 1 -> x[ri + o];
            case 2 -> x[ri + (o % l.in())];
            default -> 0.0;
        };
    }

    /**
     * Backward pass of one layer over n rows.
     *
     * @param dy   δy (n × out); overwritten with scratch values
     * @param dyt  δ̇y or null (no tangents)
     * @param dx   out: δx (n × in) or null when not needed
     * @param dxt  out: δ̇x or null
     * @param grad parameter gradient accumulator, or null
     * @param a    weight of the value part in {@code grad}
     * @param c    weight of the tangent part in {@code grad}
     */
    public static void backward(double[] p, Layer l, int n, double[] x, double[] xt, double[] h, double[] ht,
                                double[] dy, double[] dyt, double[] dx, double[] dxt,
                                double[] grad, double a, double c) {
        int in = l.in(), out = l.out(), w = l.w(), b = l.b(), idt = l.idt();
        boolean tan = dyt != null;
        boolean major = n > 1 && (long) in * out >= LARGE;
        for (int r = 0; r < n; r++) {
            int ro = r * out, ri = r * in;
            if (dx != null) {
                for (int i = 0; i < in; i++) {
                    dx[ri + i] = 0;
                    if (tan) {
                        dxt[ri + i] = 0;
                    }
                }
                if (l.skip() != 0) {
                    for (int o = 0; o < out; o++) {
                        int i = o % in;
                        dx[ri + i] += dy[ro + o];
                        if (tan) {
                            dxt[ri + i] += dyt[ro + o];
                        }
                    }
                }
            }
            for (int o = 0; o < out; o++) {
                double hv = h[ro + o];
                double s = idt >= 0 ? p[idt + o] : 1.0;
                double dh = dy[ro + o] * s;
                double dz = l.tanh() ? dh * (1 - hv * hv) : dh;
                if (tan) {
                    double dht = dyt[ro + o] * s;
                    double dzt = l.tanh() ? dht * (1 - hv * hv) - 2 * hv * ht[ro + o] * dh : dht;
                    if (grad != null) {
                        if (idt >= 0) {
                            grad[idt + o] += a * dy[ro + o] * hv + c * (dyt[ro + o] * hv + dy[ro + o] * ht[ro + o]);
                        }
                        grad[b + o] += a * dz + c * dzt;
                    }
                    dyt[ro + o] = dzt;
                } else if (grad != null) {
                    if (idt >= 0) {
                        grad[idt + o] += a * dy[ro + o] * hv;
                    }
                    grad[b + o] += a * dz;
                }
                dy[ro + o] = dz;
            }
            // dy now holds δz, dyt holds δ̇z
            if (major) {
                continue;
            }
            for (int i = 0; i < in; i++) {
                weightTerm(p, x, xt, dy, dyt, dx, dxt, grad, ri, ro, i, w + i * out, out, a, c);
            }
        }
        if (major) {
            backwardWeightMajor(p, l, n, x, xt, dy, dyt, dx, dxt, grad, a, c);
        }
    }

    /** The matrix part of {@link #backward} (δz, δ̇z already in dy, dyt) with the weight row outermost. */
    private static void backwardWeightMajor(double[] p, Layer l, int n, double[] x, double[] xt, double[] dy,
                                            double[] dyt, double[] dx, double[] dxt, double[] grad, double a, double c) {
        int in = l.in(), out = l.out(), w = l.w();
        for (int i = 0; i < in; i++) {
            int wi = w + i * out;
            for (int r = 0; r < n; r++) {
                weightTerm(p, x, xt, dy, dyt, dx, dxt, grad, r * in, r * out, i, wi, out, a, c);
            }
        }
    }

    /**
     * One (row, input i) term of the matrix backward, shared by both loop orders: adds
     * k₁·δz + k₂·δ̇z to row i of the weight gradient (k₁ = a·x + c·ẋ, k₂ = c·x) and
     * δx_i += W_i·δz, δẋ_i += W_i·δ̇z.
     *
     * @param ri offset of the row in x, xt, dx, dxt
     * @param ro offset of the row in dy, dyt
     * @param wi offset of weight row i in p and grad
     */
    private static void weightTerm(double[] p, double[] x, double[] xt, double[] dy, double[] dyt, double[] dx,
                                   double[] dxt, double[] grad, int ri, int ro, int i, int wi, int out,
                                   double a, double c) {
        boolean tan = dyt != null;
        double xv = x[ri + i];
        if (grad != null) {
            double k1 = a * xv + c * (tan ? xt[ri + i] : 0.0);
            if (tan) {
                double k2 = c * xv;
                for (int o = 0; o < out; o++) {
                    grad[wi + o] += k1 * dy[ro + o] + k2 * dyt[ro + o];
                }
            } else {
                for (int o = 0; o < out; o++) {
                    grad[wi + o] += k1 * dy[ro + o];
                }
            }
        }
        if (dx != null) {
            dx[ri + i] += dot(dy, ro, p, wi, out);
            if (tan) {
                dxt[ri + i] += dot(dyt, ro, p, wi, out);
            }
        }
    }
}
