package org.eelt.freeenergy.net;

import java.util.Arrays;
import java.util.List;

/**
 * The input transformation h0 = φ(s) of a free-energy network, fixed when a net is created (so warm
 * starts keep it) and saved with the net.
 * <ul>
 *   <li>periodic CV q (rad): two features (cos s_q, sin s_q);</li>
 *   <li>other CVs: one feature (s_q − μ_q)/σ_q with μ, σ the mean and standard deviation of the
 *       training label centers (σ = 1 when the data have no spread).</li>
 * </ul>
 * {@code energyScale} (energy unit) multiplies the network output, A = energyScale · y, so that the
 * raw output is O(1); it is the RMS of the label forces times the CV length scale (σ_q, or 1 rad).
 *
 * @param periodic    one flag per CV
 * @param mean        μ_q (ignored for periodic CVs)
 * @param std         σ_q &gt; 0 (ignored for periodic CVs)
 * @param energyScale output scale in the energy unit (&gt; 0)
 */
public record FeatureMap(boolean[] periodic, double[] mean, double[] std, double energyScale) {
    /** Validates and copies. */
    public FeatureMap {
        if (periodic == null || mean == null || std == null || periodic.length == 0 || mean.length != periodic.length
                || std.length != periodic.length) {
            throw new IllegalArgumentException("feature map needs one periodic flag, mean and std per CV");
        }
        for (int q = 0; q < std.length; q++) {
            if (!(std[q] > 0) || !Double.isFinite(std[q]) || !Double.isFinite(mean[q])) {
                throw new IllegalArgumentException("feature map: CV " + q + " needs a finite mean and std > 0, got "
                        + mean[q] + ", " + std[q]);
            }
        }
        if (!(energyScale > 0) || !Double.isFinite(energyScale)) {
            throw new IllegalArgumentException("feature map: energy scale must be > 0, got " + energyScale);
        }
        periodic = periodic.clone();
        mean = mean.clone();
        std = std.clone();
    }

    /** @return a map with μ = 0, σ = 1 and scale 1 (for tests and hand-built nets). */
    public static FeatureMap identity(boolean[] periodic) {
        double[] one = new double[periodic.length];
        Arrays.fill(one, 1);
        return new FeatureMap(periodic, new double[periodic.length], one, 1);
    }

    /**
     * Fits μ, σ and the energy scale to label centers and mean forces.
     *
     * @param periodic flags per CV
     * @param centers  label centers s0 (CV units)
     * @param forces   label mean forces (energy per CV unit), same order
     */
    public static FeatureMap fit(boolean[] periodic, List<double[]> centers, List<double[]> forces) {
        int d = periodic.length;
        double[] mu = new double[d], sd = new double[d];
        Arrays.fill(sd, 1);
        int n = centers.size();
        if (n > 0) {
            for (double[] s : centers) {
                for (int q = 0; q < d; q++) {
                    mu[q] += s[q] / n;
                }
            }
            for (int q = 0; q < d; q++) {
                if (periodic[q]) {
                    mu[q] = 0;
                    continue;
                }
                double v = 0;
                for (double[] s : centers) {
                    v += (s[q] - mu[q]) * (s[q] - mu[q]) / n;
                }
                sd[q] = v > 1e-24 ? Math.sqrt(v) : 1;
            }
        }
        double f2 = 0;
        int count = 0;
        for (double[] f : forces) {
            for (int q = 0; q < d; q++) {
                double len = periodic[q] ? 1 : sd[q];
                f2 += f[q] * f[q] * len * len;
                count++;
            }
        }
        double scale = count > 0 && f2 > 0 ? Math.sqrt(f2 / count) : 1;
        return new FeatureMap(periodic, mu, sd, scale);
    }

    /** @return d, the number of CVs. */
    public int cvDimension() {
        return periodic.length;
    }

    /** @return D, the number of network inputs (2 per periodic CV, 1 per other). */
    public int featureDimension() {
        int n = 0;
        for (boolean p : periodic) {
            n += p ? 2 : 1;
        }
        return n;
    }

    /** Writes φ(s) into {@code out} (length D). */
    public void features(double[] s, double[] out) {
        int k = 0;
        for (int q = 0; q < periodic.length; q++) {
            if (periodic[q]) {
                out[k++] = Math.cos(s[q]);
                out[k++] = Math.sin(s[q]);
            } else {
                out[k++] = (s[q] - mean[q]) / std[q];
            }
        }
    }

    /** Writes the feature tangent J v = (∂φ/∂s) v into {@code out} (length D). */
    public void tangent(double[] s, double[] v, double[] out) {
        int k = 0;
        for (int q = 0; q < periodic.length; q++) {
            if (periodic[q]) {
                out[k++] = -Math.sin(s[q]) * v[q];
                out[k++] = Math.cos(s[q]) * v[q];
            } else {
                out[k++] = v[q] / std[q];
            }
        }
    }

    /** Writes Jᵀ g (∂A/∂s from ∂A/∂φ) into {@code out} (length d). */
    public void pullBack(double[] s, double[] g, double[] out) {
        int k = 0;
        for (int q = 0; q < periodic.length; q++) {
            if (periodic[q]) {
                out[q] = -Math.sin(s[q]) * g[k] + Math.cos(s[q]) * g[k + 1];
                k += 2;
            } else {
                out[q] = g[k++] / std[q];
            }
        }
    }

    /**
     * Writes d/dt [J(s + t v)ᵀ g(t)] at t = 0 = (dJᵀ/dt) g + Jᵀ ġ into {@code out}, the tangent of
     * {@link #pullBack} along v given the tangent ġ of g.
     */
    public void pullBackTangent(double[] s, double[] v, double[] g, double[] gDot, double[] out) {
        int k = 0;
        for (int q = 0; q < periodic.length; q++) {
            if (periodic[q]) {
                double c = Math.cos(s[q]), sn = Math.sin(s[q]);
                out[q] = (-c * g[k] - sn * g[k + 1]) * v[q] - sn * gDot[k] + c * gDot[k + 1];
                k += 2;
            } else {
                out[q] = gDot[k++] / std[q];
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureMap f && Arrays.equals(periodic, f.periodic) && Arrays.equals(mean, f.mean)
                && Arrays.equals(std, f.std) && energyScale == f.energyScale;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(periodic) + Arrays.hashCode(mean)) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "FeatureMap[periodic=" + Arrays.toString(periodic) + ", mean=" + Arrays.toString(mean) + ", std="
                + Arrays.toString(std) + ", energyScale=" + energyScale + "]";
    }
}
