package org.eelt.potential.neighbor;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;

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
 * positions ({@link #displacement(int, int, double[], double[])}) and skip pairs with
 * |d_p| &gt; cutoff. An atom may appear as its own neighbor (j = i, S ≠ 0) in cells smaller
 * than the cutoff, and the same j may appear with several shifts. Shifts refer to the
 * positions the list was built for as given, unwrapped: atoms outside the cell are not moved.
 *
 * <p>Storage: normally each pair holds a 4-byte {@link ImageCode} (the integers n_a, n_b, n_c)
 * and the shift is decoded through the {@link #cell() cell} matrix, 8 bytes per pair in all;
 * lists built from explicit Cartesian shifts (or whose images do not fit a code) hold 3 doubles
 * per pair instead. {@link #hasImageCodes()} tells which. Immutable (arrays are not copied, so
 * builders must hand over arrays they no longer use).
 */
public final class NeighborList {
    private final int[] offsets;
    private final int[] neighbors;
    private final double[] shifts;
    private final int[] codes;
    private final Cell cell;
    private final double[] h;
    private final double cutoff;
    private final double skin;
    private final double[] referencePositions;

    /**
     * A list with explicit Cartesian shifts.
     *
     * @param offsets            N + 1 row offsets
     * @param neighbors          neighbor atom index per pair
     * @param shifts             3 shift components (Å) per pair
     * @param cutoff             interaction cutoff in Å
     * @param skin               skin in Å (list radius = cutoff + skin)
     * @param referencePositions positions (3N, Å) the list was built for
     */
    public NeighborList(int[] offsets, int[] neighbors, double[] shifts, double cutoff, double skin,
                        double[] referencePositions) {
        this(offsets, neighbors, shifts, null, null, cutoff, skin, referencePositions);
        if (shifts.length != 3 * neighbors.length) {
            throw new IllegalArgumentException("inconsistent neighbor list arrays: " + shifts.length
                    + " shift components for " + neighbors.length + " pairs");
        }
    }

    /**
     * A list with integer periodic images packed as {@link ImageCode}s, decoded through {@code cell}.
     *
     * @param offsets            N + 1 row offsets
     * @param neighbors          neighbor atom index per pair
     * @param imageCodes         one {@link ImageCode} per pair
     * @param cell               the cell whose vectors (Å) the images count
     * @param cutoff             interaction cutoff in Å
     * @param skin               skin in Å (list radius = cutoff + skin)
     * @param referencePositions positions (3N, Å) the list was built for
     */
    public NeighborList(int[] offsets, int[] neighbors, int[] imageCodes, Cell cell, double cutoff, double skin,
                        double[] referencePositions) {
        this(offsets, neighbors, null, imageCodes, cell, cutoff, skin, referencePositions);
        if (imageCodes.length != neighbors.length) {
            throw new IllegalArgumentException("inconsistent neighbor list arrays: " + imageCodes.length
                    + " image codes for " + neighbors.length + " pairs");
        }
    }

    private NeighborList(int[] offsets, int[] neighbors, double[] shifts, int[] codes, Cell cell,
                         double cutoff, double skin, double[] referencePositions) {
        if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != neighbors.length
                || referencePositions.length != 3 * (offsets.length - 1)) {
            throw new IllegalArgumentException("inconsistent neighbor list arrays: " + (offsets.length - 1)
                    + " rows, " + neighbors.length + " pairs, " + referencePositions.length + " coordinates");
        }
        this.offsets = offsets;
        this.neighbors = neighbors;
        this.shifts = shifts;
        this.codes = codes;
        this.cell = cell;
        this.h = cell == null ? null : cell.matrix();
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
        if (codes != null) {
            return ImageCode.shift(codes[p], h, k);
        }
        return shifts[3 * p + k];
    }

    /** @return whether pairs store integer images ({@link #imageCode(int)}) rather than Cartesian shifts. */
    public boolean hasImageCodes() {
        return codes != null;
    }

    /**
     * @return the {@link ImageCode} of pair p (decode with {@link ImageCode#component(int, int)})
     * @throws IllegalStateException when the list stores Cartesian shifts ({@link #hasImageCodes()} false)
     */
    public int imageCode(int p) {
        if (codes == null) {
            throw new IllegalStateException("this neighbor list stores Cartesian shifts, not image codes: "
                    + "use shift(p, k)");
        }
        return codes[p];
    }

    /** @return the cell the image codes refer to, or null when the list stores Cartesian shifts. */
    public Cell cell() {
        return cell;
    }

    /**
     * Writes the displacement d_p = r_j + S_p − r_i (Å) of pair p of atom i for the given positions.
     *
     * @param i         the atom whose row holds p
     * @param p         pair index in [start(i), end(i))
     * @param positions current positions (3N, Å), unwrapped relative to the build
     * @param out       receives the 3 components in Å
     * @return |d_p| in Å
     */
    public double displacement(int i, int p, double[] positions, double[] out) {
        int j = neighbors[p];
        double dx = positions[3 * j] + shift(p, 0) - positions[3 * i];
        double dy = positions[3 * j + 1] + shift(p, 1) - positions[3 * i + 1];
        double dz = positions[3 * j + 2] + shift(p, 2) - positions[3 * i + 2];
        out[0] = dx;
        out[1] = dy;
        out[2] = dz;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** @return the approximate heap size of the pair and row arrays in bytes. */
    public long bytes() {
        long perPair = 4L + (codes != null ? 4L : 24L);
        return perPair * neighbors.length + 4L * offsets.length + 8L * referencePositions.length;
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
     * Rebuild test for a structure that may also have a new cell (barostat, deformation): true when the
     * atom count changed, the cell changed (image shifts are decoded through the build-time cell and
     * plane spacings may have shrunk), or some atom moved more than skin/2.
     *
     * @param structure the current structure, positions unwrapped relative to the build
     * @return whether the list must be rebuilt
     */
    public boolean needsRebuild(Structure structure) {
        if (cell != null && !cell.equals(structure.cell())) {
            return true;
        }
        return needsRebuild(structure.positions());
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
