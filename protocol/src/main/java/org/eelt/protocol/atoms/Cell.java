package org.eelt.protocol.atoms;

import java.util.Arrays;

/**
 * A simulation cell: three cell vectors <b>a</b>, <b>b</b>, <b>c</b> (the rows of a 3×3
 * matrix, in Å) and a periodic-boundary flag per axis.
 *
 * <p>Cartesian position r and fractional coordinates f are related by r = f · H, where H is
 * the row matrix {@code [a; b; c]}. Along a non-periodic axis the cell vector still defines the
 * frame (it may be any non-degenerate vector); a fully non-periodic structure uses
 * {@link #nonPeriodic()}, whose matrix is the identity.
 *
 * <p>Immutable: arrays are copied on the way in and out.
 */
public final class Cell {
    private static final Cell NON_PERIODIC = new Cell(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1},
            new boolean[] {false, false, false});

    private final double[] h;
    private final boolean[] pbc;
    private final double[] inv;
    private final double volume;

    /**
     * @param matrix row-major 3×3 cell matrix in Å, rows are the cell vectors a, b, c
     * @param pbc    periodic flags for the a, b, c axes
     * @throws IllegalArgumentException when the matrix is not 9 finite numbers, or a periodic
     *                                  cell is degenerate (volume ≈ 0)
     */
    public Cell(double[] matrix, boolean[] pbc) {
        if (matrix == null || matrix.length != 9) {
            throw new IllegalArgumentException("cell matrix must have 9 entries (rows a, b, c), got "
                    + (matrix == null ? "null" : matrix.length));
        }
        if (pbc == null || pbc.length != 3) {
            throw new IllegalArgumentException("pbc must have 3 flags, got " + (pbc == null ? "null" : pbc.length));
        }
        for (double v : matrix) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("cell matrix has a non-finite entry: " + Arrays.toString(matrix));
            }
        }
        this.h = matrix.clone();
        this.pbc = pbc.clone();
        this.volume = det(h);
        if (Math.abs(volume) < 1e-12) {
            if (isPeriodic()) {
                throw new IllegalArgumentException("periodic cell is degenerate (volume "
                        + volume + " Å^3): give three linearly independent cell vectors");
            }
            this.inv = null;
        } else {
            this.inv = inverse(h, volume);
        }
    }

    /** @return a fully periodic cell with the given row-major matrix (Å). */
    public static Cell periodic(double... matrix) {
        return new Cell(matrix, new boolean[] {true, true, true});
    }

    /** @return a fully periodic orthorhombic cell with edges a, b, c (Å). */
    public static Cell orthorhombic(double a, double b, double c) {
        return periodic(a, 0, 0, 0, b, 0, 0, 0, c);
    }

    /** @return the cell of an isolated (non-periodic) structure. */
    public static Cell nonPeriodic() {
        return NON_PERIODIC;
    }

    /** @return a copy of the row-major matrix (Å). */
    public double[] matrix() {
        return h.clone();
    }

    /** @return entry H[row][col] in Å. */
    public double get(int row, int col) {
        return h[3 * row + col];
    }

    /** @return a copy of the periodic flags. */
    public boolean[] pbc() {
        return pbc.clone();
    }

    /** @return whether axis {@code axis} (0 = a, 1 = b, 2 = c) is periodic. */
    public boolean periodic(int axis) {
        return pbc[axis];
    }

    /** @return true when at least one axis is periodic. */
    public boolean isPeriodic() {
        return pbc[0] || pbc[1] || pbc[2];
    }

    /** @return true when all three axes are periodic. */
    public boolean isFullyPeriodic() {
        return pbc[0] && pbc[1] && pbc[2];
    }

    /** @return |det H|, the cell volume in Å³ (meaningful when fully periodic). */
    public double volume() {
        return Math.abs(volume);
    }

    /** @return the signed determinant of H in Å³. */
    public double signedVolume() {
        return volume;
    }

    /** @return the length of cell vector {@code axis} in Å. */
    public double length(int axis) {
        double x = h[3 * axis], y = h[3 * axis + 1], z = h[3 * axis + 2];
        return Math.sqrt(x * x + y * y + z * z);
    }

    /**
     * Distance between the two lattice planes spanned by the other two vectors, in Å:
     * d_k = V / |a_i × a_j|. A sphere of radius r fits in the cell along axis k iff r ≤ d_k / 2.
     */
    public double planeSpacing(int axis) {
        int i = (axis + 1) % 3, j = (axis + 2) % 3;
        double cx = h[3 * i + 1] * h[3 * j + 2] - h[3 * i + 2] * h[3 * j + 1];
        double cy = h[3 * i + 2] * h[3 * j] - h[3 * i] * h[3 * j + 2];
        double cz = h[3 * i] * h[3 * j + 1] - h[3 * i + 1] * h[3 * j];
        return Math.abs(volume) / Math.sqrt(cx * cx + cy * cy + cz * cz);
    }

    private void requireInvertible() {
        if (inv == null) {
            throw new IllegalStateException("cell matrix is singular: fractional coordinates are undefined");
        }
    }

    /** Converts a Cartesian vector (Å) to fractional coordinates: f = r · H⁻¹. Writes into {@code out}. */
    public void toFractional(double x, double y, double z, double[] out) {
        requireInvertible();
        out[0] = x * inv[0] + y * inv[3] + z * inv[6];
        out[1] = x * inv[1] + y * inv[4] + z * inv[7];
        out[2] = x * inv[2] + y * inv[5] + z * inv[8];
    }

    /** Converts fractional coordinates to a Cartesian vector (Å): r = f · H. Writes into {@code out}. */
    public void toCartesian(double fa, double fb, double fc, double[] out) {
        out[0] = fa * h[0] + fb * h[3] + fc * h[6];
        out[1] = fa * h[1] + fb * h[4] + fc * h[7];
        out[2] = fa * h[2] + fb * h[5] + fc * h[8];
    }

    /** @return fractional coordinates (3N) of Cartesian positions (3N, Å). */
    public double[] toFractional(double[] positions) {
        double[] out = new double[positions.length];
        double[] f = new double[3];
        for (int i = 0; i < positions.length; i += 3) {
            toFractional(positions[i], positions[i + 1], positions[i + 2], f);
            System.arraycopy(f, 0, out, i, 3);
        }
        return out;
    }

    /** @return Cartesian positions (3N, Å) of fractional coordinates (3N). */
    public double[] toCartesian(double[] fractional) {
        double[] out = new double[fractional.length];
        double[] r = new double[3];
        for (int i = 0; i < fractional.length; i += 3) {
            toCartesian(fractional[i], fractional[i + 1], fractional[i + 2], r);
            System.arraycopy(r, 0, out, i, 3);
        }
        return out;
    }

    /**
     * Minimum-image convention for a displacement d (Å), in place: along each periodic axis
     * the fractional component is shifted into [−½, ½). This is the exact nearest image for
     * orthorhombic cells and for any cell when |d| is below half the smallest
     * {@link #planeSpacing(int)}; for strongly skewed cells and long vectors use a neighbor
     * list, which searches all images.
     */
    public void minimumImage(double[] d) {
        if (!isPeriodic()) {
            return;
        }
        double[] f = new double[3];
        toFractional(d[0], d[1], d[2], f);
        for (int k = 0; k < 3; k++) {
            if (pbc[k]) {
                f[k] -= Math.floor(f[k] + 0.5);
            }
        }
        toCartesian(f[0], f[1], f[2], d);
    }

    /** @return positions (3N, Å) with each atom wrapped into the cell along the periodic axes. */
    public double[] wrap(double[] positions) {
        if (!isPeriodic()) {
            return positions.clone();
        }
        double[] out = new double[positions.length];
        double[] f = new double[3];
        double[] r = new double[3];
        for (int i = 0; i < positions.length; i += 3) {
            toFractional(positions[i], positions[i + 1], positions[i + 2], f);
            for (int k = 0; k < 3; k++) {
                if (pbc[k]) {
                    f[k] -= Math.floor(f[k]);
                }
            }
            toCartesian(f[0], f[1], f[2], r);
            System.arraycopy(r, 0, out, i, 3);
        }
        return out;
    }

    /** @return a cell with the same flags and the matrix scaled by the 3×3 row-major deformation: H' = H · (I + ε)ᵀ applied as H' = H · M. */
    public Cell transformed(double[] m) {
        double[] out = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                out[3 * r + c] = h[3 * r] * m[c] + h[3 * r + 1] * m[3 + c] + h[3 * r + 2] * m[6 + c];
            }
        }
        return new Cell(out, pbc);
    }

    static double det(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7])
                - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    private static double[] inverse(double[] m, double d) {
        return new double[] {
                (m[4] * m[8] - m[5] * m[7]) / d, (m[2] * m[7] - m[1] * m[8]) / d, (m[1] * m[5] - m[2] * m[4]) / d,
                (m[5] * m[6] - m[3] * m[8]) / d, (m[0] * m[8] - m[2] * m[6]) / d, (m[2] * m[3] - m[0] * m[5]) / d,
                (m[3] * m[7] - m[4] * m[6]) / d, (m[1] * m[6] - m[0] * m[7]) / d, (m[0] * m[4] - m[1] * m[3]) / d};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cell c && Arrays.equals(h, c.h) && Arrays.equals(pbc, c.pbc);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(h) + Arrays.hashCode(pbc);
    }

    @Override
    public String toString() {
        return "Cell" + Arrays.toString(h) + " pbc=" + Arrays.toString(pbc);
    }
}
