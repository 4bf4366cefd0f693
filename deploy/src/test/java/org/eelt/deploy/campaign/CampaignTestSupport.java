package org.eelt.deploy.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eelt.store.EeltStore;
import org.eelt.store.StoredLabel;

/** A small, fast Cu campaign for end-to-end tests, and store checks. */
final class CampaignTestSupport {
    private CampaignTestSupport() {
    }

    /** @return a campaign of about {@code wallS} seconds: 32-atom Cu, ensemble of 2, Sutton–Chen labels. */
    static String smallCampaign(double wallS) {
        return SmallCuCampaign.named("cu-small-test").seed(3).strains(-0.02, 0.02)
                .chunks(40, 5).failedBatchesRestart(1).stage(new double[] {300, 600}, 2, 100000)
                .examination(0.10, 0.50, 6)
                .labeling("sutton-chen:", 1).timeoutS(30)
                .model(5.0, 4, 16, 16).firstRoundSteps(1500).rounds(600, 4)
                .initialData(8, 0.02)
                .accuracy(0.97, 200).budget(200, wallS)
                .test(new double[] {300, 600}, 4).testSpacing(100, 25)
                .hocon();
    }

    /** @return the content hashes of all labels; fails when a hash occurs twice. */
    static Set<String> hashes(Path runDir) {
        try (EeltStore s = EeltStore.open(runDir.resolve("store"))) {
            Set<String> out = new HashSet<>();
            List<StoredLabel> all = s.iterate().stream().toList();
            for (StoredLabel l : all) {
                if (!out.add(l.hash().hex())) {
                    throw new AssertionError("label " + l.hash() + " stored twice");
                }
                // stored hash is the hash of the structure and oracle settings: the store recomputes it
                if (!s.hashOf(l.label()).equals(l.hash())) {
                    throw new AssertionError("label " + l.sequence() + " is stored under a wrong hash");
                }
            }
            if (out.size() != s.count()) {
                throw new AssertionError(out.size() + " distinct labels but count " + s.count());
            }
            return out;
        }
    }

    /**
     * Starts {@link CampaignRunner} on {@code spec} in a child JVM (this test JVM's class path,
     * OMP_NUM_THREADS=1), stderr to {@code dir/child.err}, stdout to {@code dir/child.out}, so that
     * a test can SIGKILL it mid-campaign and resume in the same run directory.
     *
     * @param heap the child's -Xmx value, e.g. {@code "1g"}
     */
    static Process startRunner(Path dir, Path spec, Path run, String heap) throws java.io.IOException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path"), CampaignRunner.class.getName(), spec.toString(),
                run.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("child.err").toFile())
                .redirectOutput(dir.resolve("child.out").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    /** A condition on the child's stderr log. */
    @FunctionalInterface
    interface LogCheck {
        boolean holds(Path log) throws java.io.IOException;
    }

    /** @return whether the log exists and a line contains {@code text} */
    static boolean logged(Path log, String text) throws java.io.IOException {
        return Files.exists(log) && Files.readAllLines(log).stream().anyMatch(l -> l.contains(text));
    }

    private static final java.util.regex.Pattern GENERATION = java.util.regex.Pattern.compile("\\(gen (\\d+)\\)");

    /**
     * @return whether a progress line of the log shows model generation {@code gen} or later. The
     *         progress line is printed once a second, so a fast run can skip a generation between two
     *         lines: a test must not wait for one exact number.
     */
    static boolean generationReached(Path log, int gen) throws java.io.IOException {
        if (!Files.exists(log)) {
            return false;
        }
        for (String l : Files.readAllLines(log)) {
            java.util.regex.Matcher m = GENERATION.matcher(l);
            if (m.find() && Integer.parseInt(m.group(1)) >= gen) {
                return true;
            }
        }
        return false;
    }

    /** @return the last 30 lines of the log ("" when it does not exist) */
    static String tail(Path log) throws java.io.IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /**
     * Polls the child's log every {@code pollMs} until {@code ready} holds (at most {@code timeoutS}),
     * asserts the child is still alive, waits {@code graceMs} more, kills it with SIGKILL and asserts
     * that it died of it (exit status 137).
     */
    static void killWhen(Process child, Path log, LogCheck ready, long timeoutS, long pollMs, long graceMs)
            throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(timeoutS);
        while (System.nanoTime() < deadline && child.isAlive() && !ready.holds(log)) {
            Thread.sleep(pollMs);
        }
        org.junit.jupiter.api.Assertions.assertTrue(child.isAlive(),
                "the child ran to the end before it could be killed: " + tail(log));
        Thread.sleep(graceMs);
        child.destroyForcibly(); // SIGKILL on Linux
        org.junit.jupiter.api.Assertions.assertTrue(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        org.junit.jupiter.api.Assertions.assertEquals(137, child.exitValue(), "killed by SIGKILL");
    }
}
