package org.eelt.explorer.build;

import org.eelt.protocol.atoms.Structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Random substitutional alloys on the sites of a given structure. */
public final class Alloys {
    private Alloys() {
    }

    /**
     * Relabels the sites of {@code lattice} with species drawn to match a composition exactly:
     * species k gets ⌊N·x_k⌋ sites plus one for the largest remainders until all N are used,
     * then the labels are shuffled over the sites (Fisher–Yates with a seeded
     * {@link SplittableRandom}). Positions and cell are unchanged.
     *
     * @param lattice     the sites
     * @param composition species → fraction (positive; normalized to sum 1), in iteration order
     * @param seed        the random seed (same seed, same alloy)
     * @throws IllegalArgumentException for an empty composition or a non-positive fraction
     */
    public static Structure randomSubstitution(Structure lattice, Map<String, Double> composition, long seed) {
        if (composition.isEmpty()) {
            throw new IllegalArgumentException("composition is empty: give species -> fraction, e.g. {Al=0.5, Cu=0.5}");
        }
        Map<String, Double> comp = new LinkedHashMap<>(composition);
        double total = 0;
        for (Map.Entry<String, Double> e : comp.entrySet()) {
            if (e.getValue() == null || !(e.getValue() > 0) || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("fraction of " + e.getKey() + " must be > 0, got " + e.getValue());
            }
            total += e.getValue();
        }
        int n = lattice.size();
        List<String> names = new ArrayList<>(comp.keySet());
        int[] counts = new int[names.size()];
        double[] rem = new double[names.size()];
        int used = 0;
        for (int k = 0; k < names.size(); k++) {
            double want = n * comp.get(names.get(k)) / total;
            counts[k] = (int) Math.floor(want);
            rem[k] = want - counts[k];
            used += counts[k];
        }
        while (used < n) {
            int best = 0;
            for (int k = 1; k < rem.length; k++) {
                if (rem[k] > rem[best]) {
                    best = k;
                }
            }
            counts[best]++;
            rem[best] = -1;
            used++;
        }
        String[] labels = new String[n];
        int p = 0;
        for (int k = 0; k < names.size(); k++) {
            for (int c = 0; c < counts[k]; c++) {
                labels[p++] = names.get(k);
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            String t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        return new Structure(labels, lattice.positions(), lattice.cell());
    }
}
