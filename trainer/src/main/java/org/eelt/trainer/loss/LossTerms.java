package org.eelt.trainer.loss;

/**
 * Loss value and DeePMD-kit's per-term errors accumulated over a batch of frames.
 *
 * @param loss      L averaged over the batch
 * @param sqErrE    mean over frames of (ΔE/N)², eV²/atom² (rmse_e = √)
 * @param sqErrF    mean over frames of mean(ΔF²), (eV/Å)² (rmse_f = √)
 * @param sqErrV    mean over frames of mean(ΔΞ²)/N², eV²/atom² (rmse_v = √), NaN without virial labels
 * @param frames    number of frames
 */
public record LossTerms(double loss, double sqErrE, double sqErrF, double sqErrV, int frames) {
    /** @return rmse_e per atom, eV. */
    public double rmseE() {
        return Math.sqrt(sqErrE);
    }

    /** @return rmse_f, eV/Å. */
    public double rmseF() {
        return Math.sqrt(sqErrF);
    }

    /** @return rmse_v per atom, eV (NaN when no virial labels). */
    public double rmseV() {
        return Math.sqrt(sqErrV);
    }

    /** @return the total rmse √L as DeePMD-kit's lcurve reports it. */
    public double rmse() {
        return Math.sqrt(loss);
    }
}
