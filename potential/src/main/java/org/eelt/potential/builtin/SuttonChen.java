package org.eelt.potential.builtin;

import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.potential.neighbor.NeighborList;
import org.eelt.protocol.atoms.Structure;

import java.util.List;

/**
 * Sutton–Chen embedded-atom potential (Sutton &amp; Chen, Phil. Mag. Lett. 61, 139 (1990)) for one
 * element, with a smooth cutoff:
 * <pre>
 *   E   = ε Σ_i [ ½ Σ_{j≠i} S(r_ij) (a/r_ij)^n − c √ρ_i ]
 *   ρ_i = Σ_{j≠i} S(r_ij) (a/r_ij)^m
 * </pre>
 * ε in eV, a and r in Å, c, n, m dimensionless. The published form has no cutoff; here both
 * pair terms are multiplied by the quintic switch
 * <pre>
 *   S(r) = 1 for r ≤ r_on;   S(r) = 1 − 10u³ + 15u⁴ − 6u⁵, u = (r − r_on)/(r_c − r_on), for r_on &lt; r &lt; r_c;   0 for r ≥ r_c
 * </pre>
 * which is C² (S, S′ and S″ continuous), so energy and forces are continuous and NVE conserves
 * energy. {@link #copper()} uses the published Cu parameters (n = 9, m = 6, ε = 1.2382e-2 eV,
 * c = 39.432, a = 3.61 Å) with r_on = 1.5 a = 5.415 Å and r_c = 2 a = 7.22 Å, which needs no
 * file. Immutable and thread-safe.
 */
public final class SuttonChen implements Potential {
    private final HalfPairs.Cache halfPairs = new HalfPairs.Cache();
    /**
     * @param element symbol the potential applies to
     * @param epsilon energy scale ε in eV (&gt; 0)
     * @param c       embedding strength c (dimensionless, &gt; 0)
     * @param a       length scale a in Å (&gt; 0)
     * @param n       repulsive exponent n (&gt; 0)
     * @param m       density exponent m (&gt; 0)
     * @param rOn     switch start r_on in Å (0 &lt; r_on &lt; r_c)
     * @param rCut    cutoff r_c in Å
     */
    public record Parameters(String element, double epsilon, double c, double a, double n, double m,
                             double rOn, double rCut) {
        /** Validates the parameters. */
        public Parameters {
            if (element == null || element.isBlank()) {
                throw new IllegalArgumentException("Sutton-Chen needs an element name");
            }
            if (!(epsilon > 0) || !(c > 0) || !(a > 0) || !(n > 0) || !(m > 0) || !(rOn > 0) || !(rCut > rOn)
                    || !Double.isFinite(epsilon + c + a + n + m + rCut)) {
                throw new IllegalArgumentException("Sutton-Chen parameters need epsilon, c, a, n, m > 0 and "
                        + "0 < rOn < rCut (Å), got " + epsilon + ", " + c + ", " + a + ", " + n + ", " + m
                        + ", rOn=" + rOn + ", rCut=" + rCut);
            }
        }
    }

    private final Parameters p;
    private final List<String> species;
    private final double rOn2;
    private final double rc2;
    private final double invWidth;
    private final int nInt;
    private final int mInt;

    /** @param parameters the parameter set */
    public SuttonChen(Parameters parameters) {
        this.p = parameters;
        this.species = List.of(parameters.element());
        this.rOn2 = parameters.rOn() * parameters.rOn();
        this.rc2 = parameters.rCut() * parameters.rCut();
        this.invWidth = 1.0 / (parameters.rCut() - parameters.rOn());
        this.nInt = parameters.n() == Math.rint(parameters.n()) && parameters.n() < 64 ? (int) parameters.n() : -1;
        this.mInt = parameters.m() == Math.rint(parameters.m()) && parameters.m() < 64 ? (int) parameters.m() : -1;
    }

