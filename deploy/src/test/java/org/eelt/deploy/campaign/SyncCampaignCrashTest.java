package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.eelt.examiner.agent.Examiner;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.spec.Oracles;
import org.eelt.store.EeltStore;
import org.eelt.store.StoredLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a synchronous ({@code mode = sync}) campaign's JVM with SIGKILL while an iteration is
 * labeling its selection, resumes it in the same run directory, and checks that it continued at that
 * barrier: the rest of the stored selection is labeled without exploring that iteration again, no
 * label is lost or duplicated, every member's model generations stay consecutive, and the campaign
 * completes.
 */
class SyncCampaignCrashTest {
    private static final Pattern LABELING = Pattern.compile("sync iteration (\\d+) LABEL: [1-9]");

    static String campaign() {
        // simulated oracle latency (declared): labeling one selection takes several seconds, so the kill lands in it
        return SmallCuCampaign.named("cu-sync-crash").mode("sync").seed(5).strains(-0.02, 0.02)
                .chunks(40, 5).failedBatchesRestart(1).stage(new double[] {300, 600}, 2, 800)
                .examination(0.10, 0.50, 4)
                .labeling("sutton-chen:", 1).timeoutS(30).simulatedLatency(2.0, 0.2)
                .model(5.0, 4, 16, 16).firstRoundSteps(800).rounds(300, 4)
                .initialData(4, 0.02)
                .accuracy(0.999, 200).budget(100, 300)
                .test(new double[] {300}, 2).testSpacing(50, 10)
                .hocon();
    }

    @Test
    void sigkillWhileLabelingThenResumeAtTheLabelBarrier(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("sync.conf");
        Files.writeString(spec, campaign());
        Path run = dir.resolve("run");
        Path log = dir.resolve("child.err");
        Process child = CampaignTestSupport.startRunner(dir, spec, run, "1g");
        CampaignTestSupport.killWhen(child, log, SyncCampaignCrashTest::labeling, 240, 100, 0);
        assertFalse(Files.exists(run.resolve("summary.json")), "the killed run wrote no summary");

        String settings = Oracles.create("sutton-chen:", OracleSettings.defaults()).settings();
        Set<String> before = CampaignTestSupport.hashes(run);
        long iteration;
        Set<String> selection = new HashSet<>();
        Set<String> rest = new HashSet<>();
        Map<Integer, Long> generationsBefore;
        try (EeltStore s = EeltStore.open(run.resolve("store"))) {
            assertEquals("LABEL", s.getString("sync/phase").orElse(""), "killed while labeling");
            iteration = Long.parseLong(s.getString("sync/iteration").orElseThrow());
            assertTrue(iteration >= 1);
            for (Examiner.Candidate c : SyncSelection.decode(s.getString(SyncProgress.SELECTION_KEY).orElse(""))) {
                String h = s.hashOf(c.atoms().toStructure(), settings).hex();
                selection.add(h);
                if (!before.contains(h)) {
                    rest.add(h);
                }
            }
            generationsBefore = generations(s);
        }
        assertFalse(rest.isEmpty(), "the kill left candidates of the selection to label (selection " + selection.size()
                + ", all labeled before the kill)");

        Summary summary = CampaignRunner.run(new CampaignRunner.Options(null, null, run, true, System.err, 1000));
        assertTrue(Set.of("converged", "budget-exhausted").contains(summary.status()), summary.status());
        Set<String> after = CampaignTestSupport.hashes(run);
        assertTrue(after.containsAll(before), "no label lost");
        assertEquals((long) summary.number("labeled"), after.size(), "no label duplicated");
        String prefix = "walker=sync-i" + iteration + "-";
        try (EeltStore s = EeltStore.open(run.resolve("store"))) {
            for (String h : rest) {
                assertTrue(after.contains(h) || s.getString(DatasetRecorder.QUARANTINE_PREFIX + h).isPresent(),
                        "candidate " + h + " of the stored selection was labeled after the resume");
            }
            for (StoredLabel l : s.iterate().stream().toList()) {
                String h = l.hash().hex();
                String meta = s.getString("label-meta/" + h).orElse("");
                if (!before.contains(h) && meta.contains(prefix)) {
                    assertTrue(selection.contains(h), "iteration " + iteration + " was not explored again: " + meta);
                }
            }
            Map<Integer, Long> generationsAfter = generations(s);
            for (var e : generationsBefore.entrySet()) {
                assertTrue(generationsAfter.get(e.getKey()) >= e.getValue(), "member " + e.getKey() + " kept its models");
            }
            assertEquals("DONE", s.getString("sync/phase").orElse(""));
            assertTrue(Long.parseLong(s.getString("sync/iteration").orElseThrow()) >= iteration);
        }
        assertTrue(Files.isRegularFile(run.resolve("summary.json")));
    }

    private static boolean labeling(Path log) throws java.io.IOException {
        if (!Files.exists(log)) {
            return false;
        }
        for (String line : Files.readAllLines(log)) {
            var m = LABELING.matcher(line);
            if (m.find() && Long.parseLong(m.group(1)) >= 1) {
                return true;
            }
        }
        return false;
    }

    /** @return the newest generation of each member; fails when a member stored a generation twice or skipped one */
    private static Map<Integer, Long> generations(EeltStore s) {
        Map<Integer, List<Long>> gens = new HashMap<>();
        for (long v : s.modelVersions()) {
            Map<String, String> a = s.model(v).orElseThrow().metadata().attributes();
            gens.computeIfAbsent(Integer.parseInt(a.get("member")), k -> new ArrayList<>())
                    .add(Long.parseLong(a.get("generation")));
        }
        Map<Integer, Long> out = new HashMap<>();
        gens.forEach((m, g) -> {
            for (int i = 0; i < g.size(); i++) {
                assertEquals(i + 1, g.get(i), "member " + m + " generations " + g + " are consecutive");
            }
            out.put(m, (long) g.size());
        });
        return out;
    }
}
