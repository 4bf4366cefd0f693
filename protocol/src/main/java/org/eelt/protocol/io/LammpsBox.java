package org.eelt.protocol.io;

import java.util.Arrays;

import org.eelt.protocol.atoms.Cell;

/**
 * A LAMMPS simulation box in restricted-triclinic form, together with the orthogonal map from
 * the original Cartesian frame into the LAMMPS frame.
 *
 * <p>LAMMPS requires the cell vectors a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz) with
 * lx = xhi − xlo, ly = yhi − ylo, lz = zhi − zlo all positive. An arbitrary cell H (rows a, b, c,
 * Å) is brought into that form by the orthogonal 3×3 matrix R whose rows are the unit vectors
 * <pre>
 *   e1 = a / |a|,   e2 = (b − (b·e1) e1) / |b − (b·e1) e1|,   e3 = ± e1 × e2
 * </pre>
 * so that a vector v (position Å, force eV/Å) maps as v_lammps = R v and back as v = Rᵀ v_lammps,
 * and a virial or stress tensor (eV, eV/Å³) maps as W = Rᵀ W_lammps R. The sign of e3 is
 * + for a right-handed cell (det H &gt; 0, R is a proper rotation) and − for a left-handed one:
 * then R is a reflection (det R = −1), which is the only way to make lz positive. Either way R
 * preserves all distances and angles.
 *
 * <p>The tilt factors are not reduced: a strongly skewed cell (|xy| &gt; lx/2 …) is written as
 * it is, which modern LAMMPS accepts with a warning.
 *
 * @param xlo lower x bound (Å)
 * @param xhi upper x bound (Å)
 * @param ylo lower y bound (Å)
 * @param yhi upper y bound (Å)
 * @param zlo lower z bound (Å)
 * @param zhi upper z bound (Å)
 * @param xy  tilt factor: x component of b (Å)
 * @param xz  tilt factor: x component of c (Å)
 * @param yz  tilt factor: y component of c (Å)
 * @param rotation row-major 3×3 orthogonal matrix R with r_lammps = R r (copied in and out)
 */
