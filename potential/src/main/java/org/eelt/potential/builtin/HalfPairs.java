package org.eelt.potential.builtin;

import org.eelt.potential.neighbor.NeighborList;

/**
 * A half neighbor list derived from a full {@link NeighborList}: each unordered pair once, with
 * its image shift decoded to Cartesian Å, in compressed-row form. Pair terms are evaluated once
 * and applied to both atoms (Newton's third law).
 *
 * <p>A full list holds pair (i, j, S) and its mirror (j, i, −S). The copy kept is the one with
 * j &gt; i, or, for an atom's own periodic image (j = i, S ≠ 0), the one whose shift S is
 * lexicographically positive. Negating an integer combination of cell vectors is exact in
 * floating point, so exactly one copy passes. Immutable.
 */
final class HalfPairs {
    final NeighborList source;
    final int[] offsets;
    final int[] neighbors;
    final double[] shifts;

    private HalfPairs(NeighborList source, int[] offsets, int[] neighbors, double[] shifts) {
        this.source = source;
        this.offsets = offsets;
        this.neighbors = neighbors;
        this.shifts = shifts;
    }

    /** @return the half list of a full list. */
    static HalfPairs of(NeighborList nl) {
        int n = nl.atoms();
        int[] offsets = new int[n + 1];
        int[] nb = new int[nl.pairs() / 2 + 1];
        double[] sh = new double[3 * nb.length];
        int c = 0;
        for (int i = 0; i < n; i++) {
            offsets[i] = c;
            for (int p = nl.start(i), e = nl.end(i); p < e; p++) {
                int j = nl.neighbor(p);
                if (j < i) {
                    continue;
                }
                double sx = nl.shift(p, 0), sy = nl.shift(p, 1), sz = nl.shift(p, 2);
                if (!keep(i, j, sx, sy, sz)) {
                    continue;
                }
                if (c == nb.length) {
                    nb = java.util.Arrays.copyOf(nb, 2 * c);
                    sh = java.util.Arrays.copyOf(sh, 6 * c);
                }
                nb[c] = j;
                sh[3 * c] = sx;
                sh[3 * c + 1] = sy;
                sh[3 * c + 2] = sz;
                c++;
            }
        }
        offsets[n] = c;
        return new HalfPairs(nl, offsets, nb, sh);
    }

    /**
     * @return true when the directed pair (i → j, image shift (sx, sy, sz) in Å) is the kept copy
     */
    static boolean keep(int i, int j, double sx, double sy, double sz) {
        if (j != i) {
            return j > i;
        }
        if (sx != 0) {
            return sx > 0;
        }
        if (sy != 0) {
            return sy > 0;
        }
        return sz > 0;
    }

    /**
     * Remembers the half list of the last full list seen, so MD steps that reuse a neighbor list
     * decode it once. Thread-safe: the holder is immutable and published through a volatile field.
     */
    static final class Cache {
        private volatile HalfPairs last;

        /**
         * @param atoms the structure's atom count, which the list must match
         * @return the half list of {@code nl}, cached by identity
         */
        HalfPairs of(NeighborList nl, int atoms) {
            if (nl.atoms() != atoms) {
                throw new IllegalArgumentException("the neighbor list was built for " + nl.atoms()
                        + " atoms but the structure has " + atoms + ": rebuild the list for this structure");
            }
            HalfPairs h = last;
            if (h == null || h.source != nl) {
                h = HalfPairs.of(nl);
                last = h;
            }
            return h;
        }
    }
}
