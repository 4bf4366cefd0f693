package org.eelt.freeenergy.cv;

import java.util.List;
import org.eelt.protocol.atoms.Cell;

/**
 * The vector of collective variables s(x) = (s_1(x), …, s_d(x)), with wrap-aware arithmetic for
 * its periodic components. Immutable and thread-safe.
 */
public final class CvSet {
    private final List<CollectiveVariable> cvs;
    private final boolean[] periodic;
    private final double[] period;

    /** @param cvs the CVs, in order (non-empty) */
    public CvSet(List<CollectiveVariable> cvs) {
        if (cvs == null || cvs.isEmpty()) {
            throw new IllegalArgumentException("a CV set needs at least one collective variable");
        }
        this.cvs = List.copyOf(cvs);
        this.periodic = new boolean[cvs.size()];
        this.period = new double[cvs.size()];
        for (int q = 0; q < periodic.length; q++) {
            periodic[q] = cvs.get(q).periodic();
            period[q] = cvs.get(q).period();
        }
    }

    /** @return a set of the given CVs. */
    public static CvSet of(CollectiveVariable... cvs) {
        return new CvSet(List.of(cvs));
    }

    /** @return d, the number of CVs. */
    public int dimension() {
        return cvs.size();
    }

    /** @return the CVs. */
    public List<CollectiveVariable> cvs() {
        return cvs;
    }

    /** @return CV q. */
    public CollectiveVariable get(int q) {
        return cvs.get(q);
    }

    /** @return the periodic flags, one per CV. */
    public boolean[] periodic() {
        return periodic.clone();
    }

    /** @return the periods (+∞ for non-periodic CVs). */
    public double[] periods() {
        return period.clone();
    }

    /** @throws CvAtomException when a CV refers to an atom not among {@code atomCount} atoms */
    public void checkAtoms(int atomCount) {
        for (CollectiveVariable cv : cvs) {
            cv.checkAtoms(atomCount);
        }
    }

    /** @throws CvDomainException when a component of s0 is outside its CV's domain (or s0 has the wrong length) */
    public void requireValidCenter(double[] s0) {
        if (s0 == null || s0.length != cvs.size()) {
            throw new CvDomainException("restraint center has " + (s0 == null ? 0 : s0.length) + " components but "
                    + cvs.size() + " CVs are defined: give one value per CV");
        }
        for (int q = 0; q < s0.length; q++) {
            cvs.get(q).requireValidCenter(s0[q]);
        }
    }

    /** @return s(x), one value per CV. */
    public double[] values(double[] x, Cell cell) {
        double[] s = new double[cvs.size()];
        double[] g = new double[x.length];
        for (int q = 0; q < s.length; q++) {
            s[q] = cvs.get(q).valueAndGradient(x, cell, g);
        }
        return s;
    }

    /**
     * @param jacobian output: d rows of 3N, row q = ∂s_q/∂x (each row overwritten)
     * @return s(x)
     */
    public double[] valuesAndJacobian(double[] x, Cell cell, double[][] jacobian) {
        double[] s = new double[cvs.size()];
        for (int q = 0; q < s.length; q++) {
            s[q] = cvs.get(q).valueAndGradient(x, cell, jacobian[q]);
        }
        return s;
    }

    /** @return wrap(v) into (−P/2, P/2] for one periodic component with period P; v itself otherwise. */
    public static double wrapDifference(double v, boolean periodic, double period) {
        if (!periodic) {
            return v;
        }
        double w = v - period * Math.floor(v / period + 0.5);
        return w <= -0.5 * period ? w + period : w;
    }

    /** @return s − s0 component-wise, periodic components wrapped into (−P/2, P/2]. */
    public double[] delta(double[] s, double[] s0) {
        return delta(s, s0, periodic, period);
    }

    /** As {@link #delta(double[], double[])} for explicit periodic flags and periods. */
    public static double[] delta(double[] s, double[] s0, boolean[] periodic, double[] period) {
        double[] d = new double[s.length];
        for (int q = 0; q < d.length; q++) {
            d[q] = wrapDifference(s[q] - s0[q], periodic[q], period[q]);
        }
        return d;
    }

    /** @return s with periodic components wrapped into (−P/2, P/2] (i.e. (−π, π] for dihedrals). */
    public double[] wrap(double[] s) {
        double[] w = s.clone();
        for (int q = 0; q < w.length; q++) {
            w[q] = wrapDifference(w[q], periodic[q], period[q]);
        }
        return w;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("CvSet[");
        for (int q = 0; q < cvs.size(); q++) {
            b.append(q == 0 ? "" : ", ").append(cvs.get(q).name());
        }
        return b.append(']').toString();
    }
}
