package org.eelt.labeler.external;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external program in a work directory with a wall-clock timeout, knowing nothing about
 * what the program computes. Standard input is {@code /dev/null}; standard output and error go to
 * {@code stdout.txt} and {@code stderr.txt} in the work directory. When the timeout passes, or the
 * calling thread is interrupted, the whole process tree (the process and all its descendants, e.g.
 * MPI ranks or shell children) is killed with {@link ProcessHandle#destroyForcibly()}.
 */
public final class ExternalProcess {
    /** File name of captured standard output in the work directory. */
    public static final String STDOUT = "stdout.txt";
    /** File name of captured standard error in the work directory. */
    public static final String STDERR = "stderr.txt";

    private ExternalProcess() {
    }

    /**
     * How a run ended.
     *
     * @param command   the command that ran
     * @param exitCode  the exit status (meaningless when timed out: the process was killed)
     * @param timedOut  whether the timeout killed it
     * @param elapsed   wall-clock time
     * @param stdout    captured standard output
     * @param stderr    captured standard error
     */
    public record Outcome(List<String> command, int exitCode, boolean timedOut, Duration elapsed, Path stdout,
                          Path stderr) {
        /** @return true when the program exited with status 0 before the timeout. */
        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        /** @return a one-line description of how it ended. */
        public String describe() {
            return timedOut ? "'" + command.get(0) + "' killed after the timeout of " + elapsed.toMillis() / 1000.0 + " s"
                    : "'" + command.get(0) + "' exited with status " + exitCode;
        }
    }

    /**
     * @param command     the program and its arguments
     * @param workDir     existing directory to run in (the program's current directory)
     * @param environment variables added to (or replacing those of) this JVM's environment
     * @param timeout     wall-clock limit
     * @return how it ended
     * @throws IOException          when the program cannot be started (missing or not executable)
     * @throws InterruptedException when the calling thread was interrupted (the process tree is killed first)
     */
    public static Outcome run(List<String> command, Path workDir, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        Path out = workDir.resolve(STDOUT);
        Path err = workDir.resolve(STDERR);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().putAll(environment);
        long t0 = System.nanoTime();
        Process p = pb.start();
        boolean finished;
        try {
            finished = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            killTree(p.toHandle());
            throw e;
        }
        if (!finished) {
            killTree(p.toHandle());
            p.waitFor(10, TimeUnit.SECONDS);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        return new Outcome(List.copyOf(command), finished ? p.exitValue() : -1, !finished, elapsed, out, err);
    }

    /**
     * Kills a process and all its descendants. Each process's descendants are listed before it is
     * killed (a killed parent's children are re-parented and could no longer be found through it).
     *
     * @param root the process whose tree to kill
     * @return the number of processes signalled
     */
    public static int killTree(ProcessHandle root) {
        Deque<ProcessHandle> todo = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        List<ProcessHandle> killed = new ArrayList<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            ProcessHandle h = todo.pop();
            if (!seen.add(h.pid())) {
                continue;
            }
            List<ProcessHandle> children = h.descendants().toList();
            h.destroyForcibly();
            killed.add(h);
            children.forEach(todo::push);
        }
        for (ProcessHandle h : killed) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // the kernel delivers SIGKILL asynchronously; a process that is still visible after 5 s
                // is reported by the caller's liveness checks, not here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return killed.size();
    }
}
