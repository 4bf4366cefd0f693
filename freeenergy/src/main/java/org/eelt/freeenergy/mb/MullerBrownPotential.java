package org.eelt.freeenergy.mb;

import java.util.List;
import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.potential.neighbor.NeighborList;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.units.Units;

/**
 * A two-atom non-periodic "molecule" whose exact marginal free energy in the (x, y) coordinates of
 * atom 0 is the Müller–Brown surface (x, y in Å, 1 MB length unit = 1 Å):
 * <pre>
 *   V = ε_MB · V_MB(x_0, y_0) + k_z/2 · z_0² + k_c/2 · |r_1 − r_0 − d|²,   d = (0, 0, {@value #BOND} Å)
 * </pre>
 * Integrating out z_0 and r_1 at fixed (x_0, y_0) gives a constant (a Gaussian in z_0, and a
 * Gaussian in r_1 centred on r_0 + d whose integral does not depend on r_0), so
 * <pre>
 *   A(x, y) = ε_MB · V_MB(x, y) + const    exactly, at every temperature.
 * </pre>
 * Scale: ε_MB = {@value #SCALE_EV} eV per MB unit, so at the default {@value #TEMPERATURE} K
 * (k_BT = 0.02585 eV) one MB unit is 0.0967 k_BT: the deep minimum is 3.7 k_BT below the second
 * one, the barrier out of the deep minimum is about 10 k_BT, the shallow barrier between the two
 * upper minima under 1 k_BT. Spring constants k_z = k_c = {@value #SPRING} eV/Å². Both atoms are
 * carbon ({@value #MASS} amu); species label {@code "C"}. CVs: the Cartesian x and y of atom 0.
 */
public final class MullerBrownPotential implements Potential {
    /** ε_MB, eV per MB energy unit. */
    public static final double SCALE_EV = 2.5e-3;
    /** The reference temperature of the test system, K. */
    public static final double TEMPERATURE = 300;
    /** k_z and k_c, eV/Å². */
    public static final double SPRING = 1.0;
    /** Rest offset of atom 1 from atom 0 along z, Å. */
    public static final double BOND = 1.5;
    /** Mass of both atoms, amu (carbon). */
    public static final double MASS = 12.011;

    @Override
    public double cutoff() {
        return 1.0;
    }

    @Override
    public List<String> species() {
        return List.of("C");
    }

    /** @return the exact free energy ε_MB · V_MB(x, y) in eV (additive constant 0). */
    public static double exactFreeEnergy(double x, double y) {
        return SCALE_EV * MullerBrown.value(x, y);
    }

    /** @return the exact mean force −∇A(x, y) in eV/Å. */
    public static double[] exactMeanForce(double x, double y) {
        double[] v = MullerBrown.valueAndGradient(x, y);
        return new double[] {-SCALE_EV * v[1], -SCALE_EV * v[2]};
    }

    /** @return k_BT in eV at the reference temperature. */
    public static double kT() {
        return Units.KB_EV_PER_K * TEMPERATURE;
    }

    /** @return the two-atom structure with atom 0 at (x, y, 0) and atom 1 at its rest position. */
    public static Structure structure(double x, double y) {
        return new Structure(new String[] {"C", "C"}, new double[] {x, y, 0, x, y, BOND}, Cell.nonPeriodic());
    }

    @Override
    public ForceResult compute(Structure structure, NeighborList neighbors) {
        if (structure.size() != 2) {
            throw new IllegalArgumentException("the Müller–Brown system has exactly 2 atoms, got " + structure.size());
        }
        if (structure.cell().isPeriodic()) {
            throw new IllegalArgumentException("the Müller–Brown system is non-periodic; got cell " + structure.cell());
        }
        double[] r = structure.positions();
        double[] mb = MullerBrown.valueAndGradient(r[0], r[1]);
        double[] f = new double[6];
        f[0] = -SCALE_EV * mb[1];
        f[1] = -SCALE_EV * mb[2];
        f[2] = -SPRING * r[2];
        double dx = r[3] - r[0], dy = r[4] - r[1], dz = r[5] - r[2] - BOND;
        f[3] = -SPRING * dx;
        f[4] = -SPRING * dy;
        f[5] = -SPRING * dz;
        f[0] += SPRING * dx;
        f[1] += SPRING * dy;
        f[2] += SPRING * dz;
        double e0 = SCALE_EV * mb[0] + 0.5 * SPRING * r[2] * r[2];
        double e1 = 0.5 * SPRING * (dx * dx + dy * dy + dz * dz);
        double[] vir = new double[9];
        for (int k = 0; k < 2; k++) {
            for (int p = 0; p < 3; p++) {
                for (int c = 0; c < 3; c++) {
                    vir[3 * p + c] += r[3 * k + p] * f[3 * k + c];
                }
            }
        }
        return new ForceResult(e0 + e1, f, vir, new double[] {e0, e1}, null);
    }

    /** @return a canonical description for provenance. */
    @Override
    public String toString() {
        return "muller-brown:scale=" + SCALE_EV + "eV,spring=" + SPRING + "eV/A2,bond=" + BOND + "A,mass=" + MASS;
    }
}
