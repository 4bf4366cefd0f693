package org.eelt.explorer.build;

import java.util.SplittableRandom;

import org.eelt.protocol.atoms.Structure;

/**
 * Point defects of a structure: vacancies (atoms removed, cell and all other positions kept).
 * A vacancy cell of a perfect crystal is built as {@code Defects.vacancies(Bulk.fcc("Cu", a, 2), 1, seed)}:
 * 31 atoms in the 32-atom cell, so the vacancy and its periodic images are one cell vector apart.
 */
public final class Defects {
    private Defects() {
    }

    /**
     * Removes {@code count} distinct atoms chosen uniformly at random (seeded); the remaining atoms
     * keep their order, species, positions and the cell.
     *
     * @param count vacancies, 0 ≤ count &lt; number of atoms
     * @param seed  random seed (same seed, same vacancies)
     * @throws IllegalArgumentException when count is negative or would leave no atom
     */
    public static Structure vacancies(Structure s, int count, long seed) {
        if (count < 0 || count >= s.size()) {
            throw new IllegalArgumentException("vacancies must be in 0.." + (s.size() - 1) + " for a structure of "
                    + s.size() + " atoms, got " + count);
        }
        int[] order = new int[s.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) { // partial Fisher-Yates: the first count entries are the removed atoms
            int j = i + rng.nextInt(order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] removed = new boolean[s.size()];
        for (int i = 0; i < count; i++) {
            removed[order[i]] = true;
        }
        return without(s, removed);
    }

    /**
     * @param atoms indices (0-based) of the atoms to remove; duplicates count once
     * @return the structure without those atoms
     * @throws IllegalArgumentException when an index is out of range or no atom would remain
     */
    public static Structure remove(Structure s, int... atoms) {
        boolean[] removed = new boolean[s.size()];
        for (int a : atoms) {
            if (a < 0 || a >= s.size()) {
                throw new IllegalArgumentException("atom index " + a + " is outside 0.." + (s.size() - 1));
            }
            removed[a] = true;
        }
        return without(s, removed);
    }

    private static Structure without(Structure s, boolean[] removed) {
        int kept = 0;
        for (boolean r : removed) {
            kept += r ? 0 : 1;
        }
        if (kept == 0) {
            throw new IllegalArgumentException("removing every atom leaves an empty structure");
        }
        String[] sp = new String[kept];
        double[] r = new double[3 * kept];
        double[] r0 = s.positions();
        int k = 0;
        for (int i = 0; i < s.size(); i++) {
            if (!removed[i]) {
                sp[k] = s.species(i);
                System.arraycopy(r0, 3 * i, r, 3 * k, 3);
                k++;
            }
        }
        return new Structure(sp, r, s.cell());
    }
}
