package org.eelt.freeenergy.cv;

import java.util.Arrays;
import org.eelt.protocol.atoms.Cell;

/**
 * Bond angle θ ∈ [0, π] (rad) at the vertex atom j between u = r_i − r_j and v = r_k − r_j:
 * θ = atan2(|u × v|, u·v). Gradients: ∂θ/∂r_i = (cos θ û − v̂)/(|u| sin θ),
 * ∂θ/∂r_k = (cos θ v̂ − û)/(|v| sin θ), ∂θ/∂r_j = −∂θ/∂r_i − ∂θ/∂r_k. Undefined (and reported as
 * {@link DegenerateCvException}) when sin θ &lt; {@value #MIN_SIN}, i.e. for collinear atoms.
 *
 * @param i first end atom
 * @param j vertex atom
 * @param k second end atom
 */
public record Angle(int i, int j, int k) implements CollectiveVariable {
    /** Smallest |sin θ| at which the gradient is evaluated. */
    public static final double MIN_SIN = 1e-8;

    /** Validates the indices. */
    public Angle {
        if (i < 0 || j < 0 || k < 0 || i == j || j == k || i == k) {
            throw new IllegalArgumentException("angle needs three different non-negative atom indices, got "
                    + i + "," + j + "," + k);
        }
    }

    @Override
    public String name() {
        return "angle(" + i + "," + j + "," + k + ")";
    }

    @Override
    public String unit() {
        return "rad";
    }

    @Override
    public int[] atoms() {
        return new int[] {i, j, k};
    }

    @Override
    public double domainMin() {
        return 0;
    }

    @Override
    public double domainMax() {
        return Math.PI;
    }

    @Override
    public double valueAndGradient(double[] x, Cell cell, double[] grad) {
        Geometry.check(this, x, grad);
        Arrays.fill(grad, 0);
        double[] u = new double[3], v = new double[3];
        Geometry.displacement(x, j, i, cell, u);
        Geometry.displacement(x, j, k, cell, v);
        double nu = Geometry.norm(u), nv = Geometry.norm(v);
        if (nu == 0 || nv == 0) {
            throw new DegenerateCvException(name() + ": an end atom coincides with the vertex atom " + j);
        }
        double sin = Geometry.norm(Geometry.cross(u, v)) / (nu * nv);
        double cos = Geometry.dot(u, v) / (nu * nv);
        if (sin < MIN_SIN) {
            throw new DegenerateCvException(name() + ": atoms " + i + ", " + j + ", " + k
                    + " are collinear (sin θ = " + sin + "), the angle's gradient is undefined");
        }
        double theta = Math.atan2(sin, cos);
        for (int c = 0; c < 3; c++) {
            double gi = (cos * u[c] / nu - v[c] / nv) / (nu * sin);
            double gk = (cos * v[c] / nv - u[c] / nu) / (nv * sin);
            grad[3 * i + c] = gi;
            grad[3 * k + c] = gk;
            grad[3 * j + c] = -gi - gk;
        }
        return theta;
    }
}
