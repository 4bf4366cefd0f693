package org.eelt.freeenergy.net;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.eelt.protocol.atoms.CodeVersion;

/**
 * A free-energy network A_θ(s) = c · y(φ(s)) over d collective variables: φ the
 * {@link FeatureMap} (periodic CVs → (cos, sin), others standardized), y a tanh MLP with resnet
 * skips ({@link MlpLayout}) and a linear scalar output, c the feature map's energy scale.
 * Immutable and thread-safe (each call uses its own scratch).
 *
 * <p>Units: s in CV units, A in the labels' energy unit, ∇_s A in energy per CV unit.
 */
public final class FreeEnergyNet {
    private final FeatureMap features;
    private final MlpLayout layout;
    private final double[] params;
    private final NetProvenance provenance;
    /** Per-thread scratch: nets are shared between threads, a pass is not. */
    private final ThreadLocal<MlpPass> scratch;

    /**
     * @param features   input map (fixes d)
     * @param hidden     hidden widths
     * @param params     parameters in {@link MlpLayout}'s order
     * @param provenance seed, steps, versions
     */
    public FreeEnergyNet(FeatureMap features, int[] hidden, double[] params, NetProvenance provenance) {
        this.features = Objects.requireNonNull(features, "features");
        this.layout = new MlpLayout(features.featureDimension(), hidden);
        if (params.length != layout.parameterCount()) {
            throw new IllegalArgumentException("free-energy net with widths " + Arrays.toString(hidden) + " and "
                    + features.featureDimension() + " inputs needs " + layout.parameterCount() + " parameters, got "
                    + params.length);
        }
        for (double p : params) {
            if (!Double.isFinite(p)) {
                throw new IllegalArgumentException("free-energy net parameters must be finite");
            }
        }
        this.params = params.clone();
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.scratch = ThreadLocal.withInitial(() -> new MlpPass(layout));
    }

    private FreeEnergyNet(FreeEnergyNet shape, double[] liveParams) {
        this.features = shape.features;
        this.layout = shape.layout;
        this.params = liveParams;
        this.provenance = shape.provenance;
        this.scratch = ThreadLocal.withInitial(() -> new MlpPass(layout));
    }

    /** @return a net of this shape reading {@code liveParams} without copying (the trainer's in-place view). */
    FreeEnergyNet view(double[] liveParams) {
        return new FreeEnergyNet(this, liveParams);
    }

    /**
     * A freshly initialized net: W_l ~ N(0, 1/(n_{l−1} + n_l)) (DeePMD-kit's 1/√(in+out) standard
     * deviation), b_l ~ N(0, 1), output weights ~ N(0, 1/(n_L + 1)), output bias 0.
     */
    public static FreeEnergyNet initial(FeatureMap features, int[] hidden, long seed) {
        MlpLayout lay = new MlpLayout(features.featureDimension(), hidden);
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[lay.parameterCount()];
        for (int l = 0; l < lay.layers(); l++) {
            int in = lay.size(l), out = lay.size(l + 1);
            double sd = 1 / Math.sqrt(in + out);
            for (int k = 0; k < in * out; k++) {
                p[lay.weights(l) + k] = sd * gaussian(r);
            }
            for (int k = 0; k < out; k++) {
                p[lay.biases(l) + k] = gaussian(r);
            }
        }
        int n = lay.size(lay.layers());
        for (int k = 0; k < n; k++) {
            p[lay.output() + k] = gaussian(r) / Math.sqrt(n + 1);
        }
        return new FreeEnergyNet(features, hidden, p, new NetProvenance(seed, 0, "", CodeVersion.get()));
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    /** @return a net with the same map and shape and new parameters and provenance. */
    public FreeEnergyNet withParameters(double[] newParams, NetProvenance newProvenance) {
        return new FreeEnergyNet(features, layout.hidden(), newParams, newProvenance);
    }

    /** @return the feature map. */
    public FeatureMap features() {
        return features;
    }

    /** @return the layout. */
    public MlpLayout layout() {
        return layout;
    }

    /** @return the hidden widths. */
    public int[] hidden() {
        return layout.hidden();
    }

    /** @return a copy of the parameters. */
    public double[] parameters() {
        return params.clone();
    }

    double[] parametersView() {
        return params;
    }

    /** @return the provenance. */
    public NetProvenance provenance() {
        return provenance;
    }

    /** @return d, the number of CVs. */
    public int dimension() {
        return features.cvDimension();
    }

    /** @return this thread's scratch pass (reused between calls; the caller must not keep it across calls of other code on this net). */
    MlpPass pass() {
        return scratch.get();
    }

    /** Runs forward and reverse in {@code pass}; writes ∂A/∂s into {@code gradOut} and returns A. */
    double valueAndGradient(MlpPass pass, double[] s, double[] gradOut) {
        features.features(s, pass.h[0]);
        double y = pass.forward(params);
        pass.reverse(params, features.energyScale());
        features.pullBack(s, pass.g[0], gradOut);
        return features.energyScale() * y;
    }

    /** @return A(s) in the energy unit. */
    public double value(double[] s) {
        checkDimension(s);
        MlpPass p = pass();
        features.features(s, p.h[0]);
        return features.energyScale() * p.forward(params);
    }

    /**
     * @param gradOut output ∂A/∂s (length d, energy per CV unit)
     * @return A(s)
     */
    public double valueAndGradient(double[] s, double[] gradOut) {
        checkDimension(s);
        return valueAndGradient(pass(), s, gradOut);
    }

    /** @return the mean force −∂A/∂s at s (energy per CV unit). */
    public double[] force(double[] s) {
        double[] g = new double[dimension()];
        valueAndGradient(s, g);
        for (int q = 0; q < g.length; q++) {
            g[q] = -g[q];
        }
        return g;
    }

    /** Hessian–vector product in {@code pass}: writes (∂²A/∂s²) v into {@code out} and ∂A/∂s into {@code grad}. */
    double hessianVector(MlpPass pass, double[] s, double[] v, double[] grad, double[] out) {
        double a = valueAndGradient(pass, s, grad);
        features.tangent(s, v, pass.hDot[0]);
        pass.tangent(params);
        pass.reverseTangent(params);
        features.pullBackTangent(s, v, pass.g[0], pass.gDot[0], out);
        return a;
    }

    /** @return (∂²A/∂s²) v, exact (forward-over-reverse), in energy per CV unit². */
    public double[] hessianVector(double[] s, double[] v) {
        checkDimension(s);
        checkDimension(v);
        double[] out = new double[dimension()];
        hessianVector(pass(), s, v, new double[dimension()], out);
        return out;
    }

    private void checkDimension(double[] s) {
        if (s.length != dimension()) {
            throw new IllegalArgumentException("free-energy net over " + dimension() + " CVs got a point with "
                    + s.length + " components");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FreeEnergyNet n && features.equals(n.features)
                && Arrays.equals(layout.hidden(), n.layout.hidden()) && Arrays.equals(params, n.params)
                && provenance.equals(n.provenance);
    }

    @Override
    public int hashCode() {
        return 31 * features.hashCode() + Arrays.hashCode(params);
    }

    @Override
    public String toString() {
        return "FreeEnergyNet[d=" + dimension() + ", widths=" + Arrays.toString(layout.hidden()) + ", params="
                + params.length + ", " + provenance + "]";
    }
}
