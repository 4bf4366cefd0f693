package org.eelt.trainer.schedule;

/**
 * Loss prefactors that move from their start to their limit values as the learning rate
 * decays: p(t) = p_limit + (p_start − p_limit) · lr(t)/lr₀ (DeePMD-kit's rule).
 *
 * <p>A term is active only when both its start and limit prefactors are non-zero, as in
 * DeePMD-kit's {@code EnergyStdLoss}. Defaults: energy 0.02 → 1, force 1000 → 1, virial 0 → 0.
 */
public record LossPrefactors(double startE, double limitE, double startF, double limitF,
                             double startV, double limitV) {
    /** Validates (prefactors must be finite and ≥ 0). */
    public LossPrefactors {
        for (double v : new double[] {startE, limitE, startF, limitF, startV, limitV}) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("loss prefactors must be finite and >= 0, got " + v);
            }
        }
    }

    /** @return DeePMD-kit's defaults (e 0.02 → 1, f 1000 → 1, v 0 → 0). */
    public static LossPrefactors defaults() {
        return new LossPrefactors(0.02, 1, 1000, 1, 0, 0);
    }

    /** @return whether the energy term is active. */
    public boolean hasE() {
        return startE != 0 && limitE != 0;
    }

    /** @return whether the force term is active. */
    public boolean hasF() {
        return startF != 0 && limitF != 0;
    }

    /** @return whether the virial term is active. */
    public boolean hasV() {
        return startV != 0 && limitV != 0;
    }

    /**
     * @param lrRatio lr(t)/lr₀
     * @return {p_e, p_f, p_v} at that ratio; inactive terms are 0
     */
    public double[] at(double lrRatio) {
        return new double[] {
                hasE() ? limitE + (startE - limitE) * lrRatio : 0,
                hasF() ? limitF + (startF - limitF) * lrRatio : 0,
                hasV() ? limitV + (startV - limitV) * lrRatio : 0};
    }
}
