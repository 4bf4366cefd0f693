package org.eelt.explorer.md;

import org.eelt.protocol.units.Units;

/**
 * Kinetic energy, temperature and pressure of a state (pure functions).
 * <pre>
 *   E_kin = ½ Σ_i m_i |v_i|² · c          (eV; c = Units.AMU_A2_PER_PS2_EV, m amu, v Å/ps)
 *   T     = 2 E_kin / (N_dof k_B)          (K)
 *   P     = (2 E_kin + tr Ξ) / (3V)        (eV/Å³; Ξ the virial in eV, V in Å³)
 *   P_ab  = (Σ_i m_i v_ia v_ib · c + Ξ_ab) / V
 * </pre>
 */
public final class Kinetics {
    private Kinetics() {
    }

    /** @return E_kin in eV. */
    public static double kineticEnergy(double[] masses, double[] v) {
        double k = 0;
        for (int i = 0; i < masses.length; i++) {
            double vx = v[3 * i], vy = v[3 * i + 1], vz = v[3 * i + 2];
            k += masses[i] * (vx * vx + vy * vy + vz * vz);
        }
        return 0.5 * k * Units.AMU_A2_PER_PS2_EV;
    }

    /** @return the kinetic tensor Σ m v_a v_b in eV (row-major 3×3, = 2 E_kin on its trace). */
    public static double[] kineticTensor(double[] masses, double[] v) {
        double[] t = new double[9];
        for (int i = 0; i < masses.length; i++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    t[3 * a + b] += masses[i] * v[3 * i + a] * v[3 * i + b];
                }
            }
        }
        for (int k = 0; k < 9; k++) {
            t[k] *= Units.AMU_A2_PER_PS2_EV;
        }
        return t;
    }

    /** @return T in K for kinetic energy (eV) and degrees of freedom. */
    public static double temperature(double kineticEnergy, int dof) {
        return dof > 0 ? 2 * kineticEnergy / (dof * Units.KB_EV_PER_K) : 0;
    }

    /** @return the scalar pressure in eV/Å³. */
    public static double pressure(double kineticEnergy, double[] virial, double volume) {
        return (2 * kineticEnergy + virial[0] + virial[4] + virial[8]) / (3 * volume);
    }
}
