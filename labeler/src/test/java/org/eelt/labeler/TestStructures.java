package org.eelt.labeler;

import org.eelt.explorer.build.Perturbations;
import org.eelt.labeler.external.Executables;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Assumptions;

import java.util.Random;

/** Structures and helpers shared by the labeler tests. */
public final class TestStructures {
    private TestStructures() {
    }

    /** Skips the calling test when {@code binary} is not on PATH (CI installs the codes). */
    public static void assumeOnPath(String binary) {
        Assumptions.assumeTrue(Executables.onPath(binary), binary + " is not on PATH: install its Debian package");
    }

    /** @return a 4-atom fcc Cu cell (a = 3.615 Å) in the given cell matrix, atoms displaced randomly by up to {@code d} Å. */
    public static Structure fccCu(double[] cellRows, double d, long seed) {
        Cell cell = Cell.periodic(cellRows);
        double[] frac = {0, 0, 0, 0.5, 0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0.5};
        double[] r = cell.toCartesian(frac);
        Random rnd = new Random(seed);
        for (int i = 0; i < r.length; i++) {
            r[i] += d * (2 * rnd.nextDouble() - 1);
        }
        return new Structure(new String[] {"Cu", "Cu", "Cu", "Cu"}, r, cell);
    }

    /**
     * Ethanol (9 atoms, Å), non-periodic, off its minimum: a planar-backbone geometry with every atom
     * displaced by up to 0.02 Å (fixed seed). The displacement matters for xtb 6.5.1: at an exactly
     * coplanar heavy-atom backbone its analytic gradient differs from the energy's finite
     * differences by ~3e-3 eV/Å in the out-of-plane component, while at any generic geometry
     * (even 1e-6 Å off the plane) they agree.
     */
    public static Structure ethanol() {
        String[] s = {"C", "C", "O", "H", "H", "H", "H", "H", "H"};
        double[] r = {
                -0.0082, 1.3984, 0.0000,
                0.0100, -0.1213, 0.0000,
                -1.3380, -0.5770, 0.0000,
                1.0222, 1.7656, 0.0000,
                -0.5282, 1.7733, 0.8797,
                -0.5282, 1.7733, -0.8797,
                0.5230, -0.4946, 0.8820,
                0.5230, -0.4946, -0.8820,
                -1.3380, -1.5400, 0.0100};
        Random rnd = new Random(11);
        for (int i = 0; i < r.length; i++) {
            r[i] += 0.02 * (2 * rnd.nextDouble() - 1);
        }
        return new Structure(s, r, Cell.nonPeriodic());
    }

    /** @return R·v for a row-major rotation R and every 3-vector of v. */
    public static double[] rotate(double[] rot, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i += 3) {
            for (int a = 0; a < 3; a++) {
                out[i + a] = rot[3 * a] * v[i] + rot[3 * a + 1] * v[i + 1] + rot[3 * a + 2] * v[i + 2];
            }
        }
        return out;
    }

    /** @return the rotation about the unit axis (x, y, z) by angle {@code t} (rad), row-major. */
    public static double[] rotation(double x, double y, double z, double t) {
        double n = Math.sqrt(x * x + y * y + z * z);
        x /= n;
        y /= n;
        z /= n;
        double c = Math.cos(t), s = Math.sin(t), k = 1 - c;
        return new double[] {
                c + x * x * k, x * y * k - z * s, x * z * k + y * s,
                y * x * k + z * s, c + y * y * k, y * z * k - x * s,
                z * x * k - y * s, z * y * k + x * s, c + z * z * k};
    }

    /** @return the structure with positions and cell vectors rotated by R (rows of H rotated as vectors). */
    public static Structure rotated(Structure s, double[] rot) {
        Cell c = s.cell();
        Cell rc = new Cell(rotate(rot, c.matrix()), c.pbc());
        return new Structure(s.species(), rotate(rot, s.positions()), rc);
    }

    /** @return the structure strained as r' = r (I + ε), H' = H (I + ε) for a row-major ε. */
    public static Structure strained(Structure s, double[] eps) {
        double[] m = {1 + eps[0], eps[1], eps[2], eps[3], 1 + eps[4], eps[5], eps[6], eps[7], 1 + eps[8]};
        return Perturbations.deform(s, m);
    }
}
