package org.eelt.deploy.campaign.fe;

import org.eelt.examiner.agent.Examiner;
import org.eelt.freeenergy.cv.CvSet;
import org.eelt.labeler.agent.CandidateOracle;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.MeanForceLabeled;

/** Shared steps of the free-energy labelers: the restraint center of a candidate and the outcome message. */
final class MeanForceCandidates {
    private MeanForceCandidates() {
    }

    /**
     * @return s0 = s(x) of the candidate configuration, periodic CVs wrapped to (−π, π]
     * @throws org.eelt.freeenergy.cv.DegenerateCvException when a CV is undefined there (the label is skipped)
     */
    static double[] center(CvSet cvs, Examiner.Candidate c) {
        Structure s = c.atoms().toStructure();
        double[] s0 = cvs.wrap(cvs.values(s.positions(), s.cell()));
        cvs.requireValidCenter(s0);
        return s0;
    }

    /** @return a per-label seed from the base seed and the candidate id (reproducible, distinct per candidate). */
    static long seed(long base, Examiner.Candidate c) {
        return base * 0x9E3779B97F4A7C15L + c.id().hashCode();
    }

    /** @return the labeled outcome once the labeler's bookkeeping is known. */
    static CandidateOracle.Computed computed(double[] s0, double[] f, double[] err, long samples, String unit,
                                             String oracle, String settings, long seed) {
        return (c, labeler, attempts, busy, millis) -> new MeanForceLabeled(c.id(), labeler, c.atoms(), s0, f, err,
                samples, unit, oracle, settings, seed, c.generation(), c.walker(), c.deviation(), attempts, busy, millis);
    }
}
