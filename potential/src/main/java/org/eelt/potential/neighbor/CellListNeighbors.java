package org.eelt.potential.neighbor;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;

import java.util.Arrays;

/**
 * O(N) neighbor search with a cell list (linked bins) for triclinic, mixed-periodic and
 * isolated structures. Returns the same full list as {@link BruteForceNeighbors}: every ordered
 * pair (i, j, image n) with |r_j + n·H − r_i| ≤ r_list = cutoff + skin (Å), except i = j with n = 0.
 *
 * <p>Algorithm (see {@link BinGrid} for the geometry): atoms are wrapped into the cell along the
 * periodic axes, binned in fractional coordinates with bins at least r_list / m thick (m =
 * {@value #DEFAULT_BINS_PER_RADIUS} by default, measured fastest), and each atom scans the
 * (2s_a+1)(2s_b+1)(2s_c+1) stencil of bins around its own, periodic images included. Cells thinner
 * than r_list, skewed cells and atoms outside the cell are all exact: images are enumerated through
 * extended bin indices, and the returned shifts refer to the original (unwrapped) positions,
 * S = (n_ext + o_i − o_j)·H where o are the integer wrap offsets.
 *
 * <p>Order: rows in atom order; inside a row, pairs are sorted by neighbor index j, and pairs with
 * the same j by {@link ImageCode} (i.e. by n_c, then n_b, then n_a). The result is deterministic.
 *
 * <p>Cost: O(N) time and 8 bytes per pair (index + image code), plus O(N) for the grid. Shifts are
 * stored as 3 doubles per pair only when atoms lie more than ~500 cells apart (image codes overflow).
 */
public final class CellListNeighbors {
    /** Bins per list radius along each axis; 1 measured fastest for dense metals and water (see tests). */
    public static final int DEFAULT_BINS_PER_RADIUS = 1;

    private CellListNeighbors() {
    }

    /**
     * @param structure positions (Å, may lie outside the cell) and cell
     * @param cutoff    interaction cutoff in Å (&gt; 0)
     * @param skin      skin in Å (≥ 0)
     * @return the full neighbor list with all pairs within cutoff + skin, sorted by neighbor index per atom
     */
    public static NeighborList build(Structure structure, double cutoff, double skin) {
        return build(structure, cutoff, skin, DEFAULT_BINS_PER_RADIUS);
    }

    /**
     * @param structure     positions (Å) and cell
     * @param cutoff        interaction cutoff in Å (&gt; 0)
     * @param skin          skin in Å (≥ 0)
     * @param binsPerRadius bins per list radius m (1..4): finer bins scan less volume, (2m+1)³ bins
     * @return the full neighbor list, as {@link #build(Structure, double, double)}
     */
    public static NeighborList build(Structure structure, double cutoff, double skin, int binsPerRadius) {
        if (structure == null) {
            throw new IllegalArgumentException("structure is required");
        }
        if (!(cutoff > 0) || !(skin >= 0) || !Double.isFinite(cutoff + skin)) {
            throw new IllegalArgumentException("cutoff must be finite and > 0 and skin finite and >= 0 (Å), got cutoff "
                    + cutoff + ", skin " + skin);
        }
        if (binsPerRadius < 1 || binsPerRadius > 4) {
            throw new IllegalArgumentException("binsPerRadius must be in 1..4, got " + binsPerRadius);
        }
        double rl = cutoff + skin;
        BinGrid grid = new BinGrid(structure, rl, binsPerRadius);
        boolean direct = true;
        for (int k = 0; k < 3; k++) {
            int reach = grid.maxStencilImage(k);
            if (reach > ImageCode.MAX) {
                throw new IllegalArgumentException("the cell is too thin along axis " + "abc".charAt(k) + " (plane spacing "
                        + structure.cell().planeSpacing(k) + " Å) for list radius " + rl
                        + " Å: each atom would see more than " + ImageCode.MAX + " images; use a thicker cell");
            }
            direct &= reach + grid.offsetSpan[k] <= ImageCode.MAX;
        }
        int n = grid.atoms;
        int[] atomRaw = direct ? grid.atomRawImage : new int[n];
        int[] slotRaw = direct ? grid.slotRawImage : new int[n];
        PairArrays pairs = search(grid, rl, atomRaw, slotRaw, initialCapacity(structure, rl));
        double[] reference = structure.positions();
        if (direct) {
            return new NeighborList(pairs.offsets, pairs.neighbors, pairs.codes, structure.cell(), cutoff, skin,
                    reference);
        }
        return new NeighborList(pairs.offsets, pairs.neighbors, toShifts(pairs, grid, structure.cell()), cutoff, skin,
                reference);
    }

