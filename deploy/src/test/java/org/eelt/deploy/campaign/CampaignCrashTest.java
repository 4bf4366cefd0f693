package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.eelt.store.EeltStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a campaign's JVM with SIGKILL once the first models are stored, resumes it in the same
 * run directory, and checks that no label was lost or duplicated and that the campaign completes.
 */
class CampaignCrashTest {
    @Test
    void sigkillMidCampaignThenResume(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("small.conf");
        Files.writeString(spec, CampaignTestSupport.smallCampaign(45));
        Path run = dir.resolve("run");
        Path log = dir.resolve("child.err");
        Process child = CampaignTestSupport.startRunner(dir, spec, run, "2g");
        // once the first models are stored, 3 s more to label a few candidates with the first ensemble
        CampaignTestSupport.killWhen(child, log, l -> CampaignTestSupport.generationReached(l, 1), 240, 500, 3000);
        assertTrue(!Files.exists(run.resolve("summary.json")), "the killed run wrote no summary");

        Set<String> before = CampaignTestSupport.hashes(run);
        assertTrue(before.size() >= 8, "the bootstrap labels were stored before the kill: " + before.size());
        long modelsBefore;
        try (EeltStore s = EeltStore.open(run.resolve("store"))) {
            modelsBefore = s.latestModelVersion();
        }

        Summary summary = CampaignRunner.run(new CampaignRunner.Options(null, null, run, true, System.err, 2000));
        assertTrue(Set.of("converged", "budget-exhausted").contains(summary.status()), summary.status());
        Set<String> after = CampaignTestSupport.hashes(run);
        assertTrue(after.containsAll(before), "no label lost");
        assertTrue(after.size() >= before.size());
        assertEquals((long) summary.number("labeled"), after.size(), "no label duplicated");
        assertTrue(summary.number("model_versions") >= modelsBefore, "models kept across the crash");
        assertTrue(Files.isRegularFile(run.resolve("summary.json")));
    }
}