    /** @return Sutton–Chen Cu (n 9, m 6, ε 1.2382e-2 eV, c 39.432, a 3.61 Å), switched from 5.415 Å to 7.22 Å. */
    public static SuttonChen copper() {
        double a = 3.61;
        return new SuttonChen(new Parameters("Cu", 1.2382e-2, 39.432, a, 9, 6, 1.5 * a, 2 * a));
    }

    /** @return the parameters. */
    public Parameters parameters() {
        return p;
    }

    @Override
    public double cutoff() {
        return p.rCut();
    }

    @Override
    public List<String> species() {
        return species;
    }

    private static double pow(double x, int k, double kd) {
        if (k < 0) {
            return Math.pow(x, kd);
        }
        double r = 1;
        double b = x;
        while (k > 0) {
            if ((k & 1) != 0) {
                r *= b;
            }
            b *= b;
            k >>= 1;
        }
        return r;
    }

    @Override
    public ForceResult compute(Structure structure, NeighborList nl) {
        HalfPairs hp = halfPairs.of(nl, structure.size());
        int n = structure.size();
        SpeciesTypes.of(structure, species, "the Sutton-Chen " + p.element() + " potential");
        double[] x = structure.positions();
        double[] rho = new double[n];
        double a = p.a();
        // pass 1: densities
        for (int i = 0; i < n; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            for (int q = hp.offsets[i], e = hp.offsets[i + 1]; q < e; q++) {
                int j = hp.neighbors[q];
                double sx = hp.shifts[3 * q], sy = hp.shifts[3 * q + 1], sz = hp.shifts[3 * q + 2];
                double dx = x[3 * j] + sx - xi, dy = x[3 * j + 1] + sy - yi, dz = x[3 * j + 2] + sz - zi;
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= rc2) {
                    continue;
                }
                double r = Math.sqrt(r2);
                double psi = pow(a / r, mInt, p.m()) * switchValue(r, r2);
                rho[i] += psi;
                rho[j] += psi;
            }
        }
        // embedding: F(ρ) = −ε c √ρ, F'(ρ) = −ε c / (2√ρ)
        ForceAccumulator acc = new ForceAccumulator(n, true);
        double[] fp = new double[n];
        for (int i = 0; i < n; i++) {
            double s = Math.sqrt(rho[i]);
            acc.atomEnergies[i] = -p.epsilon() * p.c() * s;
            fp[i] = s > 0 ? -0.5 * p.epsilon() * p.c() / s : 0;
        }
        // pass 2: pair energies and forces
        for (int i = 0; i < n; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            for (int q = hp.offsets[i], e = hp.offsets[i + 1]; q < e; q++) {
                int j = hp.neighbors[q];
                double sx = hp.shifts[3 * q], sy = hp.shifts[3 * q + 1], sz = hp.shifts[3 * q + 2];
                double dx = x[3 * j] + sx - xi, dy = x[3 * j + 1] + sy - yi, dz = x[3 * j + 2] + sz - zi;
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= rc2) {
                    continue;
                }
                double r = Math.sqrt(r2);
                double ar = a / r;
                double rn = pow(ar, nInt, p.n());
                double rm = pow(ar, mInt, p.m());
                double s = switchValue(r, r2);
                double ds = switchDerivative(r, r2);
                double phi = p.epsilon() * s * rn;
                double dphi = p.epsilon() * (ds * rn - s * p.n() * rn / r);
                double dpsi = ds * rm - s * p.m() * rm / r;
                acc.pairEnergy(i, j, phi);
                double dEdr = dphi + (fp[i] + fp[j]) * dpsi;
                acc.pair(i, j, dx, dy, dz, dEdr / r);
            }
        }
        return acc.result();
    }

    private double switchValue(double r, double r2) {
        if (r2 <= rOn2) {
            return 1;
        }
        double u = (r - p.rOn()) * invWidth;
        return 1 + u * u * u * (-10 + u * (15 - 6 * u));
    }

    private double switchDerivative(double r, double r2) {
        if (r2 <= rOn2) {
            return 0;
        }
        double u = (r - p.rOn()) * invWidth;
        return u * u * (-30 + u * (60 - 30 * u)) * invWidth;
    }
}
