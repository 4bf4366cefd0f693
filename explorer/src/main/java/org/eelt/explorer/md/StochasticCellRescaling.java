package org.eelt.explorer.md;

/**
 * Stochastic cell rescaling barostat (Bernetti &amp; Bussi, J. Chem. Phys. 153, 114107 (2020)),
 * first-order (overdamped) in the strain, integrated by Euler–Maruyama over one step Δt.
 *
 * <p>Isotropic, with ε = ln V:
 * <pre>
 *   dε = (β_T/τ_p)(P − P₀ + k_B T/V) dt + √(2 k_B T β_T / (V τ_p)) dW
 * </pre>
 * and the cell and positions scaled by λ = exp(Δε/3), velocities by 1/λ.
 * Per axis (anisotropic), with ε_a = ln of the stretch along Cartesian axis a and P_aa the
 * diagonal pressure (kinetic + virial)/V:
 * <pre>
 *   dε_a = (β_T/(3τ_p))(P_aa − P₀ + k_B T/V) dt + √(2 k_B T β_T / (3 V τ_p)) dW_a
 * </pre>
 * (the three axes sum to the isotropic equation). Units: β_T in Å³/eV, pressures in eV/Å³,
 * k_B T in eV, V in Å³, times in ps.
 */
public final class StochasticCellRescaling {
    private StochasticCellRescaling() {
    }

    /**
     * @param anisotropic     per-axis (true) or isotropic (false)
     * @param pressureTensor  instantaneous pressure tensor (row-major, eV/Å³)
     * @param target          P₀ in eV/Å³
     * @param kT              k_B T₀ in eV
     * @param volume          V in Å³
     * @param compressibility β_T in Å³/eV
     * @param tau             τ_p in ps
     * @param dt              Δt in ps
     * @param gauss           random source
     * @return the diagonal deformation (λ_x, λ_y, λ_z) to apply as r → r·diag(λ)
     */
    public static double[] step(boolean anisotropic, double[] pressureTensor, double target, double kT,
                                double volume, double compressibility, double tau, double dt, Gaussian gauss) {
        if (!anisotropic) {
            double p = (pressureTensor[0] + pressureTensor[4] + pressureTensor[8]) / 3;
            double de = compressibility / tau * (p - target + kT / volume) * dt
                    + Math.sqrt(2 * kT * compressibility * dt / (volume * tau)) * gauss.next();
            double l = Math.exp(de / 3);
            return new double[] {l, l, l};
        }
        double[] l = new double[3];
        for (int a = 0; a < 3; a++) {
            double de = compressibility / (3 * tau) * (pressureTensor[4 * a] - target + kT / volume) * dt
                    + Math.sqrt(2 * kT * compressibility * dt / (3 * volume * tau)) * gauss.next();
            l[a] = Math.exp(de);
        }
        return l;
    }
}
