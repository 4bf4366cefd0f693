package org.eelt.deploy.campaign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.eelt.examiner.agent.Examiner;
import org.eelt.examiner.selection.ReservoirSampler;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.store.EeltStore;
import org.eelt.store.ExplorationSample;
import org.eelt.store.StateUpdate;
import org.eelt.store.StoreException;

/**
 * The exploration reservoir: a uniform random sample of k frames out of every frame the examiner
 * scored (accurate, candidate and failed alike), kept durably in the campaign store so that a
 * random-selection baseline can be drawn from the same exploration ({@code eelt bench
 * label-efficiency}). Gets {@link Examiner.ScoredBatch}es (it registers with
 * {@link Examiner.WatchScored}) and runs {@link ReservoirSampler} (algorithm R, seeded with the
 * campaign seed) over the stream; runs on the store dispatcher.
 *
 * <p>Store layout (campaign state): {@value #SEEN} = frames of the stream so far (8-byte long),
 * {@value #CAPACITY} = k, {@code reservoir/slot/NNNNNN} = the {@link ExplorationSample} in slot
 * NNNNNN. Each batch is one atomic {@link StateUpdate} (its slots and the new count together),
 * so after a crash the stored sample is a uniform sample of the frames counted; a resumed
 * campaign continues the same stream (the draw of frame i depends only on the seed and i).
 * A failed store write is logged and ends the sampling; the campaign goes on.
 */
public final class ExplorationReservoir extends AbstractBehavior<Examiner.ScoredBatch> {
    /** State key of the number of frames streamed so far. */
    public static final String SEEN = "reservoir/seen";
    /** State key of the reservoir's capacity k. */
    public static final String CAPACITY = "reservoir/capacity";
    /** State-key prefix of the slots. */
    public static final String SLOT_PREFIX = "reservoir/slot/";

    private final EeltStore store;
    private final ReservoirSampler sampler;
    private long seen;

    private ExplorationReservoir(ActorContext<Examiner.ScoredBatch> ctx, EeltStore store, int capacity, long seed) {
        super(ctx);
        this.store = store;
        OptionalLong stored = store.getLong(CAPACITY);
        int k = capacity;
        if (stored.isPresent() && stored.getAsLong() != capacity) {
            k = (int) stored.getAsLong();
            ctx.getLog().warn("exploration reservoir: the store holds a sample of {} frames; keeping that size "
                    + "(the spec now asks for {}), so the sample stays uniform", k, capacity);
        }
        this.sampler = new ReservoirSampler(k, seed);
        this.seen = store.getLong(SEEN).orElse(0);
    }

    /**
     * @param store    the open campaign store (owned by the runner)
     * @param capacity k, the frames kept (≥ 1)
     * @param seed     the stream's seed (the campaign seed)
     * @return the behavior
     */
    public static Behavior<Examiner.ScoredBatch> create(EeltStore store, int capacity, long seed) {
        return Behaviors.setup(ctx -> new ExplorationReservoir(ctx, store, capacity, seed));
    }

    @Override
    public Receive<Examiner.ScoredBatch> createReceive() {
        return newReceiveBuilder().onMessage(Examiner.ScoredBatch.class, this::onBatch).build();
    }

    private Behavior<Examiner.ScoredBatch> onBatch(Examiner.ScoredBatch b) {
        StateUpdate u = StateUpdate.create();
        long next = seen;
        List<AtomsData> frames = b.frames();
        for (int i = 0; i < frames.size(); i++) {
            long index = next++;
            int slot = sampler.slotFor(index);
            if (slot >= 0) {
                u.put(slotKey(slot), new ExplorationSample(index, b.walker(), b.generation(), b.deviations()[i],
                        frames.get(i).toStructure()).encode());
            }
        }
        u.putLong(SEEN, next).putLong(CAPACITY, sampler.capacity());
        try {
            store.updateState(u);
        } catch (StoreException e) {
            getContext().getLog().error("exploration reservoir stopped sampling after {} frames: {} (the stored sample"
                    + " stays a uniform sample of those frames)", seen, e.getMessage());
            return Behaviors.stopped();
        }
        seen = next;
        return this;
    }

    /** @return the state key of slot {@code slot} */
    static String slotKey(int slot) {
        return String.format(java.util.Locale.ROOT, "%s%06d", SLOT_PREFIX, slot);
    }

    /** @return the frames the reservoir streamed so far (0 when the campaign kept none) */
    public static long seen(EeltStore store) {
        return store.getLong(SEEN).orElse(0);
    }

    /**
     * @param store a campaign store
     * @return the reservoir's frames in stream order (empty when the campaign kept none)
     * @throws IllegalArgumentException when a slot record is corrupt (naming its key)
     */
    public static List<ExplorationSample> read(EeltStore store) {
        List<ExplorationSample> out = new ArrayList<>();
        for (String key : store.stateKeys()) {
            if (!key.startsWith(SLOT_PREFIX)) {
                continue;
            }
            byte[] bytes = store.getState(key).orElseThrow();
            try {
                out.add(ExplorationSample.decode(bytes));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("campaign state '" + key + "' in " + store.path() + ": "
                        + e.getMessage(), e);
            }
        }
        out.sort(Comparator.comparingLong(ExplorationSample::index));
        return out;
    }
}
