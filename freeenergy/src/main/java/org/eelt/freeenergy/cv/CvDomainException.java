package org.eelt.freeenergy.cv;

/** A restraint center (or another requested CV value) lies outside the CV's domain. */
public final class CvDomainException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message the CV, the value and the domain */
    public CvDomainException(String message) {
        super(message);
    }
}
