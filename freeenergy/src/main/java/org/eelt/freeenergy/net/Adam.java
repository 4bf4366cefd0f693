package org.eelt.freeenergy.net;

/**
 * Adam over a flat parameter vector (β₁ = 0.9, β₂ = 0.999, ε = 1e-8, as DeePMD-kit and the trainer
 * module): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − lr·(m/(1−β₁ᵗ))/(√(v/(1−β₂ᵗ)) + ε).
 * Not thread-safe; one per trained net.
 */
public final class Adam {
    private static final double B1 = 0.9;
    private static final double B2 = 0.999;
    private static final double EPS = 1e-8;
    private final double[] m;
    private final double[] v;
    private long t;

    /** @param size number of parameters */
    public Adam(int size) {
        m = new double[size];
        v = new double[size];
    }

    /** One update of {@code params} in place with gradient {@code grad} and learning rate {@code lr}. */
    public void step(double[] params, double[] grad, double lr) {
        t++;
        double c1 = 1 - Math.pow(B1, t), c2 = 1 - Math.pow(B2, t);
        for (int k = 0; k < params.length; k++) {
            double g = grad[k];
            m[k] = B1 * m[k] + (1 - B1) * g;
            v[k] = B2 * v[k] + (1 - B2) * g * g;
            params[k] -= lr * (m[k] / c1) / (Math.sqrt(v[k] / c2) + EPS);
        }
    }
}
