package org.eelt.trainer.optim;

/**
 * Adam over a flat parameter vector with PyTorch's update (DeePMD-kit's defaults
 * β₁ = 0.9, β₂ = 0.999, ε = 1e-8):
 * <pre>
 *  m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,
 *  θ ← θ − lr · (m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε)
 * </pre>
 * The moments and the step count t are the optimizer state saved in checkpoints. Not
 * thread-safe; one per trained model.
 */
public final class Adam {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double[] m;
    private final double[] v;
    private long t;

    /** @param size the number of parameters; β₁ 0.9, β₂ 0.999, ε 1e-8 */
    public Adam(int size) {
        this(size, 0.9, 0.999, 1e-8);
    }

    /** Adam with explicit hyper-parameters. */
    public Adam(int size, double beta1, double beta2, double eps) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0)) {
            throw new IllegalArgumentException("Adam needs 0 <= beta < 1 and eps > 0, got " + beta1 + ", " + beta2 + ", " + eps);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.m = new double[size];
        this.v = new double[size];
    }

    /**
     * One update in place.
     *
     * @param params parameters θ (updated)
     * @param grad   gradient g = dL/dθ
     * @param lr     learning rate
     */
    public void step(double[] params, double[] grad, double lr) {
        if (params.length != m.length || grad.length != m.length) {
            throw new IllegalArgumentException("Adam was built for " + m.length + " parameters, got " + params.length
                    + " parameters and " + grad.length + " gradients");
        }
        t++;
        double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
        for (int k = 0; k < params.length; k++) {
            double g = grad[k];
            m[k] = beta1 * m[k] + (1 - beta1) * g;
            v[k] = beta2 * v[k] + (1 - beta2) * g * g;
            params[k] -= lr * (m[k] / c1) / (Math.sqrt(v[k] / c2) + eps);
        }
    }

    /** @return the number of updates made. */
    public long steps() {
        return t;
    }

    /** @return a copy of the first moments. */
    public double[] firstMoment() {
        return m.clone();
    }

    /** @return a copy of the second moments. */
    public double[] secondMoment() {
        return v.clone();
    }

    /** Restores moments and step count (from a checkpoint). */
    public void restore(double[] m1, double[] m2, long steps) {
        if (m1.length != m.length || m2.length != v.length) {
            throw new IllegalArgumentException("checkpoint optimizer state has " + m1.length + " moments, the model has "
                    + m.length + " parameters: restart with the same architecture");
        }
        System.arraycopy(m1, 0, m, 0, m.length);
        System.arraycopy(m2, 0, v, 0, v.length);
        t = steps;
    }
}
