package org.eelt.deploy.campaign.fe;

import java.util.List;

import org.eelt.examiner.agent.EnsembleScorer;
import org.eelt.freeenergy.cv.CvSet;
import org.eelt.freeenergy.cv.DegenerateCvException;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.ModelPublished;

/**
 * Examiner scoring of free-energy campaigns: the ensemble's mean-force deviation
 * ε(s) = sqrt((1/d) Σ_j σ_j²) at the frame's CV value s(x) (σ_j² the ensemble variance of
 * −∂A/∂s_j), in energy per CV unit, compared with the trust levels e0/e1. A frame whose CVs are
 * undefined (collinear dihedral atoms) scores +∞ (failed).
 */
public final class FeScorer implements EnsembleScorer {
    private final CvSet cvs;

    /** @param cvs the campaign's collective variables */
    public FeScorer(CvSet cvs) {
        this.cvs = cvs;
    }

    @Override
    public Object parse(ModelPublished model) {
        return FeModels.decode(model);
    }

    @Override
    public double deviation(List<Object> members, AtomsData frame) {
        Structure s = frame.toStructure();
        double[] cv;
        try {
            cv = cvs.values(s.positions(), s.cell());
        } catch (DegenerateCvException e) {
            return Double.POSITIVE_INFINITY;
        }
        return FeModels.ensemble(members).evaluate(cvs.wrap(cv), false).deviation();
    }
}
