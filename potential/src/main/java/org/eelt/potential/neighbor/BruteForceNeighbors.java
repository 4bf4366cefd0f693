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
        double[] sh = new double[3 * nb.length];
        int count = 0;
        double[] f = new double[3];
        for (int i = 0; i < n; i++) {
            offsets[i] = count;
            for (int j = 0; j < n; j++) {
                double dx = r[3 * j] - r[3 * i], dy = r[3 * j + 1] - r[3 * i + 1], dz = r[3 * j + 2] - r[3 * i + 2];
                double[] base = {0, 0, 0};
                if (cell.isPeriodic()) {
                    cell.toFractional(dx, dy, dz, f);
                    for (int k = 0; k < 3; k++) {
                        base[k] = cell.periodic(k) ? -Math.floor(f[k] + 0.5) : 0;
                    }
                }
                for (int a = -m[0]; a <= m[0]; a++) {
                    for (int b = -m[1]; b <= m[1]; b++) {
                        for (int c = -m[2]; c <= m[2]; c++) {
                            double na = base[0] + a, nbb = base[1] + b, nc = base[2] + c;
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
                                    sh = Arrays.copyOf(sh, 6 * count);
                                }
                                nb[count] = j;
                                sh[3 * count] = sx;
                                sh[3 * count + 1] = sy;
                                sh[3 * count + 2] = sz;
                                count++;
                            }
                        }
                    }
                }
            }
        }
        offsets[n] = count;
        return new NeighborList(offsets, Arrays.copyOf(nb, count), Arrays.copyOf(sh, 3 * count), cutoff, skin, r);
    }
}
