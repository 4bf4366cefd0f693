package org.eelt.explorer.agent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
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
import org.eelt.examiner.agent.Examiner;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.CborSerializable;
import org.eelt.protocol.messages.ModelPublished;

/**
 * A walker: dynamics in chunks on {@value #DISPATCHER} — MD ({@link MdWalk} on
 * {@link org.eelt.explorer.md.MdRunner}'s engine, NVE, Langevin NVT or NPT) with its member's
 * newest model for Deep Potential campaigns, a CV-space sampler or biased MD on the ensemble for
 * free-energy campaigns ({@link WalkerDynamics}). The trajectory state (positions, velocities,
 * cell, thermostat/barostat random stream) carries over from chunk to chunk, so chunks are one
 * continuous run; models are picked up between chunks, sampled frames sent to the examiner as
 * {@link Examiner.FramesVisited}. It pauses while {@code maxInFlight} batches are unacknowledged,
 * and restarts from its last accurate frame (with its cell; fresh Maxwell–Boltzmann velocities)
 * after an explosion or {@code failedBatchesRestart} consecutive batches without an accurate frame
 * and with failed ones (a restart asked for while a chunk runs applies when it ends). Reports
 * {@link Progress} to its parent after every chunk.
 *
 * @param <T> the trajectory state of its {@link WalkerDynamics}
 */
public final class Walker<T> extends AbstractBehavior<Walker.Command> {
    /** The dispatcher of MD chunks. */
    public static final String DISPATCHER = "eelt-md-dispatcher";

    /** Messages of a walker. */
    public sealed interface Command permits ModelArrived, Examined, SetPaused, ChunkDone, ChunkFailed, ModelParsed,
            ModelFailed {
    }

    /** Pauses (no new MD chunk starts; a running chunk completes) or resumes the walker. */
    public record SetPaused(boolean paused) implements Command, CborSerializable {
    }

    /** A member published a model (adapted from the model topic). */
    public record ModelArrived(ModelPublished model) implements Command, CborSerializable {
    }

    /** The examiner scored one of this walker's batches. */
    public record Examined(Examiner.FramesExamined result) implements Command, CborSerializable {
    }

    /**
     * Progress report to the parent.
     *
     * @param walker      walker id
     * @param steps       MD steps done
     * @param framesSent  frames sent to the examiner
     * @param busyMillis  milliseconds spent in MD chunks
     * @param restarts    restarts from an accurate frame
     * @param generation  generation of the model it runs
     * @param finished    whether it reached its step budget and all batches are acknowledged
     */
    public record Progress(String walker, long steps, long framesSent, long busyMillis, int restarts, long generation,
                           boolean finished) implements CborSerializable {
    }

    record ChunkDone(WalkerDynamics.Chunk result, long millis) implements Command, NoSerializationVerificationNeeded {
    }

    record ChunkFailed(Throwable error) implements Command, NoSerializationVerificationNeeded {
    }

    record ModelParsed(int member, long generation, Object model) implements Command, NoSerializationVerificationNeeded {
    }

    record ModelFailed(int member, long generation, Throwable error) implements Command,
            NoSerializationVerificationNeeded {
    }

    private final WalkerSettings settings;
    private final WalkerDynamics<T> dynamics;
    private final Map<Integer, Object> models = new HashMap<>();
    private final Map<Integer, Long> generations = new HashMap<>();
    private final ActorRef<Examiner.Command> examiner;
    private final ActorRef<Progress> parent;
    private final ActorRef<Examiner.FramesExamined> ackAdapter;
    private final Executor executor;
    private final SplittableRandom rng;
    private final Structure initial;
    private final Deque<List<AtomsData>> sent = new ArrayDeque<>();
    private T trajectory;
    private Structure restartFrom;
    private Structure lastAccurate;
    private WalkerDynamics.Chunks<T> potential;
    private long generation;
    private WalkerDynamics.Chunks<T> pending;
    private long pendingGeneration;
    private boolean running;
    private int inFlight;
    private long steps, framesSent, busyMillis;
    private int restarts, failedStreak;
    private boolean finishedReported;
    private boolean paused;

