package org.eelt.deploy.service;

/** A refused campaign submission (HTTP 400); the message names the key path and the fix. */
public final class SubmissionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, where, and how to fix it */
    public SubmissionException(String message) {
        super(message);
    }
}
