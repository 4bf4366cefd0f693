package org.eelt.potential.neighbor;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;

import java.util.Arrays;

/**
 * Exact O(N²·images) neighbor search over all periodic images. It is the reference the fast
 * cell-list builder is tested against, and is adequate for molecules of a few hundred atoms.
 *
 * <p>For each pair (i, j) the displacement d = r_j − r_i is first reduced along each periodic
 * axis to fractional component f ∈ [−½, ½), then every image n_k ∈ [−M_k, M_k] with
 * M_k = ⌈r_list / d_k + ½⌉ (d_k the lattice-plane spacing) is tested, so no image within
 * r_list = cutoff + skin is missed however small or skewed the cell.
 *
 * <p>Pairs are stored as {@link ImageCode}s when every image fits one, else as Cartesian shifts.
 * Order: rows by atom, then by neighbor index j, then by image in loop order.
 */
public final class BruteForceNeighbors {
    private BruteForceNeighbors() {
    }

    /**
     * @param structure positions (Å) and cell
     * @param cutoff    interaction cutoff in Å (&gt; 0)
     * @param skin      skin in Å (≥ 0)
     * @return the full neighbor list with all pairs within cutoff + skin
     */
    public static NeighborList build(Structure structure, double cutoff, double skin) {
        if (!(cutoff > 0) || !(skin >= 0)) {
            throw new IllegalArgumentException("cutoff must be > 0 and skin >= 0, got " + cutoff + ", " + skin);
        }
        Cell cell = structure.cell();
        double[] r = structure.positions();
        int n = structure.size();
        double rl = cutoff + skin;
        double rl2 = rl * rl;
        int[] m = new int[3];
        for (int k = 0; k < 3; k++) {
            m[k] = cell.periodic(k) ? (int) Math.ceil(rl / cell.planeSpacing(k) + 0.5) : 0;
        }
        double[] h = cell.matrix();
        int[] offsets = new int[n + 1];
        int[] nb = new int[Math.max(16, n * 8)];
        int[] img = new int[3 * nb.length];
        int count = 0;
        boolean fits = true;
        double[] f = new double[3];
        int[] base = new int[3];
        for (int i = 0; i < n; i++) {
            offsets[i] = count;
            for (int j = 0; j < n; j++) {
                double dx = r[3 * j] - r[3 * i], dy = r[3 * j + 1] - r[3 * i + 1], dz = r[3 * j + 2] - r[3 * i + 2];
                if (cell.isPeriodic()) {
                    cell.toFractional(dx, dy, dz, f);
                    for (int k = 0; k < 3; k++) {
                        base[k] = cell.periodic(k) ? (int) -Math.floor(f[k] + 0.5) : 0;
                    }
                }
                for (int a = -m[0]; a <= m[0]; a++) {
                    for (int b = -m[1]; b <= m[1]; b++) {
                        for (int c = -m[2]; c <= m[2]; c++) {
                            int na = base[0] + a, nbb = base[1] + b, nc = base[2] + c;
                            if (i == j && na == 0 && nbb == 0 && nc == 0) {
                                continue;
                            }
                            double sx = na * h[0] + nbb * h[3] + nc * h[6];
                            double sy = na * h[1] + nbb * h[4] + nc * h[7];
                            double sz = na * h[2] + nbb * h[5] + nc * h[8];
                            double ex = dx + sx, ey = dy + sy, ez = dz + sz;
                            if (ex * ex + ey * ey + ez * ez <= rl2) {
                                if (count == nb.length) {
                                    nb = Arrays.copyOf(nb, 2 * count);
                                    img = Arrays.copyOf(img, 6 * count);
                                }
                                nb[count] = j;
                                img[3 * count] = na;
                                img[3 * count + 1] = nbb;
                                img[3 * count + 2] = nc;
                                fits &= ImageCode.fits(na, nbb, nc);
                                count++;
                            }
                        }
                    }
                }
            }
        }
        offsets[n] = count;
        nb = Arrays.copyOf(nb, count);
        if (fits) {
            int[] codes = new int[count];
            for (int p = 0; p < count; p++) {
                codes[p] = ImageCode.pack(img[3 * p], img[3 * p + 1], img[3 * p + 2]);
            }
            return new NeighborList(offsets, nb, codes, cell, cutoff, skin, r);
        }
        double[] sh = new double[3 * count];
        for (int p = 0; p < count; p++) {
            for (int k = 0; k < 3; k++) {
                sh[3 * p + k] = (double) img[3 * p] * h[k] + (double) img[3 * p + 1] * h[3 + k]
                        + (double) img[3 * p + 2] * h[6 + k];
            }
        }
        return new NeighborList(offsets, nb, sh, cutoff, skin, r);
    }
}
