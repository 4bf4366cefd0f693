package org.eelt.potential.dp;

/**
 * The embedding rows that a forward-mode pass, or a pass with tabulated embeddings, evaluates
 * for one (centre type, neighbor type) group:
 * one row per real, non-excluded neighbor slot, plus at most one row shared by all padded slots.
 *
 * <p>A padded slot has no neighbor, so its environment row is the constant
 * R̂_pad = (0 − davg)/dstd and its embedding input ŝ_pad = R̂_pad,0; every padded slot of the
 * group gives the same G(ŝ_pad), and the n_pad padded slots of atom i add
 * <pre>
 *   T_i += (n_pad/N_c)·R̂_padᵀ G(ŝ_pad)
 * </pre>
 * to the descriptor, and nothing to the forces (no neighbor moves). So the net (or its table)
 * runs once for them instead of n_pad times per atom. This holds when davg and dstd are the same on every slot
 * of the section, as DeePMD-kit computes them; when a model's statistics differ between slots,
 * the padded slots are evaluated one by one like real ones. Excluded pairs (exclude_types) have
 * R̂ = 0 and no force, so they are not evaluated at all.
 */
final class EmbeddingRows {
    /** Slot index (local atom · N_c + slot) of each evaluated real row, in row order. */
    final int[] slots;
    /** Padded slots per atom of the group (indexed like the group's atom list), or null without a shared row. */
    final int[] padCount;
    /** R̂ of the padded slots (4 entries) when {@link #padCount} is non-null. */
    final double[] padRHat;

    private EmbeddingRows(int[] slots, int[] padCount, double[] padRHat) {
        this.slots = slots;
        this.padCount = padCount;
        this.padRHat = padRHat;
    }

    /** @return rows the net evaluates: the real rows, then the shared padded row if there is one */
    int rows() {
        return slots.length + (padCount == null ? 0 : 1);
    }

    /** @return the index of the shared padded row, or −1 */
    int padRow() {
        return padCount == null ? -1 : slots.length;
    }

    /**
     * @param sel    the block's slot table (atom −1 marks padding)
     * @param masked excluded-pair slots
     * @param rHat   R̂ per slot, n·N_c·4
     * @param atoms  local indices of the group's centre atoms
     * @param sj     slots of the neighbor type's section
     * @param base   first slot of that section
     */
    static EmbeddingRows of(NeighborSelection sel, boolean[] masked, double[] rHat, int[] atoms, int sj, int base) {
        int nnei = sel.nnei;
        int real = 0;
        int firstPad = -1;
        boolean uniform = true;
        for (int a : atoms) {
            for (int s = 0; s < sj; s++) {
                int slot = a * nnei + base + s;
                if (sel.atom[slot] < 0) {
                    if (firstPad < 0) {
                        firstPad = slot;
                    } else if (uniform && !sameRow(rHat, firstPad, slot)) {
                        uniform = false;
                    }
                } else if (!masked[slot]) {
                    real++;
                }
            }
        }
        boolean shared = firstPad >= 0 && uniform;
        int[] padCount = shared ? new int[atoms.length] : null;
        int[] slots = new int[real + (firstPad >= 0 && !uniform ? countPads(sel, atoms, sj, base) : 0)];
        int r = 0;
        for (int q = 0; q < atoms.length; q++) {
            for (int s = 0; s < sj; s++) {
                int slot = atoms[q] * nnei + base + s;
                if (sel.atom[slot] < 0) {
                    if (shared) {
                        padCount[q]++;
                    } else {
                        slots[r++] = slot;
                    }
                } else if (!masked[slot]) {
                    slots[r++] = slot;
                }
            }
        }
        double[] padRHat = shared ? new double[] {rHat[4 * firstPad], rHat[4 * firstPad + 1], rHat[4 * firstPad + 2],
                rHat[4 * firstPad + 3]} : null;
        return new EmbeddingRows(slots, padCount, padRHat);
    }

    private static boolean sameRow(double[] rHat, int a, int b) {
        for (int c = 0; c < 4; c++) {
            if (Double.doubleToRawLongBits(rHat[4 * a + c]) != Double.doubleToRawLongBits(rHat[4 * b + c])) {
                return false;
            }
        }
        return true;
    }

    private static int countPads(NeighborSelection sel, int[] atoms, int sj, int base) {
        int n = 0;
        for (int a : atoms) {
            for (int s = 0; s < sj; s++) {
                if (sel.atom[a * sel.nnei + base + s] < 0) {
                    n++;
                }
            }
        }
        return n;
    }
}
