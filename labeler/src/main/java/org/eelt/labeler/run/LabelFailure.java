package org.eelt.labeler.run;

import java.util.Objects;

/**
 * Why one frame could not be labeled.
 *
 * @param index     the frame's position in the input list (0-based)
 * @param oracle    the oracle's name
 * @param errorType the exception's simple class name ({@code CalculationFailedException}, …)
 * @param message   the full message (with the output excerpt and kept work directory of external codes)
 */
public record LabelFailure(int index, String oracle, String errorType, String message) {
    /** Validates that no field is null. */
    public LabelFailure {
        Objects.requireNonNull(oracle, "oracle");
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(message, "message");
    }

    /** @return a one-line summary: frame, oracle, error type and the message's first line. */
    public String summary() {
        int nl = message.indexOf('\n');
        return "frame " + index + ": " + oracle + " " + errorType + ": " + (nl < 0 ? message : message.substring(0, nl));
    }
}
