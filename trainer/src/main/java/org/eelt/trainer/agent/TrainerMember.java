package org.eelt.trainer.agent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.eelt.protocol.chaos.ChaosJournal;
import org.eelt.protocol.messages.CborSerializable;
import org.eelt.protocol.messages.ModelPublished;

/**
 * One ensemble member's trainer. {@link DatasetGrew} asks for a round on a snapshot; while a round
 * runs, newer requests are coalesced into one follow-up round on the newest snapshot. Each round
 * ({@link RoundRunner}: {@link TrainingRound} for Deep Potentials) runs on {@value #DISPATCHER}; its model is published on the model topic
 * as {@link ModelPublished} (generation + 1), independently of the other members.
 */
public final class TrainerMember extends AbstractBehavior<TrainerMember.Command> {
    /** The dispatcher of training rounds. */
    public static final String DISPATCHER = "eelt-training-dispatcher";

    /** Messages of a trainer member. */
    public sealed interface Command permits DatasetGrew, RoundDone, RoundFailed {
    }

    /** The dataset reached {@code snapshot} labels: train on it (when idle, else after the running round). */
    public record DatasetGrew(long snapshot) implements Command, CborSerializable {
    }

    record RoundDone(ModelPublished model) implements Command, NoSerializationVerificationNeeded {
    }

    record RoundFailed(Throwable error) implements Command, NoSerializationVerificationNeeded {
    }

    private final int member;
    private final RoundRunner rounds;
    private final ActorRef<Topic.Command<ModelPublished>> topic;
    private final ActorRef<ModelPublished> direct;
    private final Executor executor;
    private long generation;
    private long trainedSnapshot = -1;
    private long requested = -1;
    private boolean busy;

    private TrainerMember(ActorContext<Command> ctx, int member, RoundRunner rounds, long generation,
                          ActorRef<Topic.Command<ModelPublished>> topic, ActorRef<ModelPublished> direct) {
        super(ctx);
        this.member = member;
        this.rounds = rounds;
        this.generation = generation;
        this.topic = topic;
        this.direct = direct;
        this.executor = ctx.getSystem().dispatchers().lookup(DispatcherSelector.fromConfig(DISPATCHER));
    }

    /**
     * @param settings   member settings
     * @param source     the dataset
     * @param generation the member's last published generation (0 for a new campaign)
     * @param topic      the model topic to publish on, or null
     * @param direct     also told every published model, or null
     * @return the behavior
     */
    public static Behavior<Command> create(TrainerSettings settings, DatasetSource source, long generation,
                                           ActorRef<Topic.Command<ModelPublished>> topic,
                                           ActorRef<ModelPublished> direct) {
        return create(settings.member(), (snap, gen) -> counted(settings, source, snap, gen), generation, topic,
                direct);
    }

    /**
     * @param member     the ensemble member index
     * @param rounds     runs one round on a snapshot (any model kind)
     * @param generation the member's last published generation (0 for a new campaign)
     * @param topic      the model topic to publish on, or null
     * @param direct     also told every published model, or null
     * @return the behavior
     */
    public static Behavior<Command> create(int member, RoundRunner rounds, long generation,
                                           ActorRef<Topic.Command<ModelPublished>> topic,
                                           ActorRef<ModelPublished> direct) {
        return Behaviors.setup(ctx -> new TrainerMember(ctx, member, rounds, generation, topic, direct));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(DatasetGrew.class, this::onGrew)
                .onMessage(RoundDone.class, this::onDone)
                .onMessage(RoundFailed.class, this::onFailed)
                .build();
    }

    private Behavior<Command> onGrew(DatasetGrew m) {
        requested = Math.max(requested, m.snapshot());
        startIfIdle();
        return this;
    }

    private void startIfIdle() {
        if (busy || requested <= trainedSnapshot) {
            return;
        }
        busy = true;
        long snap = requested;
        long gen = generation + 1;
        trainedSnapshot = snap;
        getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> round(snap, gen), executor),
                (r, err) -> err == null ? new RoundDone(r) : new RoundFailed(err));
    }

    private ModelPublished round(long snapshot, long gen) {
        ChaosJournal.phase("training");
        try {
            return rounds.run(snapshot, gen);
        } catch (java.io.IOException e) {
            throw new CompletionException(e);
        }
    }

    /** Runs a Deep Potential round, counted in {@link #roundsRunning} of its work directory. */
    private static ModelPublished counted(TrainerSettings settings, DatasetSource source, long snap, long gen)
            throws java.io.IOException {
        java.util.concurrent.atomic.AtomicInteger running = RUNNING.computeIfAbsent(
                settings.workDir().toAbsolutePath().normalize(), k -> new java.util.concurrent.atomic.AtomicInteger());
        running.incrementAndGet();
        try {
            return TrainingRound.run(settings, source.frames(snap), gen);
        } finally {
            running.decrementAndGet();
        }
    }

    /** Rounds running per work directory (a round outlives its actor: it is a plain blocking call). */
    private static final java.util.Map<java.nio.file.Path, java.util.concurrent.atomic.AtomicInteger> RUNNING =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param workDir a trainer work directory ({@link TrainerSettings#workDir()})
     * @return training rounds still running that write into it (also after their actors stopped)
     */
    public static int roundsRunning(java.nio.file.Path workDir) {
        java.util.concurrent.atomic.AtomicInteger n = RUNNING.get(workDir.toAbsolutePath().normalize());
        return n == null ? 0 : n.get();
    }

    private Behavior<Command> onDone(RoundDone m) {
        busy = false;
        generation = m.model().generation();
        if (topic != null) {
            topic.tell(Topic.publish(m.model()));
        }
        if (direct != null) {
            direct.tell(m.model());
        }
        startIfIdle();
        return this;
    }

    private Behavior<Command> onFailed(RoundFailed m) {
        busy = false;
        Throwable c = m.error() instanceof CompletionException && m.error().getCause() != null ? m.error().getCause()
                : m.error();
        getContext().getLog().error("trainer member {}: training round failed: {}", member, c.toString());
        throw new IllegalStateException("trainer member " + member + " failed a training round", c);
    }
}