    private Walker(ActorContext<Command> ctx, WalkerSettings settings, WalkerDynamics<T> dynamics, Structure start,
                   ActorRef<Examiner.Command> examiner, ActorRef<Progress> parent,
                   ActorRef<Topic.Command<ModelPublished>> modelTopic, Collection<ModelPublished> initialModels) {
        super(ctx);
        this.settings = settings;
        this.dynamics = dynamics;
        this.examiner = examiner;
        this.parent = parent;
        this.ackAdapter = ctx.messageAdapter(Examiner.FramesExamined.class, Examined::new);
        this.executor = ctx.getSystem().dispatchers().lookup(DispatcherSelector.fromConfig(DISPATCHER));
        this.rng = new SplittableRandom(settings.seed());
        this.initial = start;
        this.lastAccurate = start;
        this.trajectory = dynamics.start(start, settings, rng.nextLong());
        if (modelTopic != null) {
            modelTopic.tell(Topic.subscribe(ctx.messageAdapter(ModelPublished.class, ModelArrived::new)));
        }
        for (ModelPublished m : initialModels) {
            ctx.getSelf().tell(new ModelArrived(m));
        }
        pending = dynamics.chunks(Map.of(), settings.member()); // dynamics that need no model start at once
        tryStartChunk();
    }

    /**
     * @param settings     walker settings
     * @param start        the start structure (Å)
     * @param examiner     where batches go
     * @param parent       where progress goes
     * @param modelTopic   the model topic, or null
     * @param initialModel the member's current model, or null (then the walker waits for one)
     * @return the behavior
     */
    public static Behavior<Command> create(WalkerSettings settings, AtomsData start, ActorRef<Examiner.Command> examiner,
                                           ActorRef<Progress> parent, ActorRef<Topic.Command<ModelPublished>> modelTopic,
                                           ModelPublished initialModel) {
        return create(settings, WalkerDynamics.deepPotential(), start, examiner, parent, modelTopic,
                initialModel == null ? List.of() : List.of(initialModel));
    }

    /**
     * @param settings      walker settings
     * @param dynamics      what the walker integrates
     * @param start         the start structure (Å)
     * @param examiner      where batches go
     * @param parent        where progress goes
     * @param modelTopic    the model topic, or null
     * @param initialModels the current models (those {@code dynamics} does not want are ignored)
     * @return the behavior of a walker of any exploration kind
     */
    public static <T> Behavior<Command> create(WalkerSettings settings, WalkerDynamics<T> dynamics, AtomsData start,
                                               ActorRef<Examiner.Command> examiner, ActorRef<Progress> parent,
                                               ActorRef<Topic.Command<ModelPublished>> modelTopic,
                                               Collection<ModelPublished> initialModels) {
        return Behaviors.setup(ctx -> new Walker<>(ctx, settings, dynamics, start.toStructure(), examiner, parent,
                modelTopic, List.copyOf(initialModels)));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(ModelArrived.class, this::onModelArrived)
                .onMessage(ModelParsed.class, this::onModelParsed)
                .onMessage(ModelFailed.class, this::onModelFailed)
                .onMessage(ChunkDone.class, this::onChunkDone)
                .onMessage(ChunkFailed.class, this::onChunkFailed)
                .onMessage(Examined.class, this::onExamined)
                .onMessage(SetPaused.class, this::onSetPaused)
                .build();
    }

