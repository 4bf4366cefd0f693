package org.eelt.labeler.external;

import org.eelt.labeler.oracle.CalculationFailedException;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleResult;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.OracleSetupException;
import org.eelt.labeler.oracle.Property;
import org.eelt.protocol.atoms.Structure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Template of an oracle that runs an external code: each calculation gets a fresh
 * {@link WorkDirectory} under {@link OracleSettings#workRoot()}; the subclass writes the input
 * files and names the command; {@link ExternalProcess} runs it under the timeout; the subclass
 * parses the output. A non-zero exit, a timeout, an unparseable output or a non-finite number
 * becomes a {@link CalculationFailedException} quoting the output files, and the work directory is
 * kept when {@link OracleSettings#keepFailedWorkDirs()} (always when {@link OracleSettings#keepWorkDirs()}).
 */
public abstract class ExternalOracle implements Oracle {
    private final OracleSettings settings;
    private final Path executable;

    /**
     * @param settings   machine settings (work root, timeout, retention)
     * @param executable the resolved executable (see {@link Executables#resolve})
     */
    protected ExternalOracle(OracleSettings settings, Path executable) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executable = Objects.requireNonNull(executable, "executable");
    }

    /** @return the machine settings. */
    public OracleSettings oracleSettings() {
        return settings;
    }

    /** @return the executable this oracle runs. */
    public Path executable() {
        return executable;
    }

    /**
     * Rejects structures or requests this code cannot handle, before anything runs.
     *
     * @throws OracleSetupException explaining why
     */
    protected abstract void validate(Structure structure, Set<Property> properties);

    /**
     * Writes the input files and returns the command line (the first element is {@link #executable()}).
     */
    protected abstract List<String> prepare(WorkDirectory dir, Structure structure, Set<Property> properties);

    /** @return extra environment variables of the process (e.g. {@code OMP_NUM_THREADS=1}). */
    protected Map<String, String> environment() {
        return Map.of("OMP_NUM_THREADS", "1");
    }

    /**
     * Reads the results from the work directory after a successful exit.
     *
     * @throws OutputFormatException        when an output file is missing or malformed
     * @throws CalculationFailedException   when the code reports a failure (e.g. SCF not converged)
     */
    protected abstract OracleResult parse(WorkDirectory dir, Structure structure, Set<Property> properties);

    /** @return output file names quoted (their last lines) in failure messages, most telling last. */
    protected abstract String[] excerptFiles();

    @Override
    public final OracleResult calculate(Structure structure, Set<Property> properties) {
        requireImplemented(properties);
        validate(structure, properties);
        WorkDirectory dir = WorkDirectory.create(settings.workRoot(), name() + "-");
        boolean ok = false;
        try {
            List<String> command = prepare(dir, structure, properties);
            ExternalProcess.Outcome outcome;
            try {
                outcome = ExternalProcess.run(command, dir.path(), environment(), settings.timeout());
            } catch (IOException e) {
                throw new OracleSetupException("cannot start " + command.get(0) + ": " + e.getMessage()
                        + ". Check that it is an executable file", e);
            }
            if (!outcome.succeeded()) {
                throw failure(dir, outcome.describe(), null);
            }
            OracleResult r;
            try {
                r = parse(dir, structure, properties);
            } catch (OutputFormatException | UncheckedIOException e) {
                throw failure(dir, "unreadable output: " + e.getMessage(), e);
            } catch (CalculationFailedException e) {
                throw failure(dir, e.reason(), e);
            }
            ok = true;
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(dir, "interrupted (the process tree was killed)", e);
        } finally {
            boolean keep = settings.keepWorkDirs() || (!ok && settings.keepFailedWorkDirs());
            if (!keep) {
                dir.delete();
            }
        }
    }

    private CalculationFailedException failure(WorkDirectory dir, String reason, Throwable cause) {
        boolean kept = settings.keepWorkDirs() || settings.keepFailedWorkDirs();
        String[] files = excerptFiles();
        String[] withStreams = new String[files.length + 2];
        System.arraycopy(files, 0, withStreams, 0, files.length);
        withStreams[files.length] = ExternalProcess.STDERR;
        withStreams[files.length + 1] = ExternalProcess.STDOUT;
        return new CalculationFailedException(name(), reason, dir.excerpt(15, withStreams), kept ? dir.path() : null,
                cause);
    }
}
