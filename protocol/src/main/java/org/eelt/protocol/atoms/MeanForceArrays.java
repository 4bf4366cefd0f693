package org.eelt.protocol.atoms;

/**
 * The check shared by every form of a mean-force label (the free-energy module's message and the
 * store's record): d restraint-center values s0 (CV units: Å, rad or 1), d mean-force components
 * f = −∂A/∂s (energy per CV unit) and d standard errors of f (same unit, ≥ 0, 0 when not estimated).
 */
public final class MeanForceArrays {
    private MeanForceArrays() {
    }

    /**
     * @param s0        restraint center, d values
     * @param meanForce f, d values
     * @param stdErr    standard errors of f, d values
     * @throws IllegalArgumentException when the lengths differ or are 0, a value is not finite or an
     *                                  error is negative (the message names the component)
     */
    public static void validate(double[] s0, double[] meanForce, double[] stdErr) {
        if (s0.length == 0 || meanForce.length != s0.length || stdErr.length != s0.length) {
            throw new IllegalArgumentException("a mean-force label needs s0, meanForce and stdErr of one equal length"
                    + " d >= 1, got " + s0.length + ", " + meanForce.length + ", " + stdErr.length);
        }
        for (int q = 0; q < s0.length; q++) {
            if (!Double.isFinite(s0[q]) || !Double.isFinite(meanForce[q]) || !(stdErr[q] >= 0)
                    || !Double.isFinite(stdErr[q])) {
                throw new IllegalArgumentException("mean-force label component " + q + " is invalid: s0=" + s0[q]
                        + ", f=" + meanForce[q] + ", stdErr=" + stdErr[q] + " (need finite values and stdErr >= 0)");
            }
        }
    }
}
