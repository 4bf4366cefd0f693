package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.eelt.store.EeltStore;
import org.eelt.store.FailureRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real asynchronous campaign whose Sutton–Chen oracle fails 20% of its calls (exit ≠ 0, process
 * timeout, NaN force, garbage output, hang past the labeler timeout): it still completes (50 s
 * budget; learning to convergence takes longer, see docs/RELIABILITY.md), keeps labeling and retraining, every failed attempt is recorded in the store with its reason, and the candidates given
 * up are reported as quarantined.
 */
class FaultyOracleCampaignTest {
    static final String FAULTY = "faulty:rate=0.2,seed=1,kinds=exit|timeout|nan|garbage|hang,timeout-s=0.4,hang-s=3"
            + ":sutton-chen:";

    @Test
    void campaignConvergesThroughInjectedFaults(@TempDir Path dir) throws Exception {
        String spec = CampaignTestSupport.smallCampaign(50).replace(
                "labeling { oracle = \"sutton-chen:\", workers = 1, timeout-s = 30 }",
                "labeling { oracle = \"" + FAULTY + "\", workers = 2, timeout-s = 1.2, retries = 1, backoff-s = 0.05,"
                        + " quarantine-after = 3, quarantine-s = 0.3 }");
        assertTrue(spec.contains("faulty:"), "the labeling line was replaced");
        Path run = dir.resolve("run");
        Summary s = CampaignRunner.run(new CampaignRunner.Options(spec, dir, run, false, System.err, 2000));
        System.out.print(s.toJson());
        assertTrue(Set.of("converged", "budget-exhausted").contains(s.status()), s.status() + ": " + s.fields());
        assertTrue(s.number("labeled") > 8, "labels beyond the bootstrap despite the faults: " + s.number("labeled"));
        assertTrue(s.number("model_versions") >= 4, "the ensemble of 2 was retrained on the new labels");

        @SuppressWarnings("unchecked")
        Map<String, Long> byReason = (Map<String, Long>) s.fields().get("label_failures_by_reason");
        long attempts = byReason.values().stream().mapToLong(Long::longValue).sum();
        // how many calls fit in the wall budget depends on the machine's load; at rate 0.2 at least one fails
        assertTrue(attempts >= 1, "faults were injected and recorded: " + byReason);
        assertTrue(Set.of("exit-status", "process-timeout", "non-finite-result", "unreadable-output", "labeler-timeout")
                .containsAll(byReason.keySet()), "every failure is one of the injected kinds: " + byReason);
        CampaignTestSupport.hashes(run); // no label twice, every label under its recomputed hash
        try (EeltStore st = EeltStore.open(run.resolve("store"))) {
            long recordedAttempts = 0;
            for (FailureRecord f : st.failures()) {
                recordedAttempts += f.attempts();
                for (int a = 1; a <= f.attempts(); a++) {
                    String reason = st.getString(DatasetRecorder.FAILURE_PREFIX + f.hash().hex() + "/" + a).orElse("");
                    assertTrue(!reason.isBlank(), "failed attempt " + a + " of " + f.hash() + " has its reason");
                }
                if (st.getString(DatasetRecorder.QUARANTINE_PREFIX + f.hash().hex()).isPresent()) {
                    assertTrue(f.attempts() >= 2, "quarantined after retries=1 + 1 attempts: " + f.attempts());
                }
            }
            assertEquals(attempts, recordedAttempts, "one reason record per failed attempt");
            assertEquals(s.number("quarantined"), s.number("label_failures"),
                    "the campaign's count of given-up candidates equals the store's quarantine records");
        }
    }
}
