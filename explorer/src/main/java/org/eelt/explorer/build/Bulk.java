package org.eelt.explorer.build;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;

import java.util.Arrays;

/**
 * Bulk crystals of one element in their conventional cells, periodic in all directions, and
 * supercells of any structure. Lattice constants in Å.
 * <ul>
 *   <li>{@link #fcc}: cubic, 4 atoms, nearest-neighbor distance a/√2, 12 neighbors</li>
 *   <li>{@link #bcc}: cubic, 2 atoms, a√3/2, 8 neighbors</li>
 *   <li>{@link #sc}: cubic, 1 atom, a, 6 neighbors</li>
 *   <li>{@link #diamond}: cubic, 8 atoms, a√3/4, 4 neighbors</li>
 *   <li>{@link #hcp}: hexagonal (a, a at 120°, c), 2 atoms at (0,0,0) and (1/3, 2/3, 1/2),
 *       12 neighbors when c/a = √(8/3)</li>
 * </ul>
 */
public final class Bulk {
    private Bulk() {
    }

    /** @return the 4-atom conventional fcc cell with lattice constant a (Å), repeated n×n×n. */
    public static Structure fcc(String element, double a, int n) {
        return supercell(cubic(element, a, new double[] {0, 0, 0, 0.5, 0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0.5}), n, n, n);
    }

    /** @return the 2-atom conventional bcc cell (a in Å), repeated n×n×n. */
    public static Structure bcc(String element, double a, int n) {
        return supercell(cubic(element, a, new double[] {0, 0, 0, 0.5, 0.5, 0.5}), n, n, n);
    }

    /** @return the simple cubic cell (a in Å), repeated n×n×n. */
    public static Structure sc(String element, double a, int n) {
        return supercell(cubic(element, a, new double[] {0, 0, 0}), n, n, n);
    }

    /** @return the 8-atom conventional diamond cell (a in Å), repeated n×n×n. */
    public static Structure diamond(String element, double a, int n) {
        double[] f = {0, 0, 0, 0.5, 0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0.5,
                0.25, 0.25, 0.25, 0.75, 0.75, 0.25, 0.75, 0.25, 0.75, 0.25, 0.75, 0.75};
        return supercell(cubic(element, a, f), n, n, n);
    }

    /**
     * @return the 2-atom hexagonal hcp cell with a and c in Å (a₁ = (a, 0, 0),
     *         a₂ = (−a/2, a√3/2, 0), a₃ = (0, 0, c)), repeated nx×ny×nz
     */
    public static Structure hcp(String element, double a, double c, int nx, int ny, int nz) {
        requirePositive("a", a);
        requirePositive("c", c);
        Cell cell = Cell.periodic(a, 0, 0, -0.5 * a, 0.5 * Math.sqrt(3) * a, 0, 0, 0, c);
        double[] r = cell.toCartesian(new double[] {0, 0, 0, 1.0 / 3, 2.0 / 3, 0.5});
        return supercell(new Structure(new String[] {element, element}, r, cell), nx, ny, nz);
    }

    private static Structure cubic(String element, double a, double[] fractional) {
        requirePositive("lattice constant a", a);
        Cell cell = Cell.orthorhombic(a, a, a);
        String[] s = new String[fractional.length / 3];
        Arrays.fill(s, element);
        return new Structure(s, cell.toCartesian(fractional), cell);
    }

    /**
     * Repeats a structure na×nb×nc times along its cell vectors. Atom order: the original atoms
     * for image (0,0,0), then (0,0,1), ... with the c index fastest.
     *
     * @throws IllegalArgumentException when a repeat count is below 1
     */
    public static Structure supercell(Structure s, int na, int nb, int nc) {
        if (na < 1 || nb < 1 || nc < 1) {
            throw new IllegalArgumentException("supercell repeats must be >= 1, got " + na + "x" + nb + "x" + nc);
        }
        double[] h = s.cell().matrix();
        int n = s.size();
        int reps = na * nb * nc;
        String[] sp = new String[n * reps];
        double[] r = new double[3 * n * reps];
        double[] r0 = s.positions();
        int k = 0;
        for (int i = 0; i < na; i++) {
            for (int j = 0; j < nb; j++) {
                for (int l = 0; l < nc; l++) {
                    double sx = i * h[0] + j * h[3] + l * h[6];
                    double sy = i * h[1] + j * h[4] + l * h[7];
                    double sz = i * h[2] + j * h[5] + l * h[8];
                    for (int a = 0; a < n; a++, k++) {
                        sp[k] = s.species(a);
                        r[3 * k] = r0[3 * a] + sx;
                        r[3 * k + 1] = r0[3 * a + 1] + sy;
                        r[3 * k + 2] = r0[3 * a + 2] + sz;
                    }
                }
            }
        }
        double[] hs = {na * h[0], na * h[1], na * h[2], nb * h[3], nb * h[4], nb * h[5], nc * h[6], nc * h[7], nc * h[8]};
        return new Structure(sp, r, new Cell(hs, s.cell().pbc()));
    }

    static void requirePositive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive length in Å, got " + v);
        }
    }
}
