package org.eelt.potential.neighbor;

/**
 * A full (both i→j and j→i) neighbor list in compressed-row form, built for positions
 * {@code r} (Å) with a list radius r_list = cutoff + skin.
 *
 * <p>For atom i the pairs are p ∈ [{@link #start(int) start(i)}, {@link #end(int) end(i)}). Pair p
 * names the neighbor atom j = {@link #neighbor(int)} and the periodic image shift
 * S_p = n_a·a + n_b·b + n_c·c (Å), so that the displacement is
 * <pre>  d_p = r_j + S_p − r_i .</pre>
 * The shift is stored, not the displacement, so the list stays valid while atoms move by
 * less than skin/2 ({@link #needsRebuild(double[])}); callers recompute d_p from current
 * positions and skip pairs with |d_p| &gt; cutoff. An atom may appear as its own neighbor
 * (j = i, S ≠ 0) in cells smaller than the cutoff, and the same j may appear with several
 * shifts. Immutable.
 */
public final class NeighborList {
    private final int[] offsets;
    private final int[] neighbors;
    private final double[] shifts;
    private final double cutoff;
    private final double skin;
    private final double[] referencePositions;

    /**
     * @param offsets            N + 1 row offsets
     * @param neighbors          neighbor atom index per pair
     * @param shifts             3 shift components (Å) per pair
     * @param cutoff             interaction cutoff in Å
     * @param skin               skin in Å (list radius = cutoff + skin)
     * @param referencePositions positions (3N, Å) the list was built for
     */
    public NeighborList(int[] offsets, int[] neighbors, double[] shifts, double cutoff, double skin,
                        double[] referencePositions) {
        if (shifts.length != 3 * neighbors.length || offsets[offsets.length - 1] != neighbors.length
                || referencePositions.length != 3 * (offsets.length - 1)) {
            throw new IllegalArgumentException("inconsistent neighbor list arrays");
        }
        this.offsets = offsets;
        this.neighbors = neighbors;
        this.shifts = shifts;
        this.cutoff = cutoff;
        this.skin = skin;
        this.referencePositions = referencePositions.clone();
    }

    /** @return the number of atoms. */
    public int atoms() {
        return offsets.length - 1;
    }

    /** @return the total number of (directed) pairs. */
    public int pairs() {
        return neighbors.length;
    }

    /** @return the first pair index of atom i. */
    public int start(int i) {
        return offsets[i];
    }

    /** @return one past the last pair index of atom i. */
    public int end(int i) {
        return offsets[i + 1];
    }

    /** @return the neighbor atom j of pair p. */
    public int neighbor(int p) {
        return neighbors[p];
    }

    /** @return component k (0..2) of the image shift S_p in Å. */
    public double shift(int p, int k) {
        return shifts[3 * p + k];
    }

    /** @return the interaction cutoff in Å. */
    public double cutoff() {
        return cutoff;
    }

    /** @return the skin in Å. */
    public double skin() {
        return skin;
    }

    /**
     * @param positions current positions (3N, Å), unwrapped relative to the build
     * @return true when some atom moved more than skin/2 since the build (then the list may miss pairs)
     */
    public boolean needsRebuild(double[] positions) {
        if (positions.length != referencePositions.length) {
            return true;
        }
        double limit2 = 0.25 * skin * skin;
        for (int i = 0; i < positions.length; i += 3) {
            double dx = positions[i] - referencePositions[i];
            double dy = positions[i + 1] - referencePositions[i + 1];
            double dz = positions[i + 2] - referencePositions[i + 2];
            if (dx * dx + dy * dy + dz * dz > limit2) {
                return true;
            }
        }
        return false;
    }
}
