package org.eelt.examiner.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eelt.examiner.selection.SelectionPolicy;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.AtomsData;
import org.junit.jupiter.api.Test;

/** The examiner's selection rules on their own: dedupe, per-version and per-walker quotas, max-devi order, re-scoring. */
class CandidateQueueTest {
    private static int next;

    /** A Cu dimer at separation r (Å): distinct r are distinct structures, far apart for a 0.01 Å dedupe. */
    private static Examiner.Candidate cand(String walker, double r, double deviation) {
        AtomsData a = AtomsData.of(new Structure(new String[] {"Cu", "Cu"}, new double[] {0, 0, 0, r, 0, 0},
                Cell.nonPeriodic()));
        return new Examiner.Candidate("c" + (next++), a, walker, 1, deviation);
    }

    @Test
    void quotasPerVersionAndPerWalkerAndDuplicates() {
        CandidateQueue q = new CandidateQueue(CandidateFilter.structures(0.01), 4, SelectionPolicy.FIXED);
        q.startStage(2); // each of 2 walkers may fill ceil(4/2) = 2 of a version's 4
        assertEquals(CandidateQueue.Offer.QUEUED, q.offer(cand("w0", 2.0, 0.2), 7));
        assertEquals(CandidateQueue.Offer.QUEUED, q.offer(cand("w0", 2.2, 0.2), 7));
        assertEquals(CandidateQueue.Offer.CAPPED, q.offer(cand("w0", 2.4, 0.9), 7), "w0's share is used up");
        assertEquals(CandidateQueue.Offer.DUPLICATE, q.offer(cand("w1", 2.0, 0.2), 7), "same structure as a selected one");
        assertEquals(CandidateQueue.Offer.QUEUED, q.offer(cand("w1", 2.6, 0.2), 7));
        assertEquals(CandidateQueue.Offer.QUEUED, q.offer(cand("w1", 2.8, 0.2), 7));
        assertEquals(CandidateQueue.Offer.CAPPED, q.offer(cand("w1", 3.0, 0.2), 7));
        assertEquals(CandidateQueue.Offer.QUEUED, q.offer(cand("w0", 3.2, 0.2), 8), "a new version renews the quota");
        assertEquals(5, q.size());
        assertEquals(5, q.selected());
        assertEquals(1, q.duplicates());
        assertEquals(2, q.capped());
        // fixed: first in, first out
        assertEquals(2.0, q.pollBest().atoms().toStructure().positions()[3], 0);
    }

    @Test
    void maxDeviSwapsTheSmallestAndServesTheLargestFirst() {
        CandidateQueue q = new CandidateQueue(CandidateFilter.structures(0.0), 2, SelectionPolicy.MAX_DEVI);
        q.offer(cand("w", 2.0, 0.20), 1);
        q.offer(cand("w", 2.1, 0.30), 1);
        assertEquals(CandidateQueue.Offer.CAPPED, q.offer(cand("v", 2.2, 0.10), 1), "smaller than every queued one");
        assertEquals(CandidateQueue.Offer.REPLACED, q.offer(cand("v", 2.3, 0.40), 1), "displaces the 0.20 one");
        assertEquals(CandidateQueue.Offer.CAPPED, q.offer(cand("w", 2.4, 0.90), 1), "w used its share of version 1");
        assertEquals(2, q.size());
        assertEquals(0.40, q.pollBest().deviation(), 0);
        assertEquals(0.30, q.pollBest().deviation(), 0);
        assertNull(q.pollBest());
    }

    @Test
    void rescoringDropsWhatANewerEnsembleFindsAccurate() {
        CandidateQueue q = new CandidateQueue(CandidateFilter.structures(0.0), 10, SelectionPolicy.MAX_DEVI);
        Examiner.Candidate a = cand("w", 2.0, 0.2), b = cand("w", 2.5, 0.3);
        q.offer(a, 1);
        q.offer(b, 1);
        q.rescored(b.id(), 0.01, true);
        q.rescored(a.id(), 0.25, false);
        q.rescored("gone", 0.5, false); // labeled meanwhile: ignored
        assertEquals(1, q.size());
        assertEquals(1, q.rescoredAway());
        Examiner.Candidate left = q.pollBest();
        assertEquals(a.id(), left.id());
        assertEquals(0.25, left.deviation(), 0, "keeps its place with the new deviation");
        q.requeue(left);
        assertEquals(1, q.size(), "a candidate whose labeler is gone is queued again");
    }
}
