package org.eelt.deploy.campaign.fe;

import org.eelt.examiner.agent.Examiner;
import org.eelt.freeenergy.cv.CvSet;
import org.eelt.freeenergy.cv.DegenerateCvException;
import org.eelt.labeler.oracle.CalculationFailedException;
import org.eelt.labeler.agent.CandidateOracle;
import org.eelt.protocol.atoms.CodeVersion;
import org.eelt.protocol.atoms.MeanForceLabel;
import org.eelt.protocol.atoms.Provenance;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.MeanForceLabeled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shared steps of the free-energy labelers: the restraint center of a candidate and the outcome message. */
final class MeanForceCandidates {
    private static final Logger LOG = LoggerFactory.getLogger(MeanForceCandidates.class);
    private MeanForceCandidates() {
    }

    /**
     * @return s0 = s(x) of the candidate configuration, periodic CVs wrapped to (−π, π]
     * @throws CalculationFailedException when a CV is undefined there (collinear dihedral atoms): a
     *         warning is logged and the label is skipped (the labeler reports the failure)
     */
    static double[] center(CvSet cvs, Examiner.Candidate c) {
        Structure s = c.atoms().toStructure();
        double[] s0;
        try {
            s0 = cvs.wrap(cvs.values(s.positions(), s.cell()));
        } catch (DegenerateCvException e) {
            LOG.warn("candidate {} of walker {}: label skipped, a CV is undefined there: {}", c.id(), c.walker(),
                    e.getMessage());
            throw new CalculationFailedException("mean-force", "label skipped: " + e.getMessage(), "", null, e);
        }
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
        return (c, labeler, attempts, busy, millis) -> new MeanForceLabeled(c.id(), labeler, c.atoms(),
                new MeanForceLabel(s0, f, err, samples, unit, new Provenance(oracle, settings,
                        "generation-" + c.generation(), seed, CodeVersion.get(), System.currentTimeMillis())),
                c.generation(), c.walker(), c.deviation(), attempts, busy, millis);
    }
}
