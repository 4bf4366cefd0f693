package org.eelt.deploy.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash harness on a real campaign child JVM: SIGKILLs in different phases (the first three of
 * a seeded shuffle of labeling, training, store-write, model-publish), a resume after each, an
 * audit of the store after each kill, and a final run to convergence.
 */
class ChaosKillTest {
    @Test
    void killsInChosenPhasesLoseAndDuplicateNothing(@TempDir Path dir) throws Exception {
        ChaosKill.Result r = ChaosKill.run(new ChaosKill.Options(3, 3, 4, null, dir, 1024, System.err));
        System.out.println(r.toJson());
        assertTrue(r.kills() >= 2, "at least two kills landed before the campaign converged: " + r.toJson());
        assertEquals(0, r.labelsLost(), r.problems().toString());
        assertEquals(0, r.labelsDuplicated(), r.problems().toString());
        assertEquals(0, r.modelProblems(), r.problems().toString());
        assertTrue(r.labelsAcked() >= 8, "the bootstrap labels were acknowledged: " + r.labelsAcked());
        assertEquals(r.campaigns(), r.campaignsConverged(), "every campaign converged: " + r.statuses());
        long phasesHit = ChaosKill.PHASES.stream().filter(p -> r.killsByPhase().getOrDefault(p, 0) > 0).count();
        assertTrue(phasesHit >= 2, "kills landed in at least two different phases: " + r.killsByPhase());
    }
}
