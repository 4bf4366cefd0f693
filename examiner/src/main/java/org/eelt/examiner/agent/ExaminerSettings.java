package org.eelt.examiner.agent;

import org.eelt.examiner.selection.SelectionPolicy;
import org.eelt.examiner.selection.TrustLevels;

/**
 * Settings of the examiner.
 *
 * @param ensembleSize       K, models in the ensemble
 * @param trust              force trust levels, eV/Å
 * @param policy             selection policy
 * @param maxCandidatesPerGeneration cap of candidates selected per model version (a new version with every
 *                           member publication, as the store numbers model versions)
 * @param dedupeThreshold    near-duplicate RMS displacement threshold, Å (0 = exact only)
 * @param window             M, frames in the accurate-ratio window
 * @param adaptiveRatio      adaptive-lower: fraction of recent frames to treat as candidates
 * @param adaptiveFloor      adaptive-lower: the lowest lower level, eV/Å
 */
public record ExaminerSettings(int ensembleSize, TrustLevels trust, SelectionPolicy policy,
                               int maxCandidatesPerGeneration, double dedupeThreshold, int window,
                               double adaptiveRatio, double adaptiveFloor) {
    /** Validates. */
    public ExaminerSettings {
        if (ensembleSize < 2) {
            throw new IllegalArgumentException("the examiner needs an ensemble of >= 2 models, got " + ensembleSize);
        }
        if (maxCandidatesPerGeneration < 1 || window < 1 || !(dedupeThreshold >= 0)) {
            throw new IllegalArgumentException("examiner: max candidates >= 1, window >= 1, dedupe threshold >= 0 required");
        }
    }
}
