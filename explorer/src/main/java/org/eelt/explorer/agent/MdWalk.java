package org.eelt.explorer.agent;

import java.util.ArrayList;
import java.util.List;

import org.eelt.explorer.md.MdListener;
import org.eelt.explorer.md.MdResult;
import org.eelt.explorer.md.MdRunner;
import org.eelt.explorer.md.MdSession;
import org.eelt.explorer.md.MdSettings;
import org.eelt.explorer.md.MdState;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;

/**
 * The trajectory of an MD walker: an {@link MdSession} (positions Å, velocities Å/ps, cell,
 * thermostat and barostat random stream, neighbor list) advanced chunk by chunk with whatever
 * potential the walker holds at the time. Chunks of one walk are one continuous run: for a fixed
 * potential, chunks of n₁, n₂, … steps give the trajectory of one run of their sum. A new model
 * is taken up between chunks ({@link MdSession#switchPotential}). The first chunk draws
 * Maxwell–Boltzmann velocities at the walker's temperature from the walk's seed. Frames are
 * sampled every {@link WalkerSettings#sampleInterval()} steps of the walk (step 0 excluded).
 * Not thread-safe: the walker hands it to one chunk at a time.
 */
public final class MdWalk {
    private final MdState state;
    private final MdSettings settings;
    private MdSession session;

    private MdWalk(MdState state, MdSettings settings) {
        this.state = state;
        this.settings = settings;
    }

    /**
     * @param start    the start structure (Å; element symbols give the masses)
     * @param settings the walker's settings (its MD settings, sample interval)
     * @param seed     the seed of the walk's random stream
     * @return a walk at rest at {@code start}; velocities are drawn when the first chunk runs
     */
    public static MdWalk start(Structure start, WalkerSettings settings, long seed) {
        return start(start, settings.md(), settings.sampleInterval(), seed);
    }

    /**
     * @param start          the start structure (Å)
     * @param md             MD settings (their steps, seed and frame interval are replaced)
     * @param sampleInterval steps between sampled frames
     * @param seed           the seed of the walk's random stream
     * @return a walk at rest at {@code start}
     */
    public static MdWalk start(Structure start, MdSettings md, int sampleInterval, long seed) {
        MdSettings s = md.toBuilder().seed(seed).initialVelocities(true).trajectoryEvery(sampleInterval)
                .thermoEvery(Integer.MAX_VALUE).build();
        return new MdWalk(MdState.of(start), s);
    }

    /**
     * Advances the walk by one chunk with potential {@code p}.
     *
     * @param p     the potential of this chunk (eV, Å)
     * @param steps the chunk length
     * @return the frames sampled in the chunk and whether it exploded
     * @throws IllegalStateException when the walk exploded before
     */
    public WalkerDynamics.Chunk advance(Potential p, int steps) {
        if (session == null) {
            session = new MdRunner(p, settings).session(state);
        } else {
            session.switchPotential(p);
        }
        List<Structure> frames = new ArrayList<>();
        MdResult r = session.advance(steps, new MdListener() {
            @Override
            public void frame(long step, double time, Frame frame) {
                frames.add(frame.structure());
            }
        });
        return new WalkerDynamics.Chunk(frames, r.steps(), r.completed() ? null : r.reason());
    }

    /** @return the current configuration (positions wrapped into the cell, Å). */
    public Structure structure() {
        return state.wrappedStructure();
    }

    /** @return the current cell volume, Å³ (NaN unless fully periodic). */
    public double volume() {
        return state.cell().isFullyPeriodic() ? state.cell().volume() : Double.NaN;
    }

    /** @return the MD steps taken. */
    public long steps() {
        return state.step();
    }

    /** @return a copy of the velocities, Å/ps. */
    public double[] velocities() {
        return state.velocities();
    }

    /** @return the MD settings of the walk. */
    public MdSettings settings() {
        return settings;
    }
}
