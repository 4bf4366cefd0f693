package org.eelt.freeenergy.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eelt.freeenergy.cv.CvSet;

/**
 * Greedy leader clustering of candidate CV points. Points are visited in order of decreasing
 * score (e.g. the ensemble deviation ε, so the most uncertain point leads its cluster; ties and a
 * null score keep the input order); a point within {@code radius} of an existing leader joins it,
 * otherwise it becomes a new leader. Distance: sqrt(Σ_q (wrap(s_q − t_q)/scale_q)²), periodic
 * components wrapped (period 2π), scale_q = 1 when no scales are given. One representative (the
 * leader) per cluster.
 */
public final class CvClustering {
    private CvClustering() {
    }

    /**
     * @param points   candidate points (CV units), all of dimension d
     * @param scores   one score per point (higher first), or null for input order
     * @param periodic periodic flags per CV (period 2π)
     * @param scale    per-CV length scales, or null
     * @param radius   cluster radius in scaled units (&gt; 0)
     * @return indices of the leaders, in the order they were chosen
     */
    public static int[] representatives(List<double[]> points, double[] scores, boolean[] periodic, double[] scale,
                                        double radius) {
        if (!(radius > 0)) {
            throw new IllegalArgumentException("cluster radius must be > 0, got " + radius);
        }
        if (scores != null && scores.length != points.size()) {
            throw new IllegalArgumentException(scores.length + " scores for " + points.size() + " points");
        }
        Integer[] order = new Integer[points.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (scores != null) {
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
        }
        List<Integer> leaders = new ArrayList<>();
        for (int i : order) {
            double[] p = points.get(i);
            boolean joined = false;
            for (int l : leaders) {
                if (distance(p, points.get(l), periodic, scale) < radius) {
                    joined = true;
                    break;
                }
            }
            if (!joined) {
                leaders.add(i);
            }
        }
        return leaders.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return the wrap-aware scaled distance between two CV points. */
    public static double distance(double[] a, double[] b, boolean[] periodic, double[] scale) {
        if (a.length != periodic.length || b.length != periodic.length) {
            throw new IllegalArgumentException("CV points need " + periodic.length + " components, got " + a.length
                    + " and " + b.length);
        }
        double s = 0;
        for (int q = 0; q < a.length; q++) {
            double d = CvSet.wrapDifference(a[q] - b[q], periodic[q], 2 * Math.PI);
            if (scale != null) {
                d /= scale[q];
            }
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