public record LammpsBox(double xlo, double xhi, double ylo, double yhi, double zlo, double zhi,
                        double xy, double xz, double yz, double[] rotation) {

    /** Validates the bounds and that R is 9 finite numbers. */
    public LammpsBox {
        if (!(xhi > xlo && yhi > ylo && zhi > zlo)) {
            throw new IllegalArgumentException("LAMMPS box needs xhi > xlo, yhi > ylo, zhi > zlo, got x ["
                    + xlo + ", " + xhi + "], y [" + ylo + ", " + yhi + "], z [" + zlo + ", " + zhi + "]");
        }
        if (rotation == null || rotation.length != 9) {
            throw new IllegalArgumentException("rotation must be a row-major 3x3 matrix (9 values)");
        }
        rotation = rotation.clone();
    }

    /** @return a copy of R (row-major), r_lammps = R r. */
    @Override
    public double[] rotation() {
        return rotation.clone();
    }

    /** @return true when the box has no tilt (xy = xz = yz = 0): LAMMPS then needs no {@code xy xz yz} line. */
    public boolean isOrthogonal() {
        return xy == 0 && xz == 0 && yz == 0;
    }

    /** @return the LAMMPS cell matrix (row-major, rows a, b, c in Å): a = (lx,0,0), b = (xy,ly,0), c = (xz,yz,lz). */
    public double[] cellMatrix() {
        return new double[] {xhi - xlo, 0, 0, xy, yhi - ylo, 0, xz, yz, zhi - zlo};
    }

    /**
     * The box of a periodic (or partly periodic) cell: origin 0, R from the cell vectors as in the
     * class documentation.
     *
     * @param cell a cell with a non-singular matrix
     * @return the restricted-triclinic box and rotation
     * @throws IllegalArgumentException when the cell matrix is singular
     */
    public static LammpsBox ofCell(Cell cell) {
        double[] h = cell.matrix();
        double[] a = {h[0], h[1], h[2]};
        double[] b = {h[3], h[4], h[5]};
        double[] c = {h[6], h[7], h[8]};
        double la = norm(a);
        if (la == 0) {
            throw new IllegalArgumentException("cell vector a is zero: cannot build a LAMMPS box from " + cell);
        }
        double[] e1 = scale(a, 1 / la);
        double bx = dot(b, e1);
        double[] bPerp = {b[0] - bx * e1[0], b[1] - bx * e1[1], b[2] - bx * e1[2]};
        double lbPerp = norm(bPerp);
        if (lbPerp <= 1e-12 * Math.max(1, norm(b))) {
            throw new IllegalArgumentException("cell vectors a and b are parallel: cannot build a LAMMPS box from " + cell);
        }
        double[] e2 = scale(bPerp, 1 / lbPerp);
        double[] e3 = cross(e1, e2);
        if (dot(c, e3) < 0) {
            e3 = scale(e3, -1);
        }
        double cz = dot(c, e3);
        if (cz <= 1e-12 * Math.max(1, norm(c))) {
            throw new IllegalArgumentException("cell vector c lies in the a-b plane: cannot build a LAMMPS box from " + cell);
        }
        double[] r = {e1[0], e1[1], e1[2], e2[0], e2[1], e2[2], e3[0], e3[1], e3[2]};
        return new LammpsBox(0, la, 0, dot(b, e2), 0, cz, bx, dot(c, e1), dot(c, e2), r);
    }

    /**
     * An orthogonal box (R = identity) enclosing all atoms with a margin, for isolated structures.
     * The box is a bounding box only: the caller chooses LAMMPS {@code boundary f f f} or
     * {@code s s s}.
     *
     * @param positions 3N Cartesian positions (Å)
     * @param margin    distance (Å, &gt; 0) between the extreme atoms and the box faces
     */
    public static LammpsBox enclosing(double[] positions, double margin) {
        if (!(margin > 0)) {
            throw new IllegalArgumentException("margin must be positive (Å), got " + margin);
        }
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        if (positions.length == 0) {
            Arrays.fill(lo, 0);
            Arrays.fill(hi, 0);
        }
        for (int i = 0; i < positions.length; i++) {
            lo[i % 3] = Math.min(lo[i % 3], positions[i]);
            hi[i % 3] = Math.max(hi[i % 3], positions[i]);
        }
        return new LammpsBox(lo[0] - margin, hi[0] + margin, lo[1] - margin, hi[1] + margin,
                lo[2] - margin, hi[2] + margin, 0, 0, 0, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
    }

    /** @return R v for every 3-vector in the flat array (positions Å or forces eV/Å into the LAMMPS frame). */
    public double[] toLammps(double[] vectors) {
        return apply(rotation, vectors, false);
    }

    /** @return Rᵀ v for every 3-vector in the flat array (LAMMPS-frame positions or forces back to the original frame). */
    public double[] fromLammps(double[] vectors) {
        return apply(rotation, vectors, true);
    }

    /**
     * Rotates a LAMMPS-frame tensor (virial in eV or stress in eV/Å³, row-major 3×3) back into
     * the original frame: W = Rᵀ W_lammps R.
     */
    public double[] tensorFromLammps(double[] w) {
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 3; l++) {
                        s += rotation[3 * k + i] * w[3 * k + l] * rotation[3 * l + j];
                    }
                }
                out[3 * i + j] = s;
            }
        }
        return out;
    }

    /** @return the original-frame tensor rotated into the LAMMPS frame: W_lammps = R W Rᵀ. */
    public double[] tensorToLammps(double[] w) {
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 3; l++) {
                        s += rotation[3 * i + k] * w[3 * k + l] * rotation[3 * j + l];
                    }
                }
                out[3 * i + j] = s;
            }
        }
        return out;
    }

    private static double[] apply(double[] r, double[] v, boolean transpose) {
        if (v.length % 3 != 0) {
            throw new IllegalArgumentException("expected 3N components, got " + v.length);
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i += 3) {
            for (int row = 0; row < 3; row++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += (transpose ? r[3 * k + row] : r[3 * row + k]) * v[i + k];
                }
                out[i + row] = s;
            }
        }
        return out;
    }

    private static double dot(double[] x, double[] y) {
        return x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
    }

    private static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    private static double[] scale(double[] x, double s) {
        return new double[] {x[0] * s, x[1] * s, x[2] * s};
    }

    private static double[] cross(double[] x, double[] y) {
        return new double[] {x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LammpsBox b && xlo == b.xlo && xhi == b.xhi && ylo == b.ylo && yhi == b.yhi
                && zlo == b.zlo && zhi == b.zhi && xy == b.xy && xz == b.xz && yz == b.yz
                && Arrays.equals(rotation, b.rotation);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {xlo, xhi, ylo, yhi, zlo, zhi, xy, xz, yz}) * 31 + Arrays.hashCode(rotation);
    }

    @Override
    public String toString() {
        return "LammpsBox[x " + xlo + " " + xhi + ", y " + ylo + " " + yhi + ", z " + zlo + " " + zhi
                + ", xy xz yz " + xy + " " + xz + " " + yz + ", R=" + Arrays.toString(rotation) + "]";
    }
}