    /** Trimmed CSR arrays of one search. */
    private record PairArrays(int[] offsets, int[] neighbors, int[] codes) {
    }

    private static PairArrays search(BinGrid g, double rl, int[] atomRaw, int[] slotRaw, int capacity) {
        final int n = g.atoms;
        final double rl2 = rl * rl;
        final double[] h = g.h;
        final double[] pos = g.slotPos;
        final int[] slotAtom = g.slotAtom;
        final int[] binStart = g.binStart;
        final int na = g.bins[0], nb = g.bins[1], nc = g.bins[2];
        final int ra = g.reach[0], rb = g.reach[1], rc = g.reach[2];
        final int[][] wrap = new int[3][];
        final int[][] image = new int[3][];
        for (int k = 0; k < 3; k++) {
            int m = g.bins[k], s = g.reach[k];
            wrap[k] = new int[m + 2 * s];
            image[k] = new int[m + 2 * s];
            for (int c = -s; c < m + s; c++) {
                wrap[k][c + s] = Math.floorMod(c, m);
                image[k][c + s] = Math.floorDiv(c, m);
            }
        }
        final boolean pa = g.pbc[0], pb = g.pbc[1], pc = g.pbc[2];
        int[] offsets = new int[n + 1];
        int[] nbr = new int[capacity];
        int[] code = new int[capacity];
        long[] keys = new long[64];
        int count = 0;
        for (int i = 0; i < n; i++) {
            offsets[i] = count;
            final double xi = g.wrapped[3 * i], yi = g.wrapped[3 * i + 1], zi = g.wrapped[3 * i + 2];
            final int base = ImageCode.ZERO + atomRaw[i];
            final int bx = g.atomBinXYZ[3 * i], by = g.atomBinXYZ[3 * i + 1], bz = g.atomBinXYZ[3 * i + 2];
            final int a0 = pa ? bx - ra : Math.max(0, bx - ra), a1 = pa ? bx + ra : Math.min(na - 1, bx + ra);
            final int b0 = pb ? by - rb : Math.max(0, by - rb), b1 = pb ? by + rb : Math.min(nb - 1, by + rb);
            final int c0 = pc ? bz - rc : Math.max(0, bz - rc), c1 = pc ? bz + rc : Math.min(nc - 1, bz + rc);
            for (int ca = a0; ca <= a1; ca++) {
                final int wa = wrap[0][ca + ra], ia = image[0][ca + ra];
                final double sxa = ia * h[0] - xi, sya = ia * h[1] - yi, sza = ia * h[2] - zi;
                for (int cb = b0; cb <= b1; cb++) {
                    final int wb = wrap[1][cb + rb], ib = image[1][cb + rb];
                    final double sxb = sxa + ib * h[3], syb = sya + ib * h[4], szb = sza + ib * h[5];
                    final int rowBin = (wa * nb + wb) * nc;
                    for (int cc = c0; cc <= c1; cc++) {
                        final int wc = wrap[2][cc + rc], ic = image[2][cc + rc];
                        final double sx = sxb + ic * h[6], sy = syb + ic * h[7], sz = szb + ic * h[8];
                        final boolean home = ia == 0 && ib == 0 && ic == 0;
                        final int cellCode = base + ImageCode.raw(ia, ib, ic);
                        final int bin = rowBin + wc;
                        final int qEnd = binStart[bin + 1];
                        for (int q = binStart[bin]; q < qEnd; q++) {
                            final double dx = pos[3 * q] + sx, dy = pos[3 * q + 1] + sy, dz = pos[3 * q + 2] + sz;
                            if (dx * dx + dy * dy + dz * dz <= rl2) {
                                final int j = slotAtom[q];
                                if (home && j == i) {
                                    continue;
                                }
                                if (count == nbr.length) {
                                    int grown = grow(count);
                                    nbr = Arrays.copyOf(nbr, grown);
                                    code = Arrays.copyOf(code, grown);
                                }
                                nbr[count] = j;
                                code[count] = cellCode - slotRaw[q];
                                count++;
                            }
                        }
                    }
                }
            }
            keys = sortRow(nbr, code, offsets[i], count, keys);
        }
        offsets[n] = count;
        if (count != nbr.length) {
            nbr = Arrays.copyOf(nbr, count);
            code = Arrays.copyOf(code, count);
        }
        return new PairArrays(offsets, nbr, code);
    }

