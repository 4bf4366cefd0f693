package org.eelt.freeenergy.cv;

import java.util.Arrays;
import org.eelt.protocol.atoms.Cell;

/**
 * Distance s = |r_j − r_i| in Å (minimum image in a periodic cell); ∂s/∂r_j = d/s = −∂s/∂r_i with
 * d = r_j − r_i. Domain [0, ∞); the gradient is undefined at s = 0.
 *
 * @param i first atom (0-based)
 * @param j second atom
 */
public record Distance(int i, int j) implements CollectiveVariable {
    /** Validates the indices. */
    public Distance {
        if (i < 0 || j < 0 || i == j) {
            throw new IllegalArgumentException("distance needs two different non-negative atom indices, got " + i
                    + " and " + j);
        }
    }

    @Override
    public String name() {
        return "distance(" + i + "," + j + ")";
    }

    @Override
    public String unit() {
        return "A";
    }

    @Override
    public int[] atoms() {
        return new int[] {i, j};
    }

    @Override
    public double domainMin() {
        return 0;
    }

    @Override
    public double domainMax() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean validCenter(double s0) {
        return Double.isFinite(s0) && s0 >= 0;
    }

    @Override
    public double valueAndGradient(double[] x, Cell cell, double[] grad) {
        Geometry.check(this, x, grad);
        Arrays.fill(grad, 0);
        double[] d = new double[3];
        Geometry.displacement(x, i, j, cell, d);
        double s = Geometry.norm(d);
        if (s == 0) {
            throw new DegenerateCvException(name() + ": atoms " + i + " and " + j + " coincide, the gradient is undefined");
        }
        Geometry.add(grad, j, 1 / s, d);
        Geometry.add(grad, i, -1 / s, d);
        return s;
    }
}
