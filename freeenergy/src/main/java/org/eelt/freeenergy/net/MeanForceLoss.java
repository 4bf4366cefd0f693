package org.eelt.freeenergy.net;

import java.util.Arrays;
import java.util.List;
import org.eelt.protocol.atoms.MeanForceLabel;

/**
 * The mean-force loss of a free-energy net over a batch B of labels and its exact parameter
 * gradient:
 * <pre>
 *   L(θ) = (1/|B|) Σ_{k∈B} Σ_q w_kq r_kq²,   r_k = (−∇_s A_θ)(s0_k) − f_k
 * </pre>
 * with per-component weights w (see {@link #weights}). Because the loss involves ∇_s A, its
 * gradient is a mixed second derivative. It is computed exactly by forward-over-reverse
 * differentiation written by hand: with u_k = −(2/|B|) w_k ⊙ r_k held fixed,
 * ∂L/∂θ = ∂/∂θ Σ_k u_k·∇_s A(s0_k) and u·∇_s A = (J u)·∂A/∂φ is the directional derivative of A's
 * network along the feature tangent J u, whose θ-gradient one reverse sweep over the primal and
 * tangent passes gives ({@code MlpPass#directionalParameterGradient}).
 */
public final class MeanForceLoss {
    /** The value of the loss on a batch. @param loss L; @param forceRmse unweighted RMS of r over all components */
    public record Value(double loss, double forceRmse) {
    }

    private MeanForceLoss() {
    }

    /**
     * Per-component weights: w_kq = 1/max(σ_kq, σ_min)² for components with an error bar σ &gt; 0,
     * normalized to mean 1 over those components; components without one (σ = 0) get 1. The floor
     * σ_min = 0.1 × the median error bar keeps one lucky label from dominating.
     */
    public static double[][] weights(List<MeanForceLabel> labels) {
        int d = labels.isEmpty() ? 0 : labels.get(0).dimension();
        double[][] w = new double[labels.size()][d];
        double[] errs = labels.stream().flatMapToDouble(l -> Arrays.stream(l.stdErr())).filter(e -> e > 0).sorted()
                .toArray();
        if (errs.length == 0) {
            for (double[] row : w) {
                Arrays.fill(row, 1);
            }
            return w;
        }
        double floor = 0.1 * errs[errs.length / 2];
        double sum = 0;
        for (int k = 0; k < w.length; k++) {
            for (int q = 0; q < d; q++) {
                double e = labels.get(k).stdErr(q);
                if (e > 0) {
                    double m = Math.max(e, floor);
                    w[k][q] = 1 / (m * m);
                    sum += w[k][q];
                }
            }
        }
        double mean = sum / errs.length;
        for (int k = 0; k < w.length; k++) {
            for (int q = 0; q < d; q++) {
                w[k][q] = labels.get(k).stdErr(q) > 0 ? w[k][q] / mean : 1;
            }
        }
        return w;
    }

    /**
     * @param net     the net
     * @param labels  all labels
     * @param batch   indices into {@code labels}
     * @param weights per-label, per-component weights ({@link #weights})
     * @param gradOut if not null, ∂L/∂θ is <b>added</b> to it (length = parameter count)
     * @return the loss and the force RMSE
     */
    public static Value evaluate(FreeEnergyNet net, List<MeanForceLabel> labels, int[] batch, double[][] weights,
                                 double[] gradOut) {
        return evaluate(net, net.pass(), labels, batch, weights, gradOut);
    }

    static Value evaluate(FreeEnergyNet net, MlpPass pass, List<MeanForceLabel> labels, int[] batch, double[][] weights,
                          double[] gradOut) {
        int d = net.dimension();
        double[] p = net.parametersView();
        double[] gradA = new double[d], u = new double[d], s = new double[d];
        FeatureMap fm = net.features();
        double loss = 0, sq = 0;
        double inv = 1.0 / batch.length;
        for (int k : batch) {
            MeanForceLabel lab = labels.get(k);
            if (lab.dimension() != d) {
                throw new IllegalArgumentException("label " + k + " has " + lab.dimension() + " CVs but the net has " + d);
            }
            for (int q = 0; q < d; q++) {
                s[q] = lab.center(q);
            }
            net.valueAndGradient(pass, s, gradA);
            for (int q = 0; q < d; q++) {
                double r = -gradA[q] - lab.meanForce(q);
                double w = weights[k][q];
                loss += inv * w * r * r;
                sq += r * r;
                u[q] = -2 * inv * w * r;
            }
            if (gradOut != null) {
                fm.tangent(s, u, pass.hDot[0]);
                pass.tangent(p);
                pass.directionalParameterGradient(p, fm.energyScale(), gradOut);
            }
        }
        return new Value(loss, Math.sqrt(sq / (batch.length * (double) d)));
    }
}
