package org.eelt.explorer.agent;

import java.util.List;
import java.util.Map;

import org.eelt.examiner.agent.EnsembleModels;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.ModelPublished;

/**
 * What a {@link Walker} integrates: the seam between the walker (chunks, backpressure, restarts,
 * model pick-up) and the kind of exploration. Deep Potential campaigns run MD
 * ({@link org.eelt.explorer.md.MdRunner}: NVE, Langevin NVT or NPT with stochastic cell rescaling)
 * on the walker's own member model ({@link #deepPotential()}); free-energy campaigns run a CV-space
 * sampler or biased MD on the ensemble of all members. Methods other than {@link #wants} run on
 * {@value Walker#DISPATCHER} and must be pure apart from the trajectory state they advance.
 *
 * @param <T> the walker's trajectory state (for MD a {@link MdWalk}: positions, velocities, cell,
 *            thermostat/barostat random stream), mutable, owned by one chunk at a time
 */
public interface WalkerDynamics<T> {
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
    Chunks<T> chunks(Map<Integer, Object> models, int member);

    /**
     * @param start    the start (or restart) structure, Å
     * @param settings the walker's settings (temperature K, pressure bar, ensemble, sample interval)
     * @param seed     the seed of the new trajectory's random stream (initial velocities, thermostat)
     * @return a new trajectory state at {@code start}
     */
    T start(Structure start, WalkerSettings settings, long seed);

    /** One chunk of dynamics with fixed models. */
    interface Chunks<T> {
        /**
         * @param state the trajectory, advanced in place
         * @param steps steps of this chunk (≥ 1)
         * @return the frames sampled in the chunk
         */
        Chunk run(T state, int steps);
    }

    /**
     * The outcome of one chunk.
     *
     * @param frames    structures sampled every sample interval (positions wrapped, Å)
     * @param steps     steps taken
     * @param explosion null, or why the chunk stopped early (the trajectory is then spent)
     */
    record Chunk(List<Structure> frames, long steps, String explosion) {
        /** Copies the frame list. */
        public Chunk {
            frames = List.copyOf(frames);
        }

        /** @return whether the chunk stopped on an explosion. */
        public boolean exploded() {
            return explosion != null;
        }
    }

    /**
     * @param potential a fixed potential (eV, Å), e.g. a reference or oracle potential
     * @return MD on that potential, in the ensemble of the walker's settings; it needs no model, so
     *         the walker starts at once, and published models are ignored
     */
    static WalkerDynamics<MdWalk> fixed(Potential potential) {
        return new FixedPotentialDynamics(potential);
    }

    /** MD on a fixed potential ({@link #fixed}). */
    final class FixedPotentialDynamics implements WalkerDynamics<MdWalk> {
        private final Potential potential;

        private FixedPotentialDynamics(Potential potential) {
            this.potential = java.util.Objects.requireNonNull(potential, "potential");
        }

        @Override
        public boolean wants(ModelPublished model, int member) {
            return false;
        }

        @Override
        public Object parse(ModelPublished model) {
            throw new UnsupportedOperationException("a fixed-potential walker takes no models");
        }

        @Override
        public Chunks<MdWalk> chunks(Map<Integer, Object> models, int member) {
            return (walk, steps) -> walk.advance(potential, steps);
        }

        @Override
        public MdWalk start(Structure start, WalkerSettings settings, long seed) {
            return MdWalk.start(start, settings, seed);
        }
    }

    /** @return MD on the walker's own member's Deep Potential. */
    static WalkerDynamics<MdWalk> deepPotential() {
        return DeepPotDynamics.INSTANCE;
    }

    /** MD on the member's own Deep Potential model, the ensemble (NVE/NVT/NPT) of the walker's settings. */
    final class DeepPotDynamics implements WalkerDynamics<MdWalk> {
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
        public Chunks<MdWalk> chunks(Map<Integer, Object> models, int member) {
            Potential p = (Potential) models.get(member);
            return p == null ? null : (walk, steps) -> walk.advance(p, steps);
        }

        @Override
        public MdWalk start(Structure start, WalkerSettings settings, long seed) {
            return MdWalk.start(start, settings, seed);
        }
    }
}
