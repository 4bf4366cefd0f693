package org.eelt.labeler.gromacs;

import org.eelt.explorer.md.BlockAverage;

/**
 * Mean force of a harmonically restrained simulation of periodic CVs (pure functions).
 *
 * <p>With the restraint V_κ(s) = Σ_i κ/2 · wrap(s_i − s0_i)², the restrained free energy
 * A_κ(s0) = −k_BT ln ∫ e^{−β[A(s) + V_κ(s)]} ds has the exact derivative
 * ∂A_κ/∂s0_i = −κ ⟨wrap(s_i − s0_i)⟩_κ, and A_κ → A as κ → ∞ (the difference is O(k_BT/κ)
 * in the curvature of A). The label is therefore
 *
 * <pre>  f_i = κ · ⟨wrap(s_i − s0_i)⟩  ≈  −∂A/∂s_i (s0)     [kJ/mol/rad for κ in kJ/mol/rad², s in rad]</pre>
 *
 * with the sign convention f = −∇A (it points downhill in free energy). The average of the
 * wrapped differences is the average of exactly the restraint force GROMACS applies, so this is the
 * estimator of −∂A_κ/∂s0 without bias; it equals κ·wrap(⟨s⟩_circ − s0), the circular mean, up to
 * terms of fourth order in the (≈ 0.07 rad at κ = 500) fluctuation. wrap maps into (−π, π].
 *
 * <p>The first {@code equilibrationFraction} of the frames is discarded. The standard error of each
 * component is block-averaged: the kept frames are cut into B consecutive blocks (the oldest
 * remainder frames are dropped from the blocks), and SE = sqrt(Σ_b (m_b − m̄)² / (B (B − 1))),
 * which accounts for the time correlation when a block is longer than the correlation time.
 */
public final class RestrainedMeanForce {
    private RestrainedMeanForce() {
    }

    /**
     * @param meanForce f_i in kJ/mol/rad (f = −∇A)
     * @param stdErr    block-averaged standard error of f_i, kJ/mol/rad
     * @param samples   frames used (after the equilibration cut)
     * @param spread    standard deviation of wrap(s_i − s0_i) over the frames, rad (≈ sqrt(k_BT/κ) when A is flat)
     */
    public record Estimate(double[] meanForce, double[] stdErr, int samples, double[] spread) {
        /** Copies the arrays. */
        public Estimate {
            meanForce = meanForce.clone();
            stdErr = stdErr.clone();
            spread = spread.clone();
        }

        /** @return the largest standard error over the components, kJ/mol/rad. */
        public double maxStdErr() {
            double m = 0;
            for (double e : stdErr) {
                m = Math.max(m, e);
            }
            return m;
        }
    }

    /**
     * @param x an angle in rad
     * @return x + 2πk in (−π, π]
     */
    public static double wrap(double x) {
        double y = Math.IEEEremainder(x, 2 * Math.PI);
        return y <= -Math.PI ? y + 2 * Math.PI : y;
    }

    /**
     * @param series                {@code [frame][cv]} CV values in rad, in time order
     * @param center                restraint centers s0 in rad
     * @param kappa                 force constant κ in kJ/mol/rad²
     * @param equilibrationFraction fraction of the first frames discarded, in [0, 1)
     * @param blocks                number of blocks B ≥ 2 of the error estimate
     * @return the mean force and its standard error
     * @throws IllegalArgumentException when fewer than 2 frames per block remain or a shape differs
     */
    public static Estimate estimate(double[][] series, double[] center, double kappa, double equilibrationFraction,
                                    int blocks) {
        if (blocks < 2) {
            throw new IllegalArgumentException("need at least 2 blocks, got " + blocks);
        }
        int skip = (int) Math.ceil(equilibrationFraction * series.length);
        int n = series.length - skip;
        int len = n / blocks;
        if (len < 2) {
            throw new IllegalArgumentException(series.length + " frames leave " + n + " after discarding "
                    + skip + " for equilibration: fewer than 2 per block for " + blocks + " blocks");
        }
        int d = center.length;
        double[] mean = new double[d];
        double[] se = new double[d];
        double[] sd = new double[d];
        for (int i = 0; i < d; i++) {
            double[] diff = new double[n];
            for (int t = 0; t < n; t++) {
                double[] frame = series[skip + t];
                if (frame.length != d) {
                    throw new IllegalArgumentException("frame " + (skip + t) + " has " + frame.length
                            + " CVs, the center has " + d);
                }
                diff[t] = wrap(frame[i] - center[i]);
            }
            BlockAverage.Estimate e = BlockAverage.of(diff, blocks);
            double v = 0;
            for (double x : diff) {
                v += (x - e.mean()) * (x - e.mean());
            }
            sd[i] = Math.sqrt(v / Math.max(1, n - 1));
            mean[i] = kappa * e.mean();
            se[i] = kappa * e.stdErr();
        }
        return new Estimate(mean, se, n, sd);
    }
}