    private Behavior<Command> onModelArrived(ModelArrived m) {
        ModelPublished p = m.model();
        if (!dynamics.wants(p, settings.member()) || p.generation() <= generations.getOrDefault(p.member(), 0L)) {
            return this;
        }
        getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> dynamics.parse(p), executor),
                (pot, err) -> err == null ? new ModelParsed(p.member(), p.generation(), pot)
                        : new ModelFailed(p.member(), p.generation(), err));
        return this;
    }

    private Behavior<Command> onModelParsed(ModelParsed m) {
        if (m.generation() > generations.getOrDefault(m.member(), 0L)) {
            models.put(m.member(), m.model());
            generations.put(m.member(), m.generation());
            WalkerDynamics.Chunks<T> c = dynamics.chunks(Map.copyOf(models), settings.member());
            long gen = generations.values().stream().mapToLong(Long::longValue).min().orElse(0);
            if (c != null) { // the newest models always win
                pending = c;
                pendingGeneration = gen;
            }
        }
        tryStartChunk();
        return this;
    }

    /** A model that cannot be parsed is skipped (the walker keeps its current one); a chunk may be running. */
    private Behavior<Command> onModelFailed(ModelFailed m) {
        getContext().getLog().warn("walker {}: model of member {} generation {} cannot be used, keeping the current"
                + " one: {}", settings.id(), m.member(), m.generation(), m.error().toString());
        return this;
    }

    private Behavior<Command> onSetPaused(SetPaused m) {
        paused = m.paused();
        tryStartChunk();
        return this;
    }

    private void tryStartChunk() {
        if (pending != null) {
            potential = pending;
            generation = pendingGeneration;
            pending = null;
        }
        if (paused || running || potential == null || steps >= settings.maxSteps() || inFlight >= settings.maxInFlight()) {
            reportFinishedIfDone();
            return;
        }
        running = true;
        WalkerDynamics.Chunks<T> pot = potential;
        T state = trajectory;
        int n = (int) Math.min(settings.chunkSteps(), settings.maxSteps() - steps);
        getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> timed(pot, state, n), executor),
                (r, err) -> err == null ? r : new ChunkFailed(err));
    }

    private ChunkDone timed(WalkerDynamics.Chunks<T> pot, T state, int n) {
        long t0 = System.nanoTime();
        WalkerDynamics.Chunk r = pot.run(state, n);
        return new ChunkDone(r, (System.nanoTime() - t0) / 1_000_000);
    }

    private Behavior<Command> onChunkDone(ChunkDone m) {
        running = false;
        busyMillis += m.millis();
        WalkerDynamics.Chunk r = m.result();
        steps += Math.max(1, r.steps());
        List<AtomsData> frames = new ArrayList<>();
        for (Structure f : r.frames()) {
            frames.add(AtomsData.of(f));
        }
        if (r.exploded()) {
            getContext().getLog().debug("walker {}: {}", settings.id(), r.explosion());
            restart("explosion");
        }
        applyRestart();
        if (!frames.isEmpty()) {
            sent.addLast(frames);
            inFlight++;
            framesSent += frames.size();
            examiner.tell(new Examiner.FramesVisited(settings.id(), generation, frames, ackAdapter));
        }
        report(false);
        tryStartChunk();
        return this;
    }

    private Behavior<Command> onChunkFailed(ChunkFailed m) {
        running = false;
        getContext().getLog().warn("walker {}: MD chunk or model failed: {}", settings.id(), m.error().toString());
        restart("error: " + m.error());
        steps += settings.chunkSteps();
        tryStartChunk();
        return this;
    }

    private Behavior<Command> onExamined(Examined m) {
        inFlight = Math.max(0, inFlight - 1);
        List<AtomsData> batch = sent.pollFirst();
        Examiner.FramesExamined r = m.result();
        if (batch != null && r.lastAccurateIndex() >= 0 && r.lastAccurateIndex() < batch.size()) {
            lastAccurate = batch.get(r.lastAccurateIndex()).toStructure();
        }
        failedStreak = (r.accurate() == 0 && r.failed() > 0) ? failedStreak + 1 : 0;
        if (failedStreak >= settings.failedBatchesRestart()) {
            restart(failedStreak + " batches without an accurate frame");
        }
        tryStartChunk();
        return this;
    }

    /** Asks for a restart from the last accurate frame; it applies now, or when the running chunk ends. */
    private void restart(String why) {
        restarts++;
        failedStreak = 0;
        restartFrom = lastAccurate != null ? lastAccurate : initial;
        getContext().getLog().debug("walker {} restarts from an accurate frame ({})", settings.id(), why);
        if (!running) {
            applyRestart();
        }
    }

    /** A new trajectory at the restart frame (fresh velocities, a new random stream of the walker's). */
    private void applyRestart() {
        if (restartFrom != null) {
            trajectory = dynamics.start(restartFrom, settings, rng.nextLong());
            restartFrom = null;
        }
    }

    private void reportFinishedIfDone() {
        if (!finishedReported && !running && steps >= settings.maxSteps() && inFlight == 0) {
            finishedReported = true;
            report(true);
        }
    }

    private void report(boolean finished) {
        parent.tell(new Progress(settings.id(), steps, framesSent, busyMillis, restarts, generation, finished));
    }
}
