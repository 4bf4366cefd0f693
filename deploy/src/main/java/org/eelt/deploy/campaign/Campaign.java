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
import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.trainer.agent.TrainerMember;

/**
 * The campaign supervisor (asynchronous mode): spawns the model topic, the dataset recorder, the
 * examiner, the labeler pool, the K trainer members and, per stage, the walkers; bootstraps the
 * dataset; triggers training every N new labels; moves through the stages when the accurate ratio
 * over the examiner's window reaches x (or the stage's walkers are done); stops at the label or
 * wall-clock budget; persists progress to the store; replies a {@link CampaignResult}.
 */
public final class Campaign extends AbstractBehavior<Campaign.Command> {
    /** Messages of the campaign. */
    public sealed interface Command permits Tick, StatsArrived, RecordedArrived, ModelArrived, ModelStoredArrived,
            WalkerProgress, Stop {
    }

    /** Asks the campaign to stop gracefully (status budget-exhausted, reason given). */
    public record Stop(String reason) implements Command, NoSerializationVerificationNeeded {
    }

    record Tick() implements Command, NoSerializationVerificationNeeded {
    }

    record StatsArrived(Examiner.Stats stats) implements Command, NoSerializationVerificationNeeded {
    }

    record RecordedArrived(DatasetRecorder.Recorded r) implements Command, NoSerializationVerificationNeeded {
    }

    record ModelArrived(ModelPublished model) implements Command, NoSerializationVerificationNeeded {
    }

    record ModelStoredArrived(DatasetRecorder.ModelStored stored) implements Command, NoSerializationVerificationNeeded {
    }

    record WalkerProgress(Walker.Progress progress) implements Command, NoSerializationVerificationNeeded {
    }

    private final CampaignEnv env;
    private final CampaignSpec spec;
    private final CampaignKind kind;
    private final ActorRef<CampaignResult> replyTo;
    private final TimerScheduler<Command> timers;
    private final ActorRef<Topic.Command<ModelPublished>> topic;
    private final ActorRef<DatasetRecorder.Command> recorder;
    private final ActorRef<Examiner.Command> examiner;
    private final List<ActorRef<TrainerMember.Command>> trainers = new ArrayList<>();
    private final Map<String, ActorRef<Walker.Command>> walkers = new HashMap<>();
    private final Map<String, Walker.Progress> walkerProgress = new HashMap<>();
    private final Map<Integer, ModelPublished> latestModels;
    private final List<CampaignResult.Sample> history = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private final String runTag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private int stage;
    private boolean stageRunning;
    private long stageStartNanos;
    private long exploredDone;
    private long walkerBusyDone;
    private double walkerAliveDone;
    private int bootstrapOutstanding;
    private boolean trainingStarted;
    private long lastTrigger;
    private long labeled;
    private long labelFailures;
    private long modelVersions;
    private double labelerBusyMs;
    private double trainerBusyS;
    private int stagesConverged;
    private Examiner.Stats stats;
    private boolean finished;

    private Campaign(ActorContext<Command> ctx, TimerScheduler<Command> timers, CampaignEnv env,
                     ActorRef<CampaignResult> replyTo) {
        super(ctx);
        this.env = env;
        this.spec = env.spec();
        this.kind = CampaignKind.of(spec);
        this.replyTo = replyTo;
        this.timers = timers;
        this.stage = env.resumeStage();
        this.exploredDone = env.exploredBase();
        this.latestModels = new HashMap<>(env.latestModels());
        this.labeled = kind.labels(env.store());
        this.modelVersions = env.store().latestModelVersion();
        this.topic = ctx.spawn(Topic.create(ModelPublished.class, "eelt-models"), "models");
        topic.tell(Topic.subscribe(ctx.messageAdapter(ModelPublished.class, ModelArrived::new)));
        this.recorder = ctx.spawn(DatasetRecorder.create(env.store(), spec.isFreeEnergy(),
                        ctx.messageAdapter(DatasetRecorder.Recorded.class, RecordedArrived::new),
                        ctx.messageAdapter(DatasetRecorder.ModelStored.class, ModelStoredArrived::new)),
                "recorder", DispatcherSelector.fromConfig(DatasetRecorder.DISPATCHER));
        this.examiner = kind.examiner(ctx, env, topic);
        kind.labelers(ctx, env, examiner, recorder);
        trainers.addAll(kind.trainers(ctx, env, latestModels, topic));
        timers.startTimerAtFixedRate(new Tick(), Duration.ofMillis(env.tickMillis()));
        begin();
    }

