package org.eelt.examiner.selection;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;

/**
 * Near-duplicate filter: a structure is a near duplicate of a remembered one with the same species
 * order and cell when their RMS displacement (minimum image, Å),
 * d = sqrt( (1/N) Σ_i ‖r_i − r'_i‖² ), is below the threshold. Remembers the last {@code capacity}
 * accepted structures. Exact duplicates (d = 0) are caught too. Not thread-safe.
 */
public final class NearDuplicates {
    private final double threshold;
    private final int capacity;
    private final Deque<Structure> recent = new ArrayDeque<>();

    /**
     * @param threshold RMS displacement in Å below which two structures are duplicates (≥ 0; 0 = exact only)
     * @param capacity  how many accepted structures to compare with
     */
    public NearDuplicates(double threshold, int capacity) {
        if (!(threshold >= 0) || capacity < 1) {
            throw new IllegalArgumentException("dedupe threshold must be >= 0 Å and capacity >= 1");
        }
        this.threshold = threshold;
        this.capacity = capacity;
    }

    /** @return whether s is within the threshold of a remembered structure. */
    public boolean isDuplicate(Structure s) {
        for (Structure r : recent) {
            double d = rmsd(s, r);
            if (d <= threshold) {
                return true;
            }
        }
        return false;
    }

    /** Remembers an accepted structure. */
    public void remember(Structure s) {
        recent.addFirst(s);
        while (recent.size() > capacity) {
            recent.removeLast();
        }
    }

    /**
     * @return the minimum-image RMS displacement between a and b in Å, or +∞ when they differ in
     * species or cell (not comparable)
     */
    public static double rmsd(Structure a, Structure b) {
        if (a.size() != b.size() || !Arrays.equals(a.species(), b.species()) || !a.cell().equals(b.cell())) {
            return Double.POSITIVE_INFINITY;
        }
        Cell cell = a.cell();
        double[] pa = a.positions();
        double[] pb = b.positions();
        double[] d = new double[3];
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int k = 0; k < 3; k++) {
                d[k] = pa[3 * i + k] - pb[3 * i + k];
            }
            if (cell.isPeriodic()) {
                cell.minimumImage(d);
            }
            sum += d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
        }
        return Math.sqrt(sum / a.size());
    }
}
