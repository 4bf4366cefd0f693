package org.eelt.labeler.gromacs;

import org.eelt.labeler.oracle.CalculationFailedException;

import java.nio.file.Path;

/**
 * A GROMACS command failed (non-zero exit, timeout, unreadable output). The message names the
 * command line and its working directory and quotes the relevant part of GROMACS's output: the
 * block around {@code Fatal error} (or lines mentioning an error), see {@link GromacsLogExcerpt}.
 */
public class GromacsFailureException extends CalculationFailedException {
    private static final long serialVersionUID = 1L;

    /**
     * @param reason  what failed: the command, how it ended, and in which directory
     * @param excerpt the quoted output ({@code ""} when none)
     * @param workDir the kept working directory, or null when it was removed
     */
    public GromacsFailureException(String reason, String excerpt, Path workDir) {
        super("gromacs", reason, excerpt, workDir);
    }
}
