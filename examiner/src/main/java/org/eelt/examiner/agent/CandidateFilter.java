package org.eelt.examiner.agent;

import org.eelt.protocol.messages.AtomsData;

/**
 * Duplicate detection of the {@link Examiner}'s candidates: a candidate is dropped when it
 * duplicates one selected before. Deep Potential campaigns compare structures
 * ({@link #structures(double)}: exact key, then RMS displacement); free-energy campaigns cluster
 * in CV space (periodic distances) and keep one representative per cluster. Used by the
 * examiner actor only (not thread-safe).
 */
public interface CandidateFilter {
    /** @return whether the frame duplicates a remembered candidate. */
    boolean isDuplicate(AtomsData frame);

    /** Remembers a selected candidate. */
    void remember(AtomsData frame);

    /**
     * @param rmsThreshold near-duplicate RMS displacement threshold, Å (0 = exact duplicates only)
     * @return the structure filter of Deep Potential campaigns
     */
    static CandidateFilter structures(double rmsThreshold) {
        return new StructureDuplicates(rmsThreshold);
    }
}
