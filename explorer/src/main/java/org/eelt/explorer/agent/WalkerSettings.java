package org.eelt.explorer.agent;

/**
 * Settings of one walker.
 *
 * @param id                   walker id (unique in the campaign), e.g. {@code "s0-w3"}
 * @param member               the ensemble member whose model drives it
 * @param temperature          T in K
 * @param timestep             Δt in ps
 * @param friction             Langevin friction γ in 1/ps
 * @param chunkSteps           MD steps per chunk (the walker is responsive between chunks)
 * @param sampleInterval       steps between sampled frames
 * @param maxSteps             total MD steps of this walker in its stage
 * @param maxInFlight          unacknowledged batches allowed before the walker pauses (backpressure)
 * @param failedBatchesRestart consecutive mostly-failed batches after which it restarts from its last accurate frame
 * @param maxForce             explosion threshold, eV/Å
 * @param seed                 random seed
 */
public record WalkerSettings(String id, int member, double temperature, double timestep, double friction,
                             int chunkSteps, int sampleInterval, long maxSteps, int maxInFlight,
                             int failedBatchesRestart, double maxForce, long seed) {
    /** Validates. */
    public WalkerSettings {
        if (member < 0 || chunkSteps < 1 || sampleInterval < 1 || maxSteps < 1 || maxInFlight < 1
                || failedBatchesRestart < 1) {
            throw new IllegalArgumentException("walker " + id + ": member >= 0, chunk steps, sample interval, max steps,"
                    + " max in flight and failed batches before restart must be >= 1");
        }
        new LangevinChunk.Params(chunkSteps, timestep, temperature, friction, sampleInterval, maxForce);
    }

    /** @return the chunk parameters. */
    public LangevinChunk.Params chunk() {
        return new LangevinChunk.Params(chunkSteps, timestep, temperature, friction, sampleInterval, maxForce);
    }
}