    /**
     * @param env     spec, store and resume state
     * @param replyTo gets the result when the campaign ends
     * @return the behavior
     */
    public static Behavior<Command> create(CampaignEnv env, ActorRef<CampaignResult> replyTo) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(t -> new Campaign(ctx, t, env, replyTo)));
    }

    private void begin() {
        int k = spec.training().ensembleSize();
        if (latestModels.size() == k) {
            trainingStarted = true;
            lastTrigger = labeled;
            for (ModelPublished m : latestModels.values()) {
                examiner.tell(new Examiner.ModelArrived(m));
            }
            if (latestModels.values().stream().anyMatch(m -> m.datasetSize() < labeled)) {
                trainAll();
            }
            startStage();
        } else if (labeled >= spec.initialData().bootstrap() || (labeled > 0 && spec.initialData().bootstrap() == 0)) {
            trainAll();
        } else {
            List<AtomsData> seeds = kind.bootstrap(spec, (int) (spec.initialData().bootstrap() - labeled), labeled);
            bootstrapOutstanding = seeds.size();
            examiner.tell(new Examiner.SeedCandidates(seeds, "bootstrap"));
        }
    }

    private void trainAll() {
        trainingStarted = true;
        lastTrigger = labeled;
        for (ActorRef<TrainerMember.Command> t : trainers) {
            t.tell(new TrainerMember.DatasetGrew(labeled));
        }
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Tick.class, this::onTick)
                .onMessage(StatsArrived.class, this::onStats)
                .onMessage(RecordedArrived.class, this::onRecorded)
                .onMessage(ModelArrived.class, this::onModel)
                .onMessage(ModelStoredArrived.class, this::onModelStored)
                .onMessage(WalkerProgress.class, this::onWalkerProgress)
                .onMessage(Stop.class, this::onStop)
                .build();
    }

    private Behavior<Command> onRecorded(RecordedArrived m) {
        DatasetRecorder.Recorded r = m.r();
        labelerBusyMs += r.busyMillis();
        labeled = r.datasetSize();
        if (!r.labeled() && r.finalFailure()) {
            labelFailures++;
        }
        boolean done = r.labeled() || r.finalFailure();
        // before the first round only bootstrap candidates exist; a failure's record carries no walker
        if (done && bootstrapOutstanding > 0 && (!trainingStarted || "bootstrap".equals(r.walker()))) {
            bootstrapOutstanding--;
        }
        if (!trainingStarted) {
            if (bootstrapOutstanding == 0 && labeled > 0) {
                trainAll();
            }
        } else if (labeled - lastTrigger >= spec.training().triggerNewLabels()) {
            trainAll();
        }
        if (labeled >= spec.convergence().maxLabels()) {
            return finish("budget-exhausted", "label budget of " + spec.convergence().maxLabels() + " reached");
        }
        return this;
    }

    private Behavior<Command> onModel(ModelArrived m) {
        ModelPublished p = m.model();
        ModelPublished old = latestModels.get(p.member());
        if (old == null || old.generation() < p.generation()) {
            latestModels.put(p.member(), p);
        }
        trainerBusyS += p.trainSeconds();
        recorder.tell(new DatasetRecorder.StoreModel(p));
        if (!stageRunning && !finished && latestModels.size() == spec.training().ensembleSize()) {
            startStage();
        }
        return this;
    }

    private Behavior<Command> onModelStored(ModelStoredArrived m) {
        modelVersions = m.stored().version();
        return this;
    }

    private void startStage() {
        if (stage >= spec.exploration().stages().size()) {
            finish("converged", "all stages were completed before");
            return;
        }
        stageRunning = true;
        stageStartNanos = System.nanoTime();
        examiner.tell(new Examiner.StartStage(stage));
        CampaignSpec.Stage st = spec.exploration().stages().get(stage);
        ActorRef<Walker.Progress> progress = getContext().messageAdapter(Walker.Progress.class, WalkerProgress::new);
        for (int w = 0; w < st.walkers(); w++) {
            String id = "s" + stage + "-w" + w + "-" + runTag;
            Behavior<Walker.Command> walker = kind.walker(env, stage, w, st.stepsPerWalker(), id, runTag.hashCode(),
                    examiner, progress, topic, Map.copyOf(latestModels));
            walkers.put(id, getContext().spawn(Behaviors.supervise(walker).onFailure(SupervisorStrategy.restart()), id));
        }
        saveState();
    }

    private Behavior<Command> onWalkerProgress(WalkerProgress m) {
        Walker.Progress p = m.progress();
        if (!walkers.containsKey(p.walker())) {
            return this;
        }
        walkerProgress.put(p.walker(), p);
        if (stageRunning && walkerProgress.size() == walkers.size()
                && walkerProgress.values().stream().allMatch(Walker.Progress::finished)) {
            endStage(false);
        }
        return this;
    }

    private void endStage(boolean converged) {
        if (converged) {
            stagesConverged++;
        }
        double alive = (System.nanoTime() - stageStartNanos) * 1e-9 * walkers.size();
        walkerAliveDone += alive;
        for (Walker.Progress p : walkerProgress.values()) {
            exploredDone += p.framesSent();
            walkerBusyDone += p.busyMillis();
        }
        walkers.values().forEach(getContext()::stop);
        walkers.clear();
        walkerProgress.clear();
        stageRunning = false;
        stage++;
        if (stage >= spec.exploration().stages().size()) {
            finish(converged ? "converged" : "budget-exhausted", converged
                    ? "accurate ratio >= " + spec.convergence().accurateRatio() + " in the last stage"
                    : "the last stage's walkers used their steps without reaching the accurate ratio");
            return;
        }
        startStage();
    }

    private Behavior<Command> onTick(Tick m) {
        if (finished) {
            return this;
        }
        examiner.tell(new Examiner.GetStats(getContext().messageAdapter(Examiner.Stats.class, StatsArrived::new)));
        if (wallS() >= spec.convergence().maxWallS()) {
            return finish("budget-exhausted", "wall-clock budget of " + spec.convergence().maxWallS() + " s reached");
        }
        return this;
    }

    private Behavior<Command> onStats(StatsArrived m) {
        if (finished) {
            return this;
        }
        stats = m.stats();
        history.add(new CampaignResult.Sample(wallS(), explored(), labeled, stats.queued(), stats.generation(),
                stats.windowRatio(), stage));
        if (env.progress() != null) {
            env.progress().println(progressLine());
        }
        saveState();
        if (stageRunning && stats.windowFull() && stats.windowRatio() >= spec.convergence().accurateRatio()) {
            endStage(true);
        }
        return this;
    }

    private Behavior<Command> onStop(Stop m) {
        return finish("budget-exhausted", m.reason());
    }

    private long explored() {
        long e = exploredDone;
        for (Walker.Progress p : walkerProgress.values()) {
            e += p.framesSent();
        }
        return e;
    }

    private double wallS() {
        return env.wallBase() + (System.nanoTime() - startNanos) * 1e-9;
    }

    private String progressLine() {
        double wall = (System.nanoTime() - startNanos) * 1e-9;
        return String.format(Locale.ROOT, "[%6.0f s] stage %d/%d  explored %d  candidates %d queued %d in-flight"
                        + "  labeled %d  models %d (gen %d)  accurate %.3f (%d/%d, median devi %.3f %s)  util L %.0f%% T %.0f%%",
                wallS(), Math.min(stage + 1, spec.exploration().stages().size()), spec.exploration().stages().size(),
                explored(), stats.queued(), stats.inFlight(), labeled, modelVersions, stats.generation(),
                stats.windowRatio(), stats.windowFilled(), spec.convergence().window(), stats.windowMedianDeviation(),
                spec.isFreeEnergy() ? spec.fe().energyUnit() + "/CV unit" : "eV/Å",
                100 * labelerBusyMs / 1000 / Math.max(1e-9, wall * spec.labeling().workers()),
                100 * trainerBusyS / Math.max(1e-9, wall * spec.training().ensembleSize()));
    }

    private void saveState() {
        Map<String, String> s = new HashMap<>();
        s.put("campaign/stage", Integer.toString(stage));
        s.put("campaign/explored", Long.toString(explored()));
        s.put("campaign/wall-s", Double.toString(wallS()));
        recorder.tell(new DatasetRecorder.SaveState(s));
    }

    private Behavior<Command> finish(String status, String reason) {
        if (finished) {
            return this;
        }
        finished = true;
        timers.cancelAll();
        double wall = (System.nanoTime() - startNanos) * 1e-9;
        double alive = walkerAliveDone + (stageRunning ? (System.nanoTime() - stageStartNanos) * 1e-9 * walkers.size() : 0);
        long busy = walkerBusyDone;
        for (Walker.Progress p : walkerProgress.values()) {
            busy += p.busyMillis();
        }
        long explored = explored();
        Map<String, String> s = new HashMap<>();
        s.put("campaign/stage", Integer.toString(stage));
        s.put("campaign/explored", Long.toString(explored));
        s.put("campaign/wall-s", Double.toString(wallS()));
        s.put("campaign/status", status);
        recorder.tell(new DatasetRecorder.SaveState(s));
        walkers.values().forEach(getContext()::stop);
        replyTo.tell(new CampaignResult(status, reason, explored, stats == null ? 0 : stats.examined(), labeled,
                labelFailures, modelVersions, stagesConverged, wallS(),
                labelerBusyMs / 1000 / Math.max(1e-9, wall * spec.labeling().workers()),
                trainerBusyS / Math.max(1e-9, wall * spec.training().ensembleSize()),
                alive <= 0 ? 0 : busy / 1000.0 / alive, stats == null ? 0 : stats.windowRatio(), List.copyOf(history)));
        return this;
    }
}
