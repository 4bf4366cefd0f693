package org.eelt.potential.dp;

/**
 * The tabulated embedding nets of a descriptor, one {@link EmbeddingTable} per net, each covering
 * every input x = ŝ the net can receive from a neighbor at distance r ≥ {@code rMin}:
 * x ∈ [min, max] over the centre types and slots that use the net of (s − davg)/dstd with
 * s ∈ [0, 1/rMin] (s = w(r)/r ≤ 1/r). Neighbors closer than rMin, if any, are evaluated exactly.
 * Immutable.
 */
public final class CompressedEmbeddings {
    /** Default smallest tabulated distance (Å). */
    public static final double DEFAULT_R_MIN = 0.5;
    /** Default grid step in x (DeePMD-kit's default stride is 0.01). */
    public static final double DEFAULT_STEP = 0.01;

    private final EmbeddingTable[][] tables;
    private final double rMin;
    private final double step;

    private CompressedEmbeddings(EmbeddingTable[][] tables, double rMin, double step) {
        this.tables = tables;
        this.rMin = rMin;
        this.step = step;
    }

    /**
     * @param d    the descriptor
     * @param rMin smallest tabulated neighbor distance (Å)
     * @param step grid step in x
     * @return the tables
     */
    public static CompressedEmbeddings build(SeE2aDescriptor d, double rMin, double step) {
        int nt = d.ntypes();
        double sMax = 1.0 / rMin;
        EmbeddingTable[][] t = new EmbeddingTable[nt][nt];
        EmbeddingTable[] oneSide = new EmbeddingTable[nt];
        for (int tj = 0; tj < nt; tj++) {
            if (d.typeOneSide()) {
                double[] range = range(d, 0, nt, tj, sMax);
                oneSide[tj] = EmbeddingTable.build(d.embedding(0, tj), range[0], range[1], step);
                for (int ti = 0; ti < nt; ti++) {
                    t[ti][tj] = oneSide[tj];
                }
            } else {
                for (int ti = 0; ti < nt; ti++) {
                    double[] range = range(d, ti, ti + 1, tj, sMax);
                    t[ti][tj] = EmbeddingTable.build(d.embedding(ti, tj), range[0], range[1], step);
                }
            }
        }
        return new CompressedEmbeddings(t, rMin, step);
    }

    private static double[] range(SeE2aDescriptor d, int ti0, int ti1, int tj, double sMax) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int ti = ti0; ti < ti1; ti++) {
            for (int s = d.sectionStart(tj); s < d.sectionStart(tj + 1); s++) {
                double avg = d.davgAt(ti, s, 0), std = d.dstdAt(ti, s, 0);
                for (double v : new double[] {(0 - avg) / std, (sMax - avg) / std, 0.0}) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1.0;
        }
        return new double[] {lo, hi};
    }

    /** @return the table of centre type ti and neighbor type tj. */
    public EmbeddingTable table(int ti, int tj) {
        return tables[ti][tj];
    }

    /** @return the smallest tabulated distance (Å). */
    public double rMin() {
        return rMin;
    }

    /** @return the grid step. */
    public double step() {
        return step;
    }
}
