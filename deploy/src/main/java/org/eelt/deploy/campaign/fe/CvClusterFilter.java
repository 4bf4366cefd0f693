package org.eelt.deploy.campaign.fe;

import java.util.ArrayList;
import java.util.List;

import org.eelt.examiner.agent.CandidateFilter;
import org.eelt.freeenergy.explore.CvClustering;
import org.eelt.freeenergy.cv.CvSet;
import org.eelt.freeenergy.cv.DegenerateCvException;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.AtomsData;

/**
 * Candidate deduplication of free-energy campaigns by greedy leader clustering in CV space, the
 * streaming form of {@link CvClustering}: a candidate whose CV value lies within {@code radius}
 * ({@link CvClustering#distance}: Euclidean distance of the wrapped differences, so periodic CVs
 * use the shortest way round) of a cluster leader is a duplicate;
 * otherwise it becomes the leader of a new cluster. One representative per cluster is labeled.
 * Leaders can be preloaded with the centers already labeled (resume).
 */
public final class CvClusterFilter implements CandidateFilter {
    private final CvSet cvs;
    private final double radius;
    private final boolean[] periodic;
    private final List<double[]> leaders = new ArrayList<>();

    /**
     * @param cvs    the collective variables
     * @param radius clustering radius, CV units
     * @param known  centers already labeled (leaders from the start)
     */
    public CvClusterFilter(CvSet cvs, double radius, List<double[]> known) {
        this.cvs = cvs;
        this.radius = radius;
        this.periodic = cvs.periodic();
        leaders.addAll(known);
    }

    /** @return whether s lies within the radius of a leader (periodic distance). */
    public boolean near(double[] s) {
        for (double[] l : leaders) {
            if (CvClustering.distance(s, l, periodic, null) <= radius) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isDuplicate(AtomsData frame) {
        double[] s = values(frame);
        return s == null || near(s);
    }

    @Override
    public void remember(AtomsData frame) {
        double[] s = values(frame);
        if (s != null) {
            leaders.add(s);
        }
    }

    /** @return the number of clusters (leaders). */
    public int clusters() {
        return leaders.size();
    }

    private double[] values(AtomsData frame) {
        Structure s = frame.toStructure();
        try {
            return cvs.wrap(cvs.values(s.positions(), s.cell()));
        } catch (DegenerateCvException e) {
            return null;
        }
    }
}
