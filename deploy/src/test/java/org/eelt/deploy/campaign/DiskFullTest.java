package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eelt.protocol.atoms.CodeVersion;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.protocol.atoms.Provenance;
import org.eelt.protocol.atoms.Structure;
import org.eelt.store.EeltStore;
import org.eelt.store.InsertResult;
import org.eelt.store.StoreException;
import org.eelt.store.StoredLabel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk full and read-only stores, on a real small tmpfs (mounted by the test; skipped where mounting
 * is not permitted, except the read-only-open part): a clear error naming the store and the fix, a
 * clean stop of the campaign (status failed with the reason), and no corruption: after freeing
 * space every acknowledged label is read back intact and the campaign resumes.
 */
class DiskFullTest {
    @TempDir
    Path tmp;

    private final List<Path> mounts = new ArrayList<>();

    private boolean mountTmpfs(Path dir, String size) throws Exception {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        boolean ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        if (ok) {
            mounts.add(dir);
        }
        return ok;
    }

    @AfterEach
    void unmount() throws Exception {
        for (Path m : mounts) {
            new ProcessBuilder("umount", "-l", m.toString()).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static LabeledFrame label(int i) {
        Structure s = org.eelt.explorer.build.Bulk.fcc("Cu", 3.615, 2);
        double[] pos = s.positions();
        pos[0] += 1e-3 * i;
        Structure moved = new Structure(s.species(), pos, s.cell());
        double[] f = new double[3 * moved.size()];
        f[0] = i;
        return new LabeledFrame(new Frame(moved, -100.0 + i, f, null, null),
                new Provenance("sutton-chen", "sutton-chen:test", "generation-0", 0, CodeVersion.get(), 0));
    }

    /** Fills a file system up to its last bytes. */
    private static Path fill(Path dir) throws IOException {
        Path filler = dir.resolve("filler.bin");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
        return filler;
    }

    @Test
    void storeOnAFullDiskFailsClearlyAndKeepsAcknowledgedLabels() throws Exception {
        Path fs = tmp.resolve("fs");
        Assumptions.assumeTrue(mountTmpfs(fs, "16m"), "mounting a tmpfs needs privileges (CAP_SYS_ADMIN)");
        Path dir = fs.resolve("store");
        Set<String> acked = new HashSet<>();
        StoreException failure = null;
        try (EeltStore s = EeltStore.open(dir)) {
            for (int i = 0; i < 20; i++) {
                acked.add(s.putLabeled(label(i)).hash().hex());
            }
            Path filler = fill(fs);
            try {
                for (int i = 20; i < 100_000 && failure == null; i++) {
                    try {
                        InsertResult r = s.putLabeled(label(i));
                        acked.add(r.hash().hex()); // returned: acknowledged
                    } catch (StoreException e) {
                        failure = e;
                    }
                }
            } finally {
                Files.delete(filler); // free the space again before the store is closed
            }
        } catch (StoreException closeError) {
            // closing after a write error may report the same I/O error; the data check below decides
            assertTrue(closeError.getMessage().contains(dir.toString()), closeError.getMessage());
        }
        assertTrue(failure != null, "a write failed on the full disk");
        assertTrue(failure.getMessage().contains(dir.toString()), "names the store: " + failure.getMessage());
        assertTrue(failure.getMessage().contains("No space left on device"), "names the cause: " + failure.getMessage());
        try (EeltStore s = EeltStore.openReadOnly(dir)) {
            assertAllPresentAndIntact(s, acked);
        }
        try (EeltStore s = EeltStore.open(dir)) {
            assertAllPresentAndIntact(s, acked);
            s.putLabeled(label(999_999)); // writable again once space is free
        }
    }

    private static void assertAllPresentAndIntact(EeltStore s, Set<String> acked) {
        Set<String> stored = new HashSet<>();
        for (StoredLabel l : s.iterate().stream().toList()) {
            assertTrue(stored.add(l.hash().hex()), "no label twice");
            assertEquals(l.hash(), s.hashOf(l.label()), "label " + l.sequence() + " intact under its hash");
        }
        assertTrue(stored.containsAll(acked), "every acknowledged label is present: " + acked.size() + " acked, "
                + stored.size() + " stored");
    }

    @Test
    void readOnlyOpenRefusesWritesWithAClearError() throws Exception {
        Path dir = tmp.resolve("ro-store");
        try (EeltStore s = EeltStore.open(dir)) {
            s.putLabeled(label(1));
        }
        try (EeltStore s = EeltStore.openReadOnly(dir)) {
            StoreException e = assertThrows(StoreException.class, () -> s.putLabeled(label(2)));
            assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("read-only"), e.getMessage());
            assertEquals(1, s.count());
        }
    }

    @Test
    void campaignStopsCleanlyOnAFullDiskAndResumes() throws Exception {
        Path fs = tmp.resolve("campaign-fs");
        Assumptions.assumeTrue(mountTmpfs(fs, "48m"), "mounting a tmpfs needs privileges (CAP_SYS_ADMIN)");
        Path run = fs.resolve("run");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(progress, true, StandardCharsets.UTF_8);
        CompletableFuture<Summary> f = CompletableFuture.supplyAsync(() -> {
            try {
                return CampaignRunner.run(new CampaignRunner.Options(CampaignTestSupport.smallCampaign(90), tmp, run,
                        false, ps, 1000));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!progress.toString(StandardCharsets.UTF_8).contains("(gen 1)") && System.nanoTime() < deadline
                && !f.isDone()) {
            Thread.sleep(200);
        }
        assertFalse(f.isDone(), "the campaign was still running when the disk filled up");
        Path filler = fill(fs);
        Summary s = f.get(180, TimeUnit.SECONDS);
        assertEquals("failed", s.status(), String.valueOf(s.fields()));
        String reason = String.valueOf(s.fields().get("reason"));
        assertTrue(reason.contains(run.resolve("store").toString()), "names the store: " + reason);
        assertTrue(reason.contains("--resume"), "says how to continue: " + reason);
        Files.delete(filler);
        Set<String> before = CampaignTestSupport.hashes(run); // no duplicates, every hash recomputes
        assertTrue(before.size() >= 8, "the labels stored before the disk filled are there: " + before.size());
        Summary resumed = CampaignRunner.run(new CampaignRunner.Options(null, null, run, true, ps, 1000));
        assertTrue(Set.of("converged", "budget-exhausted").contains(resumed.status()), resumed.status());
        Set<String> after = CampaignTestSupport.hashes(run);
        assertTrue(after.containsAll(before), "no label lost across the failure and resume");
    }
}
