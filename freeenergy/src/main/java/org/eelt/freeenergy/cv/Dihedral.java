package org.eelt.freeenergy.cv;

import java.util.Arrays;
import org.eelt.protocol.atoms.Cell;

/**
 * Dihedral (torsion) angle φ ∈ (−π, π] in rad of atoms i-j-k-l, IUPAC sign convention (as
 * GROMACS): with b1 = r_j − r_i, b2 = r_k − r_j, b3 = r_l − r_k (minimum image),
 * φ = atan2(|b2| b1·(b2×b3), (b1×b2)·(b2×b3)); −π is mapped to π. Periodic with period 2π.
 *
 * <p>Gradient (Blondel &amp; Karplus 1996), with F = r_i − r_j, G = r_j − r_k, H = r_l − r_k,
 * A = F×G, B = H×G: ∂φ/∂r_i = −|G|/|A|² A, ∂φ/∂r_l = |G|/|B|² B,
 * ∂φ/∂r_j = |G|/|A|² A + (F·G)/(|A|²|G|) A − (H·G)/(|B|²|G|) B,
 * ∂φ/∂r_k = −|G|/|B|² B − (F·G)/(|A|²|G|) A + (H·G)/(|B|²|G|) B.
 *
 * <p>When i-j-k or j-k-l are collinear (|A| or |B| below {@value #MIN_SIN} times the product of
 * the bond lengths) the angle is undefined: {@link DegenerateCvException}.
 *
 * @param i first atom
 * @param j second atom (axis start)
 * @param k third atom (axis end)
 * @param l fourth atom
 */
public record Dihedral(int i, int j, int k, int l) implements CollectiveVariable {
    /** Smallest sine of the two bond angles at which the dihedral is evaluated. */
    public static final double MIN_SIN = 1e-6;

    /** Validates the indices. */
    public Dihedral {
        if (i < 0 || j < 0 || k < 0 || l < 0 || i == j || i == k || i == l || j == k || j == l || k == l) {
            throw new IllegalArgumentException("dihedral needs four different non-negative atom indices, got "
                    + i + "," + j + "," + k + "," + l);
        }
    }

    @Override
    public String name() {
        return "dihedral(" + i + "," + j + "," + k + "," + l + ")";
    }

    @Override
    public String unit() {
        return "rad";
    }

    @Override
    public int[] atoms() {
        return new int[] {i, j, k, l};
    }

    @Override
    public boolean periodic() {
        return true;
    }

    @Override
    public double period() {
        return 2 * Math.PI;
    }

    @Override
    public double domainMin() {
        return -Math.PI;
    }

    @Override
    public double domainMax() {
        return Math.PI;
    }

    @Override
    public double valueAndGradient(double[] x, Cell cell, double[] grad) {
        Geometry.check(this, x, grad);
        Arrays.fill(grad, 0);
        double[] f = new double[3], g = new double[3], h = new double[3];
        Geometry.displacement(x, j, i, cell, f); // F = r_i − r_j
        Geometry.displacement(x, k, j, cell, g); // G = r_j − r_k
        Geometry.displacement(x, k, l, cell, h); // H = r_l − r_k
        double[] a = Geometry.cross(f, g), b = Geometry.cross(h, g);
        double na2 = Geometry.dot(a, a), nb2 = Geometry.dot(b, b), ng = Geometry.norm(g);
        double nf = Geometry.norm(f), nh = Geometry.norm(h);
        if (!(Math.sqrt(na2) > MIN_SIN * nf * ng) || !(Math.sqrt(nb2) > MIN_SIN * nh * ng)) {
            throw new DegenerateCvException(name() + ": atoms " + (Math.sqrt(na2) > MIN_SIN * nf * ng
                    ? j + ", " + k + ", " + l : i + ", " + j + ", " + k)
                    + " are collinear, so the dihedral and its gradient are undefined");
        }
        // IUPAC: b1 = −F, b2 = −G, b3 = H; b1·(b2×b3) = F·(G×H); (b1×b2)·(b2×b3) = (F×G)·(H×G)·(−1)·(−1)
        double[] gxh = Geometry.cross(g, h);
        double y = ng * Geometry.dot(f, gxh);
        double xx = Geometry.dot(a, b);
        double phi = Math.atan2(y, xx);
        if (phi <= -Math.PI) {
            phi = Math.PI;
        }
        double fg = Geometry.dot(f, g), hg = Geometry.dot(h, g);
        double ci = -ng / na2, cl = ng / nb2;
        double cja = fg / (na2 * ng), cjb = hg / (nb2 * ng);
        Geometry.add(grad, i, ci, a);
        Geometry.add(grad, l, cl, b);
        Geometry.add(grad, j, -ci + cja, a);
        Geometry.add(grad, j, -cjb, b);
        Geometry.add(grad, k, -cl + cjb, b);
        Geometry.add(grad, k, -cja, a);
        return phi;
    }
}
