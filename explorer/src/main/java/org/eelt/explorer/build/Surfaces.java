package org.eelt.explorer.build;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;

/**
 * Surface slabs: fcc (100), (110), (111) and hcp (0001). The surface normal is z. The cell is
 * <b>periodic in all three directions</b> (pbc T T T) with a vacuum gap along z: c = slab
 * thickness + {@code vacuum}, so the gap between the top layer and the periodic image of the
 * bottom layer is exactly {@code vacuum} Å (at least one interlayer spacing) and the slab sits in
 * the middle of the cell. Fully
 * periodic slabs work unchanged with every neighbor list, MD code and plane-wave oracle; choose a
 * vacuum larger than the potential's cutoff so the two faces do not interact.
 *
 * <p>In-plane cells (a is the cubic lattice constant, all lengths Å):
 * <ul>
 *   <li>fcc(100): square, side a/√2, one atom per layer, layer spacing a/2, ABAB stacking</li>
 *   <li>fcc(110): rectangle a/√2 × a, one atom per layer, spacing a/(2√2), ABAB</li>
 *   <li>fcc(111): hexagonal, side a/√2 (60° between a₁ and a₂), spacing a/√3, ABC stacking</li>
 *   <li>hcp(0001): hexagonal, side a, spacing c/2, ABAB stacking</li>
 * </ul>
 * Atoms are ordered layer by layer from the bottom.
 */
public final class Surfaces {
    private Surfaces() {
    }

    /** @return an fcc(100) slab of {@code layers} atomic layers, nx×ny surface cells. */
    public static Structure fcc100(String element, double a, int layers, int nx, int ny, double vacuum) {
        Bulk.requirePositive("lattice constant a", a);
        double d = a / Math.sqrt(2);
        return slab(element, new double[] {d, 0, 0, 0, d, 0}, a / 2, new double[][] {{0, 0}, {0.5, 0.5}},
                layers, nx, ny, vacuum);
    }

    /** @return an fcc(110) slab. */
    public static Structure fcc110(String element, double a, int layers, int nx, int ny, double vacuum) {
        Bulk.requirePositive("lattice constant a", a);
        return slab(element, new double[] {a / Math.sqrt(2), 0, 0, 0, a, 0}, a / (2 * Math.sqrt(2)),
                new double[][] {{0, 0}, {0.5, 0.5}}, layers, nx, ny, vacuum);
    }

    /** @return an fcc(111) slab. */
    public static Structure fcc111(String element, double a, int layers, int nx, int ny, double vacuum) {
        Bulk.requirePositive("lattice constant a", a);
        double d = a / Math.sqrt(2);
        return slab(element, new double[] {d, 0, 0, 0.5 * d, 0.5 * Math.sqrt(3) * d, 0}, a / Math.sqrt(3),
                new double[][] {{0, 0}, {1.0 / 3, 1.0 / 3}, {2.0 / 3, 2.0 / 3}}, layers, nx, ny, vacuum);
    }

    /** @return an hcp(0001) slab with lattice constants a and c (Å). */
    public static Structure hcp0001(String element, double a, double c, int layers, int nx, int ny, double vacuum) {
        Bulk.requirePositive("lattice constant a", a);
        Bulk.requirePositive("lattice constant c", c);
        return slab(element, new double[] {a, 0, 0, 0.5 * a, 0.5 * Math.sqrt(3) * a, 0}, c / 2,
                new double[][] {{0, 0}, {1.0 / 3, 1.0 / 3}}, layers, nx, ny, vacuum);
    }

    /**
     * @param inPlane  a₁ and a₂ (6 numbers, z components 0)
     * @param spacing  interlayer distance (Å)
     * @param stacking fractional in-plane offset of each layer in the stacking sequence
     */
    private static Structure slab(String element, double[] inPlane, double spacing, double[][] stacking,
                                  int layers, int nx, int ny, double vacuum) {
        if (layers < 1 || nx < 1 || ny < 1) {
            throw new IllegalArgumentException("a slab needs layers, nx, ny >= 1, got " + layers + ", " + nx + ", " + ny);
        }
        if (!(vacuum >= 0) || !Double.isFinite(vacuum)) {
            throw new IllegalArgumentException("vacuum must be >= 0 Å, got " + vacuum);
        }
        double thickness = (layers - 1) * spacing;
        double c = thickness + Math.max(vacuum, spacing);
        double z0 = 0.5 * (c - thickness);
        int n = layers * nx * ny;
        String[] sp = new String[n];
        double[] r = new double[3 * n];
        int k = 0;
        for (int l = 0; l < layers; l++) {
            double[] off = stacking[l % stacking.length];
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++, k++) {
                    double fa = i + off[0], fb = j + off[1];
                    sp[k] = element;
                    r[3 * k] = fa * inPlane[0] + fb * inPlane[3];
                    r[3 * k + 1] = fa * inPlane[1] + fb * inPlane[4];
                    r[3 * k + 2] = z0 + l * spacing;
                }
            }
        }
        Cell cell = Cell.periodic(nx * inPlane[0], nx * inPlane[1], 0, ny * inPlane[3], ny * inPlane[4], 0, 0, 0, c);
        return new Structure(sp, cell.wrap(r), cell);
    }
}
