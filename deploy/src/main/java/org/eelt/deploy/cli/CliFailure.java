package org.eelt.deploy.cli;

/** A run-time failure a subcommand reports as one line (exit status 1), e.g. an MD run that exploded. */
public final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed and what to do about it */
    public CliFailure(String message) {
        super(message);
    }
}
