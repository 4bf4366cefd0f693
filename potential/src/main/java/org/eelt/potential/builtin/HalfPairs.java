package org.eelt.potential.builtin;

/**
 * Selects one of the two directed copies of each pair in a full neighbor list, so pair terms are
 * evaluated once and applied to both atoms (Newton's third law).
 *
 * <p>A full list holds pair (i, j, S) and its mirror (j, i, −S). The copy kept is the one with
 * j &gt; i, or, for an atom's own periodic image (j = i, S ≠ 0), the one whose shift S (Å) is
 * lexicographically positive. Negating an integer combination of cell vectors is exact in
 * floating point, so exactly one copy passes.
 */
final class HalfPairs {
    private HalfPairs() {
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
}
