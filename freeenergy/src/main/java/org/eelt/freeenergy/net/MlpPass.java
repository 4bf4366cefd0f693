package org.eelt.freeenergy.net;

/**
 * Scratch and kernels of one MLP evaluation on plain double arrays (not thread-safe; one per
 * thread). For input h_0 and hidden layers l = 1..L:
 * <pre>
 *   z_l = W_l h_{l−1} + b_l,  a_l = tanh z_l,  h_l = a_l + S_l h_{l−1},   y = wᵀ h_L + b_out
 * </pre>
 * (S_l the resnet skip: identity, duplication or none). Reverse mode gives g_l = ∂(c·y)/∂h_l:
 * g_L = c·w, q_l = (1 − a_l²) ⊙ g_l, g_{l−1} = W_lᵀ q_l + S_lᵀ g_l. The forward tangent along
 * ḣ_0 is ż_l = W_l ḣ_{l−1}, ȧ_l = (1 − a_l²) ⊙ ż_l, ḣ_l = ȧ_l + S_l ḣ_{l−1}.
 */
final class MlpPass {
    final MlpLayout lay;
    final double[][] h;
    final double[][] a;
    final double[][] g;
    final double[][] hDot;
    final double[][] zDot;
    final double[][] gDot;
    final double[] qDot;
    final double[] hBar;
    final double[] hBarNext;

    MlpPass(MlpLayout lay) {
        this.lay = lay;
        int L = lay.layers();
        h = new double[L + 1][];
        g = new double[L + 1][];
        hDot = new double[L + 1][];
        gDot = new double[L + 1][];
        a = new double[L + 1][];
        zDot = new double[L + 1][];
        int max = 0;
        for (int l = 0; l <= L; l++) {
            int n = lay.size(l);
            max = Math.max(max, n);
            h[l] = new double[n];
            g[l] = new double[n];
            hDot[l] = new double[n];
            gDot[l] = new double[n];
            a[l] = new double[n];
            zDot[l] = new double[n];
        }
        qDot = new double[max];
        hBar = new double[max];
        hBarNext = new double[max];
    }

    /** Forward pass from h[0] (filled by the caller); returns y (without the output scale). */
    double forward(double[] p) {
        int L = lay.layers();
        for (int l = 0; l < L; l++) {
            int in = lay.size(l), out = lay.size(l + 1), w = lay.weights(l), b = lay.biases(l), skip = lay.skip(l);
            double[] x = h[l], act = a[l + 1], y = h[l + 1];
            for (int o = 0; o < out; o++) {
                double z = p[b + o];
                int row = w + o * in;
                for (int i = 0; i < in; i++) {
                    z += p[row + i] * x[i];
                }
                double t = Math.tanh(z);
                act[o] = t;
                y[o] = skip == 0 ? t : t + x[skip == 1 ? o : o % in];
            }
        }
        int out = lay.output(), n = lay.size(L);
        double y = p[out + n];
        for (int i = 0; i < n; i++) {
            y += p[out + i] * h[L][i];
        }
        return y;
    }

    /** Reverse pass after {@link #forward}: fills g[l] = ∂(c·y)/∂h_l. */
    void reverse(double[] p, double c) {
        int L = lay.layers(), out = lay.output();
        for (int i = 0; i < lay.size(L); i++) {
            g[L][i] = c * p[out + i];
        }
        for (int l = L - 1; l >= 0; l--) {
            int in = lay.size(l), n = lay.size(l + 1), w = lay.weights(l), skip = lay.skip(l);
            double[] gl = g[l], gn = g[l + 1], act = a[l + 1];
            java.util.Arrays.fill(gl, 0);
            for (int o = 0; o < n; o++) {
                double q = (1 - act[o] * act[o]) * gn[o];
                int row = w + o * in;
                for (int i = 0; i < in; i++) {
                    gl[i] += p[row + i] * q;
                }
                if (skip != 0) {
                    gl[skip == 1 ? o : o % in] += gn[o];
                }
            }
        }
    }

