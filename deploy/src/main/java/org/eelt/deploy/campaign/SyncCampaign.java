package org.eelt.deploy.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.eelt.examiner.agent.Examiner;
import org.eelt.explorer.agent.Walker;
import org.eelt.explorer.agent.WalkerSettings;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.trainer.agent.TrainerMember;

/**
 * The synchronous (DP-GEN style) baseline: the same agents, but with barriers. Each iteration
 * trains all K members and waits for all of them, then explores with every walker for
 * {@code chunk-steps × 10} steps and waits until all frames are examined, then labels every
 * selected candidate and waits until the queue is empty. Convergence and budgets as in
 * {@link Campaign}. Used as the baseline of the campaign benchmark.
 */
public final class SyncCampaign extends AbstractBehavior<SyncCampaign.Command> {
    /** Messages of the synchronous campaign. */
    public sealed interface Command permits Tick, StatsArrived, RecordedArrived, ModelArrived, WalkerProgress {
    }

    record Tick() implements Command, NoSerializationVerificationNeeded {
    }

    record StatsArrived(Examiner.Stats stats) implements Command, NoSerializationVerificationNeeded {
    }

    record RecordedArrived(DatasetRecorder.Recorded r) implements Command, NoSerializationVerificationNeeded {
    }

    record ModelArrived(ModelPublished model) implements Command, NoSerializationVerificationNeeded {
    }

    record WalkerProgress(Walker.Progress progress) implements Command, NoSerializationVerificationNeeded {
    }

    private enum Phase { BOOTSTRAP, TRAIN, EXPLORE, LABEL, DONE }

    private final CampaignEnv env;
    private final CampaignSpec spec;
    private final ActorRef<CampaignResult> replyTo;
    private final TimerScheduler<Command> timers;
    private final ActorRef<DatasetRecorder.Command> recorder;
    private final ActorRef<Examiner.Command> examiner;
    private final List<ActorRef<TrainerMember.Command>> trainers;
    private final Map<Integer, ModelPublished> latest = new HashMap<>();
    private final Map<String, Walker.Progress> walkers = new HashMap<>();
    private final List<ActorRef<Walker.Command>> walkerRefs = new ArrayList<>();
    private final List<CampaignResult.Sample> history = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private Phase phase = Phase.BOOTSTRAP;
    private int stage;
    private long stageSteps;
    private long iteration;
    private long labeled, labelFailures, modelVersions, explored, walkerBusyMs;
    private long labeledAtTrain;
    private double labelerBusyMs, trainerBusyS, walkerAliveS;
    private long exploreStartNanos;
    private long lastSampleNanos;
    private int bootstrapOutstanding, stagesConverged;
    private Examiner.Stats stats;

    private SyncCampaign(ActorContext<Command> ctx, TimerScheduler<Command> timers, CampaignEnv env,
                         ActorRef<CampaignResult> replyTo) {
        super(ctx);
        this.env = env;
        this.spec = env.spec();
        this.replyTo = replyTo;
        this.timers = timers;
        this.labeled = env.store().count();
        ActorRef<Topic.Command<ModelPublished>> topic = ctx.spawn(Topic.create(ModelPublished.class, "eelt-models"),
                "models");
        topic.tell(Topic.subscribe(ctx.messageAdapter(ModelPublished.class, ModelArrived::new)));
        this.recorder = ctx.spawn(DatasetRecorder.create(env.store(),
                        ctx.messageAdapter(DatasetRecorder.Recorded.class, RecordedArrived::new),
                        ctx.spawn(Behaviors.ignore(), "model-acks")),
                "recorder", DispatcherSelector.fromConfig(DatasetRecorder.DISPATCHER));
        this.examiner = CampaignAgents.examiner(ctx, spec, topic, env.store());
        CampaignAgents.labelers(ctx, env, examiner, recorder);
        this.trainers = CampaignAgents.trainers(ctx, env, Map.of(), topic);
        timers.startTimerAtFixedRate(new Tick(), Duration.ofMillis(env.tickMillis()));
        examiner.tell(new Examiner.StartStage(0, spec.exploration().stages().get(0).walkers()));
        if (labeled >= spec.initialData().bootstrap()) {
            train();
        } else {
            var seeds = CampaignAgents.bootstrap(spec, (int) (spec.initialData().bootstrap() - labeled), labeled);
            bootstrapOutstanding = seeds.size();
            examiner.tell(new Examiner.SeedCandidates(seeds, "bootstrap"));
        }
    }

