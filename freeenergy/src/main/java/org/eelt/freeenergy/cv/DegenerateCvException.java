package org.eelt.freeenergy.cv;

/**
 * A collective variable or its gradient is undefined at the given geometry, e.g. a dihedral whose
 * first or last three atoms are collinear, an angle of exactly 0 or π, or a zero distance. A
 * restrained-MD labeler catches it, logs a warning and skips that label.
 */
public final class DegenerateCvException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is degenerate, with the CV and the atoms */
    public DegenerateCvException(String message) {
        super(message);
    }
}
