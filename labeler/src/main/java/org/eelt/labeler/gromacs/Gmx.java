package org.eelt.labeler.gromacs;

import org.eelt.labeler.external.Executables;
import org.eelt.labeler.external.ExternalProcess;
import org.eelt.labeler.external.WorkDirectory;
import org.eelt.labeler.oracle.OracleSetupException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code gmx} subcommands in a directory, one process each, under a timeout, with one OpenMP
 * thread and GROMACS's file backups off. Each command's standard output and error are kept as
 * {@code <tag>.stdout.txt} / {@code <tag>.stderr.txt}. A failed command becomes a
 * {@link GromacsFailureException} naming the command line and directory and quoting
 * {@link GromacsLogExcerpt#relevant} of its output (and of {@code <tag>.log} when mdrun wrote one).
 */
public final class Gmx {
    private static final Map<String, String> ENV = Map.of("OMP_NUM_THREADS", "1", "GMX_MAXBACKUP", "-1");
    private final Path executable;
    private final Duration timeout;

    /**
     * @param executable the resolved {@code gmx} executable
     * @param timeout    wall-clock limit of one command
     */
    public Gmx(Path executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /**
     * @param configured the configured binary (name on PATH or path); a thread-MPI build such as Debian's
     *                   {@code gmx} (mixed) or {@code gmx_d} (double precision), since mdrun gets {@code -nt}
     * @param timeout    wall-clock limit of one command
     * @return a runner of the found executable
     * @throws OracleSetupException when {@code gmx} is missing, saying to {@code apt-get install gromacs}
     */
    public static Gmx locate(String configured, Duration timeout) {
        return new Gmx(Executables.resolve(configured, "gromacs", GromacsSettings.PREFIX + "binary"), timeout);
    }

    /** @return the executable. */
    public Path executable() {
        return executable;
    }

    /**
     * Runs {@code gmx --version} in {@code dir}.
     *
     * @param dir an existing directory
     * @return the version, e.g. {@code GROMACS 2022.5-Debian_2022.5_2 (mixed precision)}
     */
    public String version(Path dir) {
        run(dir, "version", "--version");
        String v = null;
        String precision = null;
        for (String line : read(dir.resolve("version.stdout.txt"))) {
            if (line.startsWith("GROMACS version:")) {
                v = line.substring("GROMACS version:".length()).strip();
            } else if (line.startsWith("Precision:")) {
                precision = line.substring("Precision:".length()).strip();
            }
        }
        if (v == null) {
            throw new GromacsFailureException("'" + executable + " --version' printed no 'GROMACS version:' line in "
                    + dir, GromacsLogExcerpt.relevant(read(dir.resolve("version.stdout.txt"))), dir);
        }
        return "GROMACS " + v + (precision == null ? "" : " (" + precision + " precision)");
    }

    /**
     * Runs {@code gmx <args>} in {@code dir}.
     *
     * @param dir  the working directory
     * @param tag  name of the captured output files ({@code tag.stdout.txt}, {@code tag.stderr.txt})
     * @param args the subcommand and its arguments
     * @throws GromacsFailureException when it exits non-zero or times out (the directory is named, not removed)
     * @throws OracleSetupException    when the executable cannot be started
     */
    public void run(Path dir, String tag, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        ExternalProcess.Outcome outcome;
        try {
            outcome = ExternalProcess.run(command, dir, ENV, timeout);
        } catch (IOException e) {
            throw new OracleSetupException("cannot start " + executable + ": " + e.getMessage()
                    + ". Install the Debian package 'gromacs' (apt-get install gromacs) or set "
                    + GromacsSettings.PREFIX + "binary", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GromacsFailureException("interrupted while running '" + String.join(" ", command) + "' in "
                    + dir + " (the process tree was killed)", "", dir);
        }
        Path out = move(dir.resolve(ExternalProcess.STDOUT), dir.resolve(tag + ".stdout.txt"));
        Path err = move(dir.resolve(ExternalProcess.STDERR), dir.resolve(tag + ".stderr.txt"));
        if (!outcome.succeeded()) {
            List<String> lines = new ArrayList<>(read(err));
            lines.addAll(read(out));
            String excerpt = GromacsLogExcerpt.relevant(lines);
            Path log = dir.resolve(tag + ".log");
            if (!excerpt.contains("Fatal error") && Files.isRegularFile(log)) {
                excerpt += "[" + log.getFileName() + "]\n" + GromacsLogExcerpt.relevant(read(log));
            }
            throw new GromacsFailureException(outcome.describe() + ": '" + String.join(" ", command)
                    + "' in " + dir, excerpt, dir);
        }
    }

    /** @return the lines of a text file, or none when it does not exist. */
    static List<String> read(Path p) {
        return WorkDirectory.linesOf(p);
    }

    private static Path move(Path from, Path to) {
        try {
            return Files.exists(from) ? Files.move(from, to, StandardCopyOption.REPLACE_EXISTING) : to;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + from + " to " + to, e);
        }
    }
}
