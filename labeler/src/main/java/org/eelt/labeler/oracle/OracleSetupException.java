package org.eelt.labeler.oracle;

/**
 * An oracle cannot run as configured: a bad SPEC or setting, a missing binary (the message names
 * the Debian package that provides it), a missing data or potential file, or a property the oracle
 * does not implement. Retrying does not help; the configuration must change.
 */
public class OracleSetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and how to fix it */
    public OracleSetupException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and how to fix it
     * @param cause   the underlying error
     */
    public OracleSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
