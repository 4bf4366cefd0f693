package org.eelt.deploy.cli;

/**
 * A failure of a service client command with its documented exit status: 2 bad input (including a
 * spec or token the server refused), 3 server unreachable, 4 campaign failed, 1 other failures.
 */
public final class ServiceCliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Exit status: bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit status: the server cannot be reached. */
    public static final int UNREACHABLE = 3;
    /** Exit status: the campaign failed. */
    public static final int CAMPAIGN_FAILED = 4;
    private final int exitCode;

    /**
     * @param exitCode the process exit status
     * @param message  what happened and what to do
     */
    public ServiceCliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** @return the process exit status */
    public int exitCode() {
        return exitCode;
    }
}
