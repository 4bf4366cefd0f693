package org.eelt.potential.neighbor;

import java.util.Arrays;

/**
 * The pair-search kernel of {@link CellListNeighbors}: scans the bin stencil of every atom of a
 * {@link BinGrid} and returns compressed-row arrays in atom order. Package-private, stateless.
 *
 * <p>Atoms are visited bin by bin (spatial order, so the neighbor bins stay in cache), each bin's
 * stencil — non-empty neighbor bins with their image shift n·H (Å) — is computed once, and the
 * rows, produced in bin order, are then copied to atom order. A pair is kept when
 * |w_q + n·H − w_i|² ≤ r_list² (w wrapped positions), except the atom itself at image 0.
 */
final class StencilSearch {
    private StencilSearch() {
    }

    /** Compressed-row arrays of one search: rows in atom order, exactly sized. */
    record PairArrays(int[] offsets, int[] neighbors, int[] codes) {
    }

    /**
     * @param g        binned atoms
     * @param rl       list radius in Å
     * @param atomRaw  {@link ImageCode#raw} of each atom's wrap offset (or zeros to record stencil images only)
     * @param slotRaw  the same per slot
     * @param capacity initial pair capacity (grows by 1.5× when exceeded)
     * @param sort     whether to sort each row by (neighbor, image code)
     * @return the pairs with image codes n_ext + o_i − o_j (or n_ext when the raw arrays are zero)
     */
    static PairArrays search(BinGrid g, double rl, int[] atomRaw, int[] slotRaw, int capacity, boolean sort) {
        final int n = g.atoms;
        final double rl2 = rl * rl;
        final double[] h = g.h;
        final double[] pos = g.slotPos;
        final int[] slotAtom = g.slotAtom;
        final int[] binStart = g.binStart;
        final int na = g.bins[0], nb = g.bins[1], nc = g.bins[2];
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
        final int maxCells = (2 * g.reach[0] + 1) * (2 * g.reach[1] + 1) * (2 * g.reach[2] + 1);
        final int[] cellFirst = new int[maxCells];
        final int[] cellEnd = new int[maxCells];
        final int[] cellRaw = new int[maxCells];
        final double[] cellShift = new double[3 * maxCells];

        int[] rowStart = new int[n + 1];
        int[] nbr = new int[Math.max(16, capacity)];
        int[] code = new int[nbr.length];
        int count = 0;
        for (int a = 0; a < na; a++) {
            for (int b = 0; b < nb; b++) {
                for (int c = 0; c < nc; c++) {
                    final int bin = (a * nb + b) * nc + c;
                    final int sEnd = binStart[bin + 1];
                    if (binStart[bin] == sEnd) {
                        continue;
                    }
                    int home = -1;
                    int cells = 0;
                    for (int ca = lo(g, 0, a); ca <= hi(g, 0, a); ca++) {
                        int wa = wrap[0][ca + g.reach[0]], ia = image[0][ca + g.reach[0]];
                        for (int cb = lo(g, 1, b); cb <= hi(g, 1, b); cb++) {
                            int wb = wrap[1][cb + g.reach[1]], ib = image[1][cb + g.reach[1]];
                            for (int cc = lo(g, 2, c); cc <= hi(g, 2, c); cc++) {
                                int wc = wrap[2][cc + g.reach[2]], ic = image[2][cc + g.reach[2]];
                                int other = (wa * nb + wb) * nc + wc;
                                if (binStart[other] == binStart[other + 1]) {
                                    continue;
                                }
                                if (other == bin && ia == 0 && ib == 0 && ic == 0) {
                                    home = cells;
                                }
                                cellFirst[cells] = binStart[other];
                                cellEnd[cells] = binStart[other + 1];
                                cellRaw[cells] = ImageCode.raw(ia, ib, ic);
                                for (int k = 0; k < 3; k++) {
                                    cellShift[3 * cells + k] = ia * h[k] + ib * h[3 + k] + ic * h[6 + k];
                                }
                                cells++;
                            }
                        }
                    }
                    for (int s = binStart[bin]; s < sEnd; s++) {
                        rowStart[s] = count;
                        final double xi = pos[3 * s], yi = pos[3 * s + 1], zi = pos[3 * s + 2];
                        final int base = ImageCode.ZERO + atomRaw[slotAtom[s]];
                        for (int k = 0; k < cells; k++) {
                            final double sx = cellShift[3 * k] - xi;
                            final double sy = cellShift[3 * k + 1] - yi;
                            final double sz = cellShift[3 * k + 2] - zi;
                            final int cellCode = base + cellRaw[k];
                            final int skip = k == home ? s : -1;
                            final int qEnd = cellEnd[k];
                            for (int q = cellFirst[k]; q < qEnd; q++) {
                                final double dx = pos[3 * q] + sx, dy = pos[3 * q + 1] + sy, dz = pos[3 * q + 2] + sz;
                                if (dx * dx + dy * dy + dz * dz <= rl2 && q != skip) {
                                    if (count == nbr.length) {
                                        int grown = grow(count);
                                        nbr = Arrays.copyOf(nbr, grown);
                                        code = Arrays.copyOf(code, grown);
                                    }
                                    nbr[count] = slotAtom[q];
                                    code[count] = cellCode - slotRaw[q];
                                    count++;
                                }
                            }
                        }
                    }
                }
            }
        }
        rowStart[n] = count;
        return toAtomOrder(slotAtom, rowStart, nbr, code, sort);
    }

