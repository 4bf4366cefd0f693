package org.eelt.potential.dp;

import org.eelt.potential.neighbor.NeighborList;

import java.util.Arrays;

/**
 * The sel-slot neighbor table of a block of centre atoms [a0, a1), as DeePMD-kit fills it: all
 * neighbors with r ≤ r_c (pairs of excluded type pairs removed) are sorted by distance, ties
 * broken by neighbor index then image shift; the nearest sel[t] neighbors of type t fill the
 * slots of section t; empty slots are padded (atom = −1); neighbors beyond sel[t] are dropped
 * and counted in {@link #dropped}. Immutable after construction; pure function of its inputs.
 */
final class NeighborSelection {
    /** Minimum interatomic distance accepted, Å. */
    static final double MIN_DISTANCE = 0.2;

    final int a0;
    final int n;
    final int nnei;
    /** Neighbor atom per slot (n·nnei), −1 for padding. */
    final int[] atom;
    /** Displacement d = r_j + S − r_i per slot (3 per slot, Å); zero for padding. */
    final double[] d;
    /** |d| per slot (Å); 0 for padding. */
    final double[] r;
    /** Neighbors dropped because a sel section was full. */
    final long dropped;

    private NeighborSelection(int a0, int n, int nnei, int[] atom, double[] d, double[] r, long dropped) {
        this.a0 = a0;
        this.n = n;
        this.nnei = nnei;
        this.atom = atom;
        this.d = d;
        this.r = r;
        this.dropped = dropped;
    }

    /**
     * @param pos   positions (3N, Å)
     * @param types type id per atom
     * @param nl    full neighbor list covering r_c
     * @param model the model (sel, r_c, pair exclusions)
     * @param a0    first centre atom
     * @param a1    one past the last centre atom
     * @throws IllegalArgumentException when two atoms are closer than {@link #MIN_DISTANCE}
     */
    static NeighborSelection build(double[] pos, int[] types, NeighborList nl, DeepPotModel model, int a0, int a1) {
        SeE2aDescriptor desc = model.descriptor();
        int nt = desc.ntypes();
        int nnei = desc.nnei();
        int n = a1 - a0;
        double rc = desc.rcut();
        double rc2 = rc * rc;
        int[] atom = new int[n * nnei];
        Arrays.fill(atom, -1);
        double[] d = new double[3 * n * nnei];
        double[] r = new double[n * nnei];
        long dropped = 0;
        int cap = 64;
        double[] cr = new double[cap];
        int[] cp = new int[cap];
        int[] order = new int[0];
        int[] scratch = new int[0];
        int[] count = new int[nt];
        for (int i = a0; i < a1; i++) {
            int ti = types[i];
            int m = 0;
            double xi = pos[3 * i], yi = pos[3 * i + 1], zi = pos[3 * i + 2];
            for (int p = nl.start(i); p < nl.end(i); p++) {
                int j = nl.neighbor(p);
                if (model.pairExcluded(ti, types[j])) {
                    continue;
                }
                double dx = pos[3 * j] + nl.shift(p, 0) - xi;
                double dy = pos[3 * j + 1] + nl.shift(p, 1) - yi;
                double dz = pos[3 * j + 2] + nl.shift(p, 2) - zi;
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 > rc2) {
                    continue;
                }
                double rr = Math.sqrt(r2);
                if (rr < MIN_DISTANCE) {
                    throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                            "atoms %d and %d are %.4g Å apart (minimum %.2f Å): the structure is unphysical; "
                                    + "check coordinates and units (Å)", i, j, rr, MIN_DISTANCE));
                }
                if (m == cap) {
                    cap *= 2;
                    cr = Arrays.copyOf(cr, cap);
                    cp = Arrays.copyOf(cp, cap);
                }
                cr[m] = rr;
                cp[m] = p;
                m++;
            }
            if (order.length < m) {
                order = new int[cap];
                scratch = new int[cap];
            }
            for (int k = 0; k < m; k++) {
                order[k] = k;
            }
            sort(order, scratch, 0, m, cr, cp, nl);
            Arrays.fill(count, 0);
            int li = i - a0;
            for (int k = 0; k < m; k++) {
                int p = cp[order[k]];
                int j = nl.neighbor(p);
                int tj = types[j];
                if (count[tj] == desc.sel(tj)) {
                    dropped++;
                    continue;
                }
                int slot = li * nnei + desc.sectionStart(tj) + count[tj]++;
                atom[slot] = j;
                d[3 * slot] = pos[3 * j] + nl.shift(p, 0) - xi;
                d[3 * slot + 1] = pos[3 * j + 1] + nl.shift(p, 1) - yi;
                d[3 * slot + 2] = pos[3 * j + 2] + nl.shift(p, 2) - zi;
                r[slot] = cr[order[k]];
            }
        }
        return new NeighborSelection(a0, n, nnei, atom, d, r, dropped);
    }

    /** @return the order of candidates u and v: distance, then neighbor index, then list position. */
    private static int compare(int u, int v, double[] cr, int[] cp, NeighborList nl) {
        int c = Double.compare(cr[u], cr[v]);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(nl.neighbor(cp[u]), nl.neighbor(cp[v]));
        return c != 0 ? c : Integer.compare(cp[u], cp[v]);
    }

    /**
     * Sorts idx[from, to) by {@link #compare} (a total order, so the result is unique): merge sort
     * on primitive indices with insertion sort below 16 entries (the boxed {@code Arrays.sort}
     * with a comparator cost about 2 % of an inference step).
     */
    private static void sort(int[] idx, int[] tmp, int from, int to, double[] cr, int[] cp, NeighborList nl) {
        if (to - from < 16) {
            for (int i = from + 1; i < to; i++) {
                int v = idx[i];
                int j = i - 1;
                while (j >= from && compare(idx[j], v, cr, cp, nl) > 0) {
                    idx[j + 1] = idx[j];
                    j--;
                }
                idx[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(idx, tmp, from, mid, cr, cp, nl);
        sort(idx, tmp, mid, to, cr, cp, nl);
        if (compare(idx[mid - 1], idx[mid], cr, cp, nl) <= 0) {
            return;
        }
        System.arraycopy(idx, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && compare(tmp[i], tmp[j], cr, cp, nl) <= 0)) {
                idx[k] = tmp[i++];
            } else {
                idx[k] = tmp[j++];
            }
        }
    }
}
