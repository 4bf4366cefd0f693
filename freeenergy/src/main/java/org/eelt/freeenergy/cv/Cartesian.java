package org.eelt.freeenergy.cv;

import java.util.Arrays;
import org.eelt.protocol.atoms.Cell;

/**
 * A Cartesian component s = x_{atom, axis} (Å) of one atom's position, as stored (no wrapping);
 * ∂s/∂x is the unit vector of that coordinate. Meant for isolated systems (the Müller–Brown
 * particle) and for CG site positions; in a periodic cell the value jumps when the MD engine
 * wraps the atom, so prefer distances there.
 *
 * @param atom the atom (0-based)
 * @param axis 0 = x, 1 = y, 2 = z
 */
public record Cartesian(int atom, int axis) implements CollectiveVariable {
    /** Validates the indices. */
    public Cartesian {
        if (atom < 0 || axis < 0 || axis > 2) {
            throw new IllegalArgumentException("cartesian CV needs atom >= 0 and axis 0, 1 or 2, got atom " + atom
                    + " axis " + axis);
        }
    }

    @Override
    public String name() {
        return "xyz".charAt(axis) + "(" + atom + ")";
    }

    @Override
    public String unit() {
        return "A";
    }

    @Override
    public int[] atoms() {
        return new int[] {atom};
    }

    @Override
    public double domainMin() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double domainMax() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double valueAndGradient(double[] x, Cell cell, double[] grad) {
        Geometry.check(this, x, grad);
        Arrays.fill(grad, 0);
        grad[3 * atom + axis] = 1;
        return x[3 * atom + axis];
    }
}
