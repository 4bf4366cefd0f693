package org.eelt.labeler.oracle;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One calculation failed: the external code exited with a non-zero status or ran past its
 * timeout, its output could not be parsed, or a result was not finite. The message quotes an
 * excerpt of the output and says where the work directory is kept, so that a user can look at
 * the full files. Another structure, or a retry with other settings, may succeed.
 */
public class CalculationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String oracle;
    private final String reason;
    private final String excerpt;
    private final transient Path workDir;

    /**
     * @param oracle  the oracle's name
     * @param reason  what went wrong
     * @param excerpt an excerpt of the output that shows it ({@code ""} when none)
     * @param workDir where the work directory is kept, or null when it was removed or none was used
     */
    public CalculationFailedException(String oracle, String reason, String excerpt, Path workDir) {
        this(oracle, reason, excerpt, workDir, null);
    }

    /**
     * @param oracle  the oracle's name
     * @param reason  what went wrong
     * @param excerpt an excerpt of the output that shows it ({@code ""} when none)
     * @param workDir where the work directory is kept, or null when it was removed or none was used
     * @param cause   the underlying error, or null
     */
    public CalculationFailedException(String oracle, String reason, String excerpt, Path workDir, Throwable cause) {
        super(format(oracle, reason, excerpt, workDir), cause);
        this.oracle = oracle;
        this.reason = reason;
        this.excerpt = excerpt == null ? "" : excerpt;
        this.workDir = workDir;
    }

    private static String format(String oracle, String reason, String excerpt, Path workDir) {
        StringBuilder sb = new StringBuilder(oracle).append(" calculation failed: ").append(reason);
        if (excerpt != null && !excerpt.isBlank()) {
            sb.append("\n--- output excerpt ---\n").append(excerpt.stripTrailing()).append("\n--- end of excerpt ---");
        }
        sb.append(workDir != null ? "\nwork directory kept at " + workDir
                : "\nno work directory kept (set keepFailedWorkDirs to keep it)");
        return sb.toString();
    }

    /** @return the oracle's name. */
    public String oracle() {
        return oracle;
    }

    /** @return what went wrong, without the excerpt. */
    public String reason() {
        return reason;
    }

    /** @return the quoted output excerpt ({@code ""} when none). */
    public String excerpt() {
        return excerpt;
    }

    /** @return the kept work directory, if any. */
    public Optional<Path> workDir() {
        return Optional.ofNullable(workDir);
    }
}
