package org.eelt.freeenergy.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.eelt.freeenergy.cv.CvSet;
import org.eelt.freeenergy.net.EnsemblePoint;
import org.eelt.freeenergy.net.FreeEnergyEnsemble;

/**
 * Overdamped Langevin (Brownian) walkers in CV space sampling exp(−Ā(s)/(γ k_BT)) on the ensemble
 * mean Ā, i.e. at the elevated temperature γT (γ ≥ 1 the well-tempered factor). Euler–Maruyama
 * step per CV q, with Δ_q = D_q·dt the step size in CV units²:
 * <pre>
 *   s_q ← s_q + clip(Δ_q F̄_q(s) / (γ k_BT), ±{@value #MAX_DRIFT_SIGMAS}·√(2Δ_q)) + √(2Δ_q) ξ,   ξ ~ N(0, 1)
 * </pre>
 * The drift clip only acts where the net's force is far beyond the thermal scale (extrapolation);
 * periodic CVs are wrapped into (−π, π]; non-periodic CVs with bounds are reflected at the walls
 * (s → 2·lo − s, s → 2·hi − s). Walker w uses its own random stream (seed + w), so results do not
 * depend on the walker count. Units: k_BT in the ensemble's energy unit, s in CV units.
 */
public final class CvLangevinSampler {
    /** Largest drift per step in units of the noise amplitude √(2Δ). */
    public static final double MAX_DRIFT_SIGMAS = 5;

    /**
     * @param kT          k_BT in the ensemble's energy unit (&gt; 0)
     * @param gamma       well-tempered factor γ ≥ 1 (samples at temperature γT)
     * @param stepSize    Δ_q = D_q dt in CV units² (&gt; 0), one per CV
     * @param lower       lower walls for non-periodic CVs (NaN or −∞ = none), or null for none
     * @param upper       upper walls (NaN or +∞ = none), or null
     * @param steps       steps per walker
     * @param sampleEvery a sample is recorded every this many steps
     * @param seed        random seed
     */
    public record Settings(double kT, double gamma, double[] stepSize, double[] lower, double[] upper, int steps,
                           int sampleEvery, long seed) {
        /** Validates. */
        public Settings {
            if (!(kT > 0) || !(gamma >= 1) || stepSize == null || steps < 1 || sampleEvery < 1) {
                throw new IllegalArgumentException("CV sampler needs kT > 0, gamma >= 1, a step size per CV, steps >= 1"
                        + " and sampleEvery >= 1; got kT=" + kT + " gamma=" + gamma + " steps=" + steps
                        + " sampleEvery=" + sampleEvery);
            }
            for (double d : stepSize) {
                if (!(d > 0) || !Double.isFinite(d)) {
                    throw new IllegalArgumentException("CV sampler step sizes must be > 0, got " + Arrays.toString(stepSize));
                }
            }
            stepSize = stepSize.clone();
            lower = lower == null ? null : lower.clone();
            upper = upper == null ? null : upper.clone();
        }
    }

    /**
     * A visited point.
     *
     * @param walker    walker index
     * @param step      step at which it was recorded
     * @param s         the point (CV units)
     * @param deviation the ensemble's mean-force deviation ε there (energy per CV unit)
     */
    public record Sample(int walker, long step, double[] s, double deviation) {
    }

    /** @param samples recorded points, walker by walker; @param finalPositions each walker's last point */
    public record Result(List<Sample> samples, List<double[]> finalPositions) {
    }

    private CvLangevinSampler() {
    }

    /**
     * @param ensemble the free-energy ensemble (its feature map's periodic flags decide the wrapping)
     * @param starts   one starting point per walker
     * @param settings kT, γ, step sizes, walls, steps, seed
     */
    public static Result run(FreeEnergyEnsemble ensemble, List<double[]> starts, Settings settings) {
        boolean[] periodic = ensemble.members().get(0).features().periodic();
        int d = periodic.length;
        if (settings.stepSize().length != d) {
            throw new IllegalArgumentException("CV sampler: " + settings.stepSize().length + " step sizes for " + d + " CVs");
        }
        double[] lo = bound(settings.lower(), d, Double.NEGATIVE_INFINITY);
        double[] hi = bound(settings.upper(), d, Double.POSITIVE_INFINITY);
        double beta = 1 / (settings.gamma() * settings.kT());
        double[] noise = new double[d];
        for (int q = 0; q < d; q++) {
            noise[q] = Math.sqrt(2 * settings.stepSize()[q]);
        }
        List<Sample> samples = new ArrayList<>();
        List<double[]> finals = new ArrayList<>();
        for (int w = 0; w < starts.size(); w++) {
            double[] s = starts.get(w).clone();
            if (s.length != d) {
                throw new IllegalArgumentException("CV sampler: start point of walker " + w + " has " + s.length
                        + " components, the ensemble " + d);
            }
            SplittableRandom rng = new SplittableRandom(settings.seed() + w);
            for (long t = 1; t <= settings.steps(); t++) {
                EnsemblePoint p = ensemble.evaluate(s);
                for (int q = 0; q < d; q++) {
                    double drift = settings.stepSize()[q] * beta * p.meanForce()[q];
                    double cap = MAX_DRIFT_SIGMAS * noise[q];
                    drift = Math.max(-cap, Math.min(cap, drift));
                    s[q] += drift + noise[q] * gaussian(rng);
                    s[q] = periodic[q] ? CvSet.wrapDifference(s[q], true, 2 * Math.PI) : reflect(s[q], lo[q], hi[q]);
                }
                if (t % settings.sampleEvery() == 0) {
                    samples.add(new Sample(w, t, s.clone(), ensemble.evaluate(s).deviation()));
                }
            }
            finals.add(s);
        }
        return new Result(samples, finals);
    }

    private static double[] bound(double[] b, int d, double none) {
        double[] out = new double[d];
        for (int q = 0; q < d; q++) {
            out[q] = b == null || Double.isNaN(b[q]) ? none : b[q];
        }
        return out;
    }

    /** @return s reflected into [lo, hi] (clamped if a reflection overshoots the other wall). */
    static double reflect(double s, double lo, double hi) {
        if (s < lo) {
            s = 2 * lo - s;
        }
        if (s > hi) {
            s = 2 * hi - s;
        }
        return Math.max(lo, Math.min(hi, s));
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }
}
