package org.eelt.explorer.md;

/**
 * Stochastic velocity rescaling (Bussi, Donadio &amp; Parrinello, J. Chem. Phys. 126, 014101
 * (2007)). Over a time δt the kinetic energy K (eV) of N_f degrees of freedom is replaced by
 * <pre>
 *   K' = K + (1 − c)(K̄ (R₁² + Σ_{i=2}^{N_f} R_i²)/N_f − K) + 2 R₁ √(c (1 − c) K̄ K / N_f),
 *   c = exp(−δt/τ_T),  K̄ = ½ N_f k_B T₀
 * </pre>
 * with R_i standard normal (the sum of N_f − 1 squares drawn as 2·Gamma((N_f − 1)/2)), and all
 * velocities are scaled by α = √(K'/K), with the sign of R₁ + √(c N_f K / ((1 − c) K̄)).
 */
public final class BussiThermostat {
    private BussiThermostat() {
    }

    /**
     * @param kinetic current kinetic energy K in eV (&gt; 0)
     * @param target  K̄ in eV
     * @param dof     N_f
     * @param c       exp(−δt/τ_T)
     * @param gauss   random source
     * @return the velocity scale factor α
     */
    public static double scaleFactor(double kinetic, double target, int dof, double c, Gaussian gauss) {
        if (!(kinetic > 0) || dof < 1) {
            return 1;
        }
        double r1 = gauss.next();
        double sum = dof > 1 ? 2 * gamma(0.5 * (dof - 1), gauss) : 0;
        double k = kinetic + (1 - c) * (target * (r1 * r1 + sum) / dof - kinetic)
                + 2 * r1 * Math.sqrt(c * (1 - c) * target * kinetic / dof);
        double alpha = Math.sqrt(Math.max(k, 0) / kinetic);
        double sign = r1 + Math.sqrt(c * dof * kinetic / ((1 - c) * target));
        return sign < 0 ? -alpha : alpha;
    }

    /** Gamma(shape, 1) deviate by Marsaglia &amp; Tsang (2000), boosted for shape &lt; 1. */
    static double gamma(double shape, Gaussian gauss) {
        if (shape < 1) {
            double u = gauss.uniform().nextDouble();
            return gamma(shape + 1, gauss) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double cc = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gauss.next();
            double v = 1 + cc * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = gauss.uniform().nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