    /** Sorts pairs [from, to) by (neighbor, image code); returns the (possibly grown) key buffer. */
    private static long[] sortRow(int[] nbr, int[] code, int from, int to, long[] keys) {
        int len = to - from;
        if (len < 2) {
            return keys;
        }
        boolean sorted = true;
        long prev = Long.MIN_VALUE;
        if (keys.length < len) {
            keys = new long[Math.max(len, 2 * keys.length)];
        }
        for (int p = 0; p < len; p++) {
            long key = (long) nbr[from + p] << ImageCode.BITS * 3 | code[from + p];
            sorted &= key > prev;
            prev = key;
            keys[p] = key;
        }
        if (sorted) {
            return keys;
        }
        Arrays.sort(keys, 0, len);
        long mask = (1L << ImageCode.BITS * 3) - 1;
        for (int p = 0; p < len; p++) {
            nbr[from + p] = (int) (keys[p] >>> ImageCode.BITS * 3);
            code[from + p] = (int) (keys[p] & mask);
        }
        return keys;
    }

    private static int grow(int count) {
        long grown = (long) count + (count >> 1) + 1024;
        if (count >= Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("neighbor list exceeds " + count + " pairs, the Java array limit: "
                    + "reduce cutoff + skin or the system size");
        }
        return (int) Math.min(grown, Integer.MAX_VALUE - 16);
    }

    /**
     * Expected pair count for a fully periodic cell, N·(ρ·4/3·π·r_list³)·1.1 + slack, so that dense
     * systems fill the arrays without regrowth; other systems start small and grow by 1.5×.
     */
    private static int initialCapacity(Structure structure, double rl) {
        int n = structure.size();
        Cell cell = structure.cell();
        double perAtom = 16;
        if (cell.isFullyPeriodic()) {
            perAtom = n / cell.volume() * 4.0 / 3.0 * Math.PI * rl * rl * rl * 1.1 + 4;
        }
        return (int) Math.min(Integer.MAX_VALUE - 16, n * perAtom + 1024);
    }

    /**
     * Converts codes of stencil images n_ext (atoms' wrap offsets left out) to Cartesian shifts
     * S = (n_ext + o_i − o_j)·H in Å, for atoms too far apart for image codes.
     */
    private static double[] toShifts(PairArrays pairs, BinGrid g, Cell cell) {
        double[] h = cell.matrix();
        int[] o = g.atomOffset;
        double[] shifts = new double[3 * pairs.neighbors.length];
        for (int i = 0; i < g.atoms; i++) {
            for (int p = pairs.offsets[i]; p < pairs.offsets[i + 1]; p++) {
                int j = pairs.neighbors[p];
                int c = pairs.codes[p];
                double ta = (double) ImageCode.component(c, 0) + o[3 * i] - o[3 * j];
                double tb = (double) ImageCode.component(c, 1) + o[3 * i + 1] - o[3 * j + 1];
                double tc = (double) ImageCode.component(c, 2) + o[3 * i + 2] - o[3 * j + 2];
                for (int k = 0; k < 3; k++) {
                    shifts[3 * p + k] = ta * h[k] + tb * h[3 + k] + tc * h[6 + k];
                }
            }
        }
        return shifts;
    }
}
