package org.eelt.potential.dp;

/**
 * Activation functions of DeePMD-kit networks that this package evaluates. The derivative is
 * expressed through the activation's output t = φ(z), which is what the backward pass keeps.
 */
public enum Activation {
    /** φ(z) = tanh z, φ'(z) = 1 − t². */
    TANH("tanh"),
    /** φ(z) = z (DeePMD-kit's {@code "none"} / {@code "linear"}), φ' = 1. */
    LINEAR("none");

    private final String deepmdName;

    Activation(String deepmdName) {
        this.deepmdName = deepmdName;
    }

    /** @return the name DeePMD-kit writes in {@code activation_function}. */
    public String deepmdName() {
        return deepmdName;
    }

    /** @return φ(z); tanh is evaluated by {@link #tanh(double)}. */
    public double apply(double z) {
        return this == TANH ? tanh(z) : z;
    }

    /**
     * tanh z = sign(z)·(1 − 2/(e^{2|z|} + 1)): about 2.5× faster than {@link Math#tanh} on the
     * development machine (Math.exp is a JIT intrinsic, Math.tanh is not), with absolute error
     * at most 2.3e-16 (one ulp of 1) over the whole line, measured against Math.tanh.
     */
    public static double tanh(double z) {
        double t = 1.0 - 2.0 / (Math.exp(2.0 * Math.abs(z)) + 1.0);
        return z < 0 ? -t : t;
    }

    /** @return φ'(z) expressed through the output t = φ(z). */
    public double derivativeFromOutput(double t) {
        return this == TANH ? 1.0 - t * t : 1.0;
    }

    /** @return φ''(z) expressed through t = φ(z): for tanh −2t(1 − t²). */
    public double secondDerivativeFromOutput(double t) {
        return this == TANH ? -2.0 * t * (1.0 - t * t) : 0.0;
    }

    /**
     * @param name DeePMD-kit's {@code activation_function} value (case-insensitive)
     * @return the activation, or null when this package does not implement it
     */
    public static Activation fromDeepmdName(String name) {
        if (name == null) {
            return LINEAR;
        }
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "tanh" -> TANH;
            case "none", "linear" -> LINEAR;
            default -> null;
        };
    }
}