    /** Forward tangent from hDot[0] (filled by the caller) after {@link #forward}: fills zDot, hDot. */
    void tangent(double[] p) {
        int L = lay.layers();
        for (int l = 0; l < L; l++) {
            int in = lay.size(l), n = lay.size(l + 1), w = lay.weights(l), skip = lay.skip(l);
            double[] x = hDot[l], act = a[l + 1];
            for (int o = 0; o < n; o++) {
                double z = 0;
                int row = w + o * in;
                for (int i = 0; i < in; i++) {
                    z += p[row + i] * x[i];
                }
                zDot[l + 1][o] = z;
                double ad = (1 - act[o] * act[o]) * z;
                hDot[l + 1][o] = skip == 0 ? ad : ad + x[skip == 1 ? o : o % in];
            }
        }
    }

    /**
     * Tangent of the reverse pass (after forward, reverse and tangent): fills gDot[l] =
     * d g_l/dt with ġ_L = 0, q̇_l = (1 − a²) ⊙ ġ_l − 2 a ⊙ ȧ ⊙ g_l, ġ_{l−1} = W_lᵀ q̇_l + S_lᵀ ġ_l.
     */
    void reverseTangent(double[] p) {
        int L = lay.layers();
        java.util.Arrays.fill(gDot[L], 0);
        for (int l = L - 1; l >= 0; l--) {
            int in = lay.size(l), n = lay.size(l + 1), w = lay.weights(l), skip = lay.skip(l);
            double[] gl = gDot[l], gn = gDot[l + 1], act = a[l + 1], zd = zDot[l + 1], gg = g[l + 1];
            java.util.Arrays.fill(gl, 0);
            for (int o = 0; o < n; o++) {
                double d = 1 - act[o] * act[o];
                double ad = d * zd[o];
                double q = d * gn[o] - 2 * act[o] * ad * gg[o];
                int row = w + o * in;
                for (int i = 0; i < in; i++) {
                    gl[i] += p[row + i] * q;
                }
                if (skip != 0) {
                    gl[skip == 1 ? o : o % in] += gn[o];
                }
            }
        }
    }

    /**
     * Adds ∂Φ/∂θ to {@code grad} for Φ = c·wᵀ ḣ_L, the directional derivative of c·y along ḣ_0,
     * after forward, reverse(c) and tangent. The tangent's adjoint equals g_l; with h̄_L = 0, per
     * layer (top down): ż̄_l = (1 − a_l²) ⊙ g_l, z̄_l = (1 − a_l²) ⊙ (h̄_l − 2 a_l ⊙ ż_l ⊙ g_l),
     * W̄_l += ż̄_l ḣ_{l−1}ᵀ + z̄_l h_{l−1}ᵀ, b̄_l += z̄_l, h̄_{l−1} = W_lᵀ z̄_l + S_lᵀ h̄_l;
     * w̄ += c ḣ_L.
     */
    void directionalParameterGradient(double[] p, double c, double[] grad) {
        int L = lay.layers(), out = lay.output();
        for (int i = 0; i < lay.size(L); i++) {
            grad[out + i] += c * hDot[L][i];
        }
        double[] hb = hBar, next = hBarNext;
        java.util.Arrays.fill(hb, 0, lay.size(L), 0);
        for (int l = L - 1; l >= 0; l--) {
            int in = lay.size(l), n = lay.size(l + 1), w = lay.weights(l), b = lay.biases(l), skip = lay.skip(l);
            double[] act = a[l + 1], zd = zDot[l + 1], gg = g[l + 1], x = h[l], xd = hDot[l];
            java.util.Arrays.fill(next, 0, in, 0);
            for (int o = 0; o < n; o++) {
                double d = 1 - act[o] * act[o];
                double zdBar = d * gg[o];
                double zBar = d * (hb[o] - 2 * act[o] * zd[o] * gg[o]);
                int row = w + o * in;
                for (int i = 0; i < in; i++) {
                    grad[row + i] += zdBar * xd[i] + zBar * x[i];
                    next[i] += p[row + i] * zBar;
                }
                grad[b + o] += zBar;
                if (skip != 0) {
                    next[skip == 1 ? o : o % in] += hb[o];
                }
            }
            double[] t = hb;
            hb = next;
            next = t;
        }
    }
}
