package org.eelt.freeenergy.label;

import java.util.Arrays;
import java.util.Locale;

/**
 * Settings of one restrained-MD mean-force label (built-in engine: Langevin BAOAB of the explorer).
 *
 * @param kappa                 spring constants κ_q (eV per CV unit², e.g. eV/Å² or eV/rad²), one per CV
 * @param temperature           T in K
 * @param timestep              Δt in ps
 * @param steps                 MD steps (≥ 10)
 * @param frictionTau           Langevin damping time 1/γ in ps
 * @param equilibrationFraction leading fraction of the run discarded (default 0.1)
 * @param sampleEvery           CV sampling interval in steps (≥ 1)
 * @param minBlocks             number of equal blocks of the error estimate (≥ 4)
 * @param maxStdErr             rejection threshold: a label whose standard error exceeds this in any
 *                              component (eV per CV unit) is rejected; +∞ to accept all
 * @param minDistance           MD explosion threshold on the closest pair (Å; 0 disables)
 * @param seed                  random seed (velocities and noise)
 */
public record RestrainedMdSettings(double[] kappa, double temperature, double timestep, long steps, double frictionTau,
                                   double equilibrationFraction, int sampleEvery, int minBlocks, double maxStdErr,
                                   double minDistance, long seed) {
    /** Validates; each message names the setting. */
    public RestrainedMdSettings {
        if (kappa == null || kappa.length == 0) {
            throw new IllegalArgumentException("restrained MD: kappa needs one spring constant per CV");
        }
        kappa = kappa.clone();
        for (double k : kappa) {
            require(k > 0 && Double.isFinite(k), "kappa", Arrays.toString(kappa), "> 0 eV per CV unit^2");
        }
        require(temperature > 0 && Double.isFinite(temperature), "temperature", temperature, "> 0 K");
        require(timestep > 0 && Double.isFinite(timestep), "timestep", timestep, "> 0 ps");
        require(steps >= 10, "steps", steps, ">= 10");
        require(frictionTau > 0 && Double.isFinite(frictionTau), "frictionTau", frictionTau, "> 0 ps");
        require(equilibrationFraction >= 0 && equilibrationFraction < 1, "equilibrationFraction",
                equilibrationFraction, "in [0, 1)");
        require(sampleEvery >= 1, "sampleEvery", sampleEvery, ">= 1 step");
        require(minBlocks >= 4, "minBlocks", minBlocks, ">= 4");
        require(maxStdErr > 0, "maxStdErr", maxStdErr, "> 0 (use Infinity to accept every label)");
        require(minDistance >= 0, "minDistance", minDistance, ">= 0 Å");
        long kept = (steps - (long) Math.ceil(equilibrationFraction * steps)) / sampleEvery;
        if (kept < minBlocks) {
            throw new IllegalArgumentException("restrained MD keeps only " + kept + " samples after equilibration but"
                    + " the error analysis needs >= minBlocks = " + minBlocks + ": run more steps or sample more often");
        }
    }

    private static void require(boolean ok, String key, Object value, String range) {
        if (!ok) {
            throw new IllegalArgumentException("restrained-MD setting '" + key + "' = " + value + " is invalid: must be "
                    + range);
        }
    }

    @Override
    public double[] kappa() {
        return kappa.clone();
    }

    /**
     * @return settings with 10 % equilibration, the CVs sampled every step (a stride risks aliasing
     *         with the restrained oscillation: at κ = 500 eV/Å² on a 12 amu particle the period is
     *         10 fs, and sampling every 10 fs made the error bar 18× larger), 32 blocks, no rejection
     *         threshold and no minimum-distance check
     */
    public static RestrainedMdSettings of(double[] kappa, double temperature, double timestep, long steps,
                                          double frictionTau, long seed) {
        return new RestrainedMdSettings(kappa, temperature, timestep, steps, frictionTau, 0.1, 1, 32,
                Double.POSITIVE_INFINITY, 0, seed);
    }

    /** @return these settings with another rejection threshold (eV per CV unit). */
    public RestrainedMdSettings withMaxStdErr(double threshold) {
        return new RestrainedMdSettings(kappa, temperature, timestep, steps, frictionTau, equilibrationFraction,
                sampleEvery, minBlocks, threshold, minDistance, seed);
    }

    /** @return these settings with another CV sampling interval (steps); keep it well below the restrained oscillation's period. */
    public RestrainedMdSettings withSampleEvery(int every) {
        return new RestrainedMdSettings(kappa, temperature, timestep, steps, frictionTau, equilibrationFraction,
                every, minBlocks, maxStdErr, minDistance, seed);
    }

    /** @return these settings with another seed. */
    public RestrainedMdSettings withSeed(long newSeed) {
        return new RestrainedMdSettings(kappa, temperature, timestep, steps, frictionTau, equilibrationFraction,
                sampleEvery, minBlocks, maxStdErr, minDistance, newSeed);
    }

    /** @return the canonical text of these settings (without the seed), for label provenance. */
    public String canonical() {
        return String.format(Locale.ROOT, "restrained-md:kappa=%s,T=%s,dt=%s,steps=%d,tau=%s,equil=%s,every=%d",
                Arrays.toString(kappa), temperature, timestep, steps, frictionTau, equilibrationFraction, sampleEvery);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RestrainedMdSettings s && Arrays.equals(kappa, s.kappa) && temperature == s.temperature
                && timestep == s.timestep && steps == s.steps && frictionTau == s.frictionTau
                && equilibrationFraction == s.equilibrationFraction && sampleEvery == s.sampleEvery
                && minBlocks == s.minBlocks && maxStdErr == s.maxStdErr && minDistance == s.minDistance && seed == s.seed;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(kappa) * 31 + Long.hashCode(seed);
    }
}
