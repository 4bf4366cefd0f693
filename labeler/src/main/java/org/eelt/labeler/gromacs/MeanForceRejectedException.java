package org.eelt.labeler.gromacs;

import org.eelt.labeler.oracle.CalculationFailedException;

/**
 * A restrained run finished but its mean force is too uncertain to be a label: a block-averaged
 * standard error exceeds {@link GromacsSettings#errorThreshold()}. The rejected estimate is kept
 * for logging; a longer run ({@link GromacsSettings#stepsPerLabel()}) or a stiffer restraint usually helps.
 */
public class MeanForceRejectedException extends CalculationFailedException {
    private static final long serialVersionUID = 1L;
    private final transient GromacsMeanForce rejected;

    /**
     * @param reason   why, with the numbers
     * @param rejected the estimate that was rejected
     */
    public MeanForceRejectedException(String reason, GromacsMeanForce rejected) {
        super("gromacs", reason, "", null);
        this.rejected = rejected;
    }

    /** @return the estimate that was rejected. */
    public GromacsMeanForce rejected() {
        return rejected;
    }
}