    /** @return the behavior of a new synchronous campaign (resume is not supported in sync mode). */
    public static Behavior<Command> create(CampaignEnv env, ActorRef<CampaignResult> replyTo) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(t -> new SyncCampaign(ctx, t, env, replyTo)));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Tick.class, this::onTick)
                .onMessage(StatsArrived.class, this::onStats)
                .onMessage(RecordedArrived.class, this::onRecorded)
                .onMessage(ModelArrived.class, this::onModel)
                .onMessage(WalkerProgress.class, this::onWalker)
                .build();
    }

    private void train() {
        phase = Phase.TRAIN;
        iteration++;
        labeledAtTrain = labeled;
        trainers.forEach(t -> t.tell(new TrainerMember.DatasetGrew(labeled)));
    }

    private Behavior<Command> onRecorded(RecordedArrived m) {
        labelerBusyMs += m.r().busyMillis();
        labeled = m.r().datasetSize();
        if (!m.r().labeled() && m.r().finalFailure()) {
            labelFailures++;
        }
        if (phase == Phase.BOOTSTRAP && (m.r().labeled() || m.r().finalFailure()) && --bootstrapOutstanding <= 0) {
            train();
        }
        if (labeled >= spec.convergence().maxLabels()) {
            return finish("budget-exhausted", "label budget of " + spec.convergence().maxLabels() + " reached");
        }
        if (phase == Phase.LABEL) {
            pollStats(); // the label barrier is checked as soon as a label lands, not at the next tick
        }
        return this;
    }

    private void pollStats() {
        examiner.tell(new Examiner.GetStats(getContext().messageAdapter(Examiner.Stats.class, StatsArrived::new)));
    }

    private Behavior<Command> onModel(ModelArrived m) {
        ModelPublished p = m.model();
        latest.put(p.member(), p);
        trainerBusyS += p.trainSeconds();
        modelVersions++;
        recorder.tell(new DatasetRecorder.StoreModel(p));
        boolean all = latest.size() == spec.training().ensembleSize()
                && latest.values().stream().allMatch(x -> x.generation() >= iteration);
        if (phase == Phase.TRAIN && all) {
            explore();
        }
        return this;
    }

    private void explore() {
        phase = Phase.EXPLORE;
        exploreStartNanos = System.nanoTime();
        CampaignSpec.Stage st = spec.exploration().stages().get(stage);
        long steps = Math.min(10L * spec.exploration().chunkSteps(), Math.max(1, st.stepsPerWalker() - stageSteps));
        stageSteps += steps;
        ActorRef<Walker.Progress> progress = getContext().messageAdapter(Walker.Progress.class, WalkerProgress::new);
        for (int w = 0; w < st.walkers(); w++) {
            String id = "sync-i" + iteration + "-s" + stage + "-w" + w;
            WalkerSettings ws = CampaignAgents.walker(spec, stage, w, steps, id, iteration * 7919L);
            walkerRefs.add(getContext().spawn(Behaviors.supervise(Walker.create(ws, CampaignAgents.start(spec, stage, w),
                    examiner, progress, null, latest.get(ws.member()))).onFailure(SupervisorStrategy.stop()), id));
            walkers.put(id, null);
        }
    }

    private Behavior<Command> onWalker(WalkerProgress m) {
        Walker.Progress p = m.progress();
        if (phase != Phase.EXPLORE || !walkers.containsKey(p.walker())) {
            return this;
        }
        walkers.put(p.walker(), p);
        if (walkers.values().stream().allMatch(x -> x != null && x.finished())) {
            for (Walker.Progress x : walkers.values()) {
                explored += x.framesSent();
                walkerBusyMs += x.busyMillis();
            }
            walkerAliveS += (System.nanoTime() - exploreStartNanos) * 1e-9 * walkers.size();
            walkerRefs.forEach(getContext()::stop);
            walkerRefs.clear();
            walkers.clear();
            phase = Phase.LABEL;
            pollStats();
        }
        return this;
    }

    private Behavior<Command> onTick(Tick m) {
        pollStats();
        if (wallS() >= spec.convergence().maxWallS()) {
            return finish("budget-exhausted", "wall-clock budget of " + spec.convergence().maxWallS() + " s reached");
        }
        return this;
    }

    private Behavior<Command> onStats(StatsArrived m) {
        stats = m.stats();
        if (phase == Phase.DONE) {
            return this;
        }
        boolean tick = history.isEmpty() || System.nanoTime() - lastSampleNanos >= env.tickMillis() * 900_000L;
        if (tick) {
            lastSampleNanos = System.nanoTime();
            history.add(new CampaignResult.Sample(wallS(), explored, labeled, stats.queued(), stats.generation(),
                    stats.windowRatio(), stage));
        }
        if (tick && env.progress() != null) {
            env.progress().println(String.format(Locale.ROOT, "[%6.0f s] sync iteration %d %s  explored %d  labeled %d"
                    + "  accurate %.3f (%d)", wallS(), iteration, phase, explored, labeled, stats.windowRatio(),
                    stats.windowFilled()));
        }
        if (phase == Phase.LABEL && stats.queued() == 0 && stats.inFlight() == 0 && stats.pendingBatches() == 0) {
            nextIteration();
        }
        return this;
    }

    private void nextIteration() {
        CampaignSpec.Stage st = spec.exploration().stages().get(stage);
        boolean converged = stats.windowFull() && stats.windowRatio() >= spec.convergence().accurateRatio();
        if (converged || stageSteps >= st.stepsPerWalker()) {
            stagesConverged += converged ? 1 : 0;
            stage++;
            stageSteps = 0;
            if (stage >= spec.exploration().stages().size()) {
                finish(converged ? "converged" : "budget-exhausted", converged ? "accurate ratio reached in the last stage"
                        : "the last stage's steps were used without reaching the accurate ratio");
                return;
            }
            examiner.tell(new Examiner.StartStage(stage, spec.exploration().stages().get(stage).walkers()));
        }
        if (labeled > labeledAtTrain) {
            train();
        } else {
            explore();
        }
    }

    private double wallS() {
        return (System.nanoTime() - startNanos) * 1e-9;
    }

    private Behavior<Command> finish(String status, String reason) {
        if (phase == Phase.DONE) {
            return this;
        }
        phase = Phase.DONE;
        timers.cancelAll();
        walkerRefs.forEach(getContext()::stop);
        double wall = wallS();
        replyTo.tell(new CampaignResult(status, reason, explored, stats == null ? 0 : stats.examined(), labeled,
                labelFailures, modelVersions, stagesConverged, wall,
                labelerBusyMs / 1000 / Math.max(1e-9, wall * spec.labeling().workers()),
                trainerBusyS / Math.max(1e-9, wall * spec.training().ensembleSize()),
                walkerAliveS <= 0 ? 0 : walkerBusyMs / 1000.0 / walkerAliveS,
                stats == null ? 0 : stats.windowRatio(), List.copyOf(history)));
        return this;
    }
}
