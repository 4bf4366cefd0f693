package org.eelt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM inserts labels and is killed with SIGKILL mid-stream; on reopen every label it
 * acknowledged is present with its sequence, nothing is duplicated, and at most the one
 * unacknowledged in-flight insert is extra. Done twice on the same store (kill, resume, kill).
 */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    record Acked(int index, long sequence, ContentHash hash) {
    }

    @Test
    void everyAcknowledgedLabelSurvivesSigkill() throws Exception {
        List<Acked> acked = new ArrayList<>();
        acked.addAll(runAndKill(0, 150, true));
        check(acked);
        acked.addAll(runAndKill(acked.get(acked.size() - 1).index() + 1, 150, true));
        check(acked);
        // a resumed writer re-sending acknowledged labels gets AlreadyPresent, never a duplicate
        try (EeltStore store = EeltStore.open(dir)) {
            long before = store.count();
            for (int k = 0; k < acked.size(); k += 17) {
                InsertResult r = store.putLabeled(TestData.water(acked.get(k).index()));
                assertFalse(r.inserted());
                assertEquals(acked.get(k).sequence(), r.sequence());
            }
            assertEquals(before, store.count());
        }
    }

    /**
     * Without fsync an acknowledged write is in the OS page cache, which a killed process does not
     * lose (only a power loss or kernel crash would): SIGKILL keeps every acked label here too.
     */
    @Test
    void withoutSyncAcknowledgedLabelsStillSurviveAProcessKill() throws Exception {
        List<Acked> acked = runAndKill(0, 200, false);
        check(acked);
    }

    private void check(List<Acked> acked) {
        try (EeltStore store = EeltStore.open(dir)) {
            long count = store.count();
            assertTrue(count == acked.size() || count == acked.size() + 1,
                    "count " + count + " vs " + acked.size() + " acknowledged (at most one in flight)");
            for (Acked a : acked) {
                StoredLabel s = store.get(a.hash()).orElseThrow(() -> new AssertionError("acked label lost: " + a));
                assertEquals(a.sequence(), s.sequence());
                assertEquals(TestData.water(a.index()).frame(), s.label().frame());
            }
            Set<ContentHash> seen = new HashSet<>();
            store.iterate().forEachRemaining(s -> assertTrue(seen.add(s.hash()), "duplicate " + s.hash()));
            assertEquals(count, seen.size());
        }
    }

    private List<Acked> runAndKill(int start, int killAfter, boolean sync) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                KillTestWriter.class.getName(), dir.toString(), Integer.toString(start), Boolean.toString(sync));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        List<Acked> acked = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("acked ")) {
                    String[] t = line.split(" ");
                    acked.add(new Acked(Integer.parseInt(t[1]), Long.parseLong(t[2]), ContentHash.ofHex(t[3])));
                    if (acked.size() == killAfter && p.isAlive()) {
                        // SIGKILL via the ProcessHandle: unlike Process.destroyForcibly it leaves the pipe
                        // open, so lines the child printed before dying are still read (they were acked)
                        p.toHandle().destroyForcibly();
                    }
                }
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new AssertionError("child did not ack " + killAfter + " labels in 60 s (got " + acked.size() + ")");
                }
            }
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        assertTrue(acked.size() >= killAfter);
        return acked;
    }
}
