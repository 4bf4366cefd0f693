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
                double hv = l.tanh() ? Math.tanh(h[ro + o]) : h[ro + o];
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
            for (int i = 0; i < in; i++) {
                double xv = x[ri + i];
                double xtv = tan ? xt[ri + i] : 0.0;
                int wi = w + i * out;
                if (grad != null) {
                    double k1 = a * xv + c * xtv;
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
                    double sum = 0, sumt = 0;
                    for (int o = 0; o < out; o++) {
                        sum += dy[ro + o] * p[wi + o];
                    }
                    dx[ri + i] += sum;
                    if (tan) {
                        for (int o = 0; o < out; o++) {
                            sumt += dyt[ro + o] * p[wi + o];
                        }
                        dxt[ri + i] += sumt;
                    }
                }
            }
        }
    }
}
