package org.eelt.examiner.selection;

/**
 * Force trust levels (DP-GEN's {@code model_devi_f_trust_lo/hi}), eV/Å: a frame whose max force
 * deviation ε is below {@code lo} is accurate, in [lo, hi) a candidate, ≥ hi failed.
 *
 * @param lo lower trust level, eV/Å (&gt; 0)
 * @param hi upper trust level, eV/Å (&gt; lo)
 */
public record TrustLevels(double lo, double hi) {
    /** Validates 0 &lt; lo &lt; hi. */
    public TrustLevels {
        if (!(lo > 0) || !(hi > lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("trust levels need 0 < trust-lo < trust-hi (eV/Å), got lo " + lo + ", hi " + hi);
        }
    }

    /** The class of a frame. */
    public enum Verdict {
        /** ε &lt; lo: the ensemble agrees; no label needed. */
        ACCURATE,
        /** lo ≤ ε &lt; hi: worth labeling. */
        CANDIDATE,
        /** ε ≥ hi (or not finite): unphysical or far outside the data. */
        FAILED
    }

    /** @return the verdict for deviation ε (eV/Å) with lower level {@code lowEff}. */
    public Verdict classify(double deviation, double lowEff) {
        if (!Double.isFinite(deviation) || deviation >= hi) {
            return Verdict.FAILED;
        }
        return deviation < lowEff ? Verdict.ACCURATE : Verdict.CANDIDATE;
    }

    /** @return the verdict with the configured lower level. */
    public Verdict classify(double deviation) {
        return classify(deviation, lo);
    }
}
