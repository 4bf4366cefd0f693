package org.eelt.explorer.agent;

import java.util.Map;
import java.util.SplittableRandom;

import org.eelt.examiner.agent.EnsembleModels;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.ModelPublished;

/**
 * What a {@link Walker} integrates: the seam between the walker (chunks, backpressure, restarts,
 * model pick-up) and the kind of exploration. Deep Potential campaigns run Langevin MD on the
 * walker's own member model ({@link #deepPotential()}); free-energy campaigns run a CV-space
 * sampler or biased MD on the ensemble of all members. Methods other than {@link #wants} run on
 * {@value Walker#DISPATCHER} and must be pure.
 */
public interface WalkerDynamics {
    /**
     * @param model  a published model
     * @param member the walker's ensemble member
     * @return whether the walker uses that model
     */
    boolean wants(ModelPublished model, int member);

    /** @return the parsed form of a published model (passed back to {@link #chunks}). */
    Object parse(ModelPublished model);

    /**
     * @param models the newest parsed model of every member received so far
     * @param member the walker's member
     * @return the chunk integrator for these models, or null while they do not suffice
     */
    Chunks chunks(Map<Integer, Object> models, int member);

    /**
     * @return initial or restart velocities for a structure at temperature K (in the integrator's
     *         own unit; Å/ps for MD)
     */
    double[] velocities(Structure s, double temperature, SplittableRandom rng);

    /** One chunk of dynamics; pure apart from the random stream. */
    interface Chunks {
        /**
         * @param start      the start structure (Å)
         * @param velocities the start velocities (from {@link #velocities} or the previous chunk)
         * @param params     steps, timestep, temperature, friction, sample interval, explosion threshold
         * @param rng        the walker's random stream
         * @return the end state and the sampled frames
         */
        LangevinChunk.Result run(Structure start, double[] velocities, LangevinChunk.Params params, SplittableRandom rng);
    }

    /** @return Langevin MD on the walker's own member's Deep Potential. */
    static WalkerDynamics deepPotential() {
        return DeepPotDynamics.INSTANCE;
    }

    /** Langevin MD on the member's own Deep Potential model. */
    final class DeepPotDynamics implements WalkerDynamics {
        static final DeepPotDynamics INSTANCE = new DeepPotDynamics();

        private DeepPotDynamics() {
        }

        @Override
        public boolean wants(ModelPublished model, int member) {
            return model.member() == member;
        }

        @Override
        public Object parse(ModelPublished model) {
            return EnsembleModels.potentialOf(model);
        }

        @Override
        public Chunks chunks(Map<Integer, Object> models, int member) {
            Potential p = (Potential) models.get(member);
            return p == null ? null : (s, v, params, rng) -> LangevinChunk.run(p, s, v, params, rng);
        }

        @Override
        public double[] velocities(Structure s, double temperature, SplittableRandom rng) {
            return LangevinChunk.maxwellBoltzmann(s, temperature, rng);
        }
    }
}