    private static int lo(BinGrid g, int k, int b) {
        return g.pbc[k] ? b - g.reach[k] : Math.max(0, b - g.reach[k]);
    }

    private static int hi(BinGrid g, int k, int b) {
        return g.pbc[k] ? b + g.reach[k] : Math.min(g.bins[k] - 1, b + g.reach[k]);
    }

    /** Copies rows from slot order to atom order (then sorts each when asked). */
    private static PairArrays toAtomOrder(int[] slotAtom, int[] rowStart, int[] nbr, int[] code, boolean sort) {
        int n = slotAtom.length;
        int count = rowStart[n];
        int[] slotOf = new int[n];
        for (int s = 0; s < n; s++) {
            slotOf[slotAtom[s]] = s;
        }
        int[] offsets = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int s = slotOf[i];
            offsets[i + 1] = offsets[i] + rowStart[s + 1] - rowStart[s];
        }
        int[] outNbr = new int[count];
        int[] outCode = new int[count];
        long[] keys = new long[64];
        for (int i = 0; i < n; i++) {
            int s = slotOf[i];
            int len = rowStart[s + 1] - rowStart[s];
            System.arraycopy(nbr, rowStart[s], outNbr, offsets[i], len);
            System.arraycopy(code, rowStart[s], outCode, offsets[i], len);
            if (sort) {
                keys = sortRow(outNbr, outCode, offsets[i], offsets[i + 1], keys);
            }
        }
        return new PairArrays(offsets, outNbr, outCode);
    }

    /** Sorts pairs [from, to) by (neighbor, image code); returns the (possibly grown) key buffer. */
    private static long[] sortRow(int[] nbr, int[] code, int from, int to, long[] keys) {
        int len = to - from;
        if (len < 2) {
            return keys;
        }
        if (keys.length < len) {
            keys = new long[Math.max(len, 2 * keys.length)];
        }
        final int shift = 3 * ImageCode.BITS;
        for (int p = 0; p < len; p++) {
            keys[p] = (long) nbr[from + p] << shift | code[from + p];
        }
        Arrays.sort(keys, 0, len);
        long mask = (1L << shift) - 1;
        for (int p = 0; p < len; p++) {
            nbr[from + p] = (int) (keys[p] >>> shift);
            code[from + p] = (int) (keys[p] & mask);
        }
        return keys;
    }

    private static int grow(int count) {
        if (count >= Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("neighbor list exceeds " + count + " pairs, the Java array limit: "
                    + "reduce cutoff + skin or the system size");
        }
        return (int) Math.min((long) count + (count >> 1) + 1024, Integer.MAX_VALUE - 16);
    }
}
