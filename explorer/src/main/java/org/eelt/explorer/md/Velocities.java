package org.eelt.explorer.md;

import org.eelt.protocol.units.Units;

/** Initial velocities. */
public final class Velocities {
    private Velocities() {
    }

    /**
     * Draws Maxwell–Boltzmann velocities at temperature T: v_ia = √(k_B T / m_i · 1/c) ξ with ξ
     * standard normal (c = Units.AMU_A2_PER_PS2_EV, giving Å/ps), removes the centre-of-mass
     * velocity of the free atoms (when there are at least two), and rescales so the temperature
     * is exactly T for {@code dof} degrees of freedom. Fixed atoms get zero.
     *
     * @param state       the state to fill
     * @param temperature T in K (≥ 0)
     * @param dof         degrees of freedom used to define T
     * @param gauss       the normal deviates
     */
    public static void maxwellBoltzmann(MdState state, double temperature, int dof, Gaussian gauss) {
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0 K, got " + temperature);
        }
        int n = state.size();
        double[] v = state.velocities;
        double kT = Units.KB_EV_PER_K * temperature;
        double px = 0, py = 0, pz = 0, mt = 0;
        for (int i = 0; i < n; i++) {
            if (state.fixed[i]) {
                v[3 * i] = v[3 * i + 1] = v[3 * i + 2] = 0;
                continue;
            }
            double s = Math.sqrt(kT / state.masses[i] * Units.EV_PER_A_AMU_TO_A_PER_PS2);
            for (int k = 0; k < 3; k++) {
                v[3 * i + k] = s * gauss.next();
            }
            px += state.masses[i] * v[3 * i];
            py += state.masses[i] * v[3 * i + 1];
            pz += state.masses[i] * v[3 * i + 2];
            mt += state.masses[i];
        }
        if (state.freeAtoms() > 1) {
            for (int i = 0; i < n; i++) {
                if (!state.fixed[i]) {
                    v[3 * i] -= px / mt;
                    v[3 * i + 1] -= py / mt;
                    v[3 * i + 2] -= pz / mt;
                }
            }
        }
        double t = Kinetics.temperature(Kinetics.kineticEnergy(state.masses, v), dof);
        double scale = t > 0 ? Math.sqrt(temperature / t) : 0;
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
    }
}
