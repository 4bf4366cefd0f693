package org.eelt.explorer.agent;

import org.eelt.explorer.md.MdSettings;

/**
 * Settings of one walker.
 *
 * @param id                   walker id (unique in the campaign), e.g. {@code "s0-w3"}
 * @param member               the ensemble member whose model drives it
 * @param md                   MD settings: timestep ps, temperature K, thermostat (Langevin τ = 1/γ ps),
 *                             barostat (none for NVT/NVE; stochastic cell rescaling with target pressure
 *                             bar, τ_p ps, compressibility 1/bar for NPT), explosion thresholds
 *                             (max force eV/Å, min distance Å); its steps, seed and frame interval are
 *                             set per walk by the walker
 * @param chunkSteps           MD steps per chunk (the walker is responsive between chunks)
 * @param sampleInterval       steps between sampled frames
 * @param maxSteps             total MD steps of this walker in its stage
 * @param maxInFlight          unacknowledged batches allowed before the walker pauses (backpressure)
 * @param failedBatchesRestart consecutive mostly-failed batches after which it restarts from its last accurate frame
 * @param seed                 random seed
 */
public record WalkerSettings(String id, int member, MdSettings md, int chunkSteps, int sampleInterval, long maxSteps,
                             int maxInFlight, int failedBatchesRestart, long seed) {
    /** Validates. */
    public WalkerSettings {
        if (member < 0 || chunkSteps < 1 || sampleInterval < 1 || maxSteps < 1 || maxInFlight < 1
                || failedBatchesRestart < 1) {
            throw new IllegalArgumentException("walker " + id + ": member >= 0, chunk steps, sample interval, max steps,"
                    + " max in flight and failed batches before restart must be >= 1");
        }
        if (md == null) {
            throw new IllegalArgumentException("walker " + id + ": MD settings are required");
        }
    }

    /** @return the target temperature in K. */
    public double temperature() {
        return md.temperature();
    }

    /** @return the target pressure in bar, or NaN without a barostat. */
    public double pressure() {
        return md.barostat() == MdSettings.Barostat.NONE ? Double.NaN : md.pressure();
    }
}
