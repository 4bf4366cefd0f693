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
import org.eelt.deploy.cluster.ClusterConfigs;
import org.eelt.deploy.cluster.RemoteWalker;
import org.eelt.deploy.cluster.WalkerHost;
import org.eelt.examiner.agent.ExaminationTally;
import org.eelt.examiner.agent.Examiner;
import org.eelt.explorer.agent.Walker;
import org.eelt.explorer.agent.WalkerSettings;
import org.eelt.labeler.agent.Labeler;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.CborSerializable;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.trainer.agent.TrainerMember;

/**
 * The campaign supervisor (asynchronous mode): spawns the model topic, the dataset recorder, the
 * examiner, the labeler pool, the K trainer members and, per stage, the walkers; bootstraps the
 * dataset; triggers training every N new labels; moves through the stages when the accurate ratio
 * over the examiner's window reaches x (or the stage's walkers are done); stops at the label or
 * wall-clock budget; persists progress to the store; replies a {@link CampaignResult}. In cluster
 * mode the walkers of a Deep Potential campaign run on explorer-role nodes through
 * {@link RemoteWalker} stand-ins and its trainer members on trainer-role nodes through
 * {@link org.eelt.deploy.cluster.RemoteTrainer} stand-ins (locally when no such node is listed);
 * free-energy walkers and trainers stay local.
 */
public final class Campaign extends AbstractBehavior<Campaign.Command> {
    /** The walker name under which bootstrap labels (rattled initial structures) are recorded. */
    public static final String BOOTSTRAP_WALKER = "bootstrap";

    /** Messages of the campaign. */
    public sealed interface Command permits Tick, StatsArrived, TallyArrived, RecordedArrived, ModelArrived,
            ModelStoredArrived, WalkerProgress, Stop, Pause, Resume, GetStatus, StoreFailedArrived, FinalStateSaved {
    }

    /**
     * Asks the campaign to stop gracefully with the given final status and reason.
     *
     * @param status the final status (e.g. budget-exhausted, stopped)
     * @param reason why, in words
     */
    public record Stop(String status, String reason) implements Command, CborSerializable {
        /** Stops with status budget-exhausted. */
        public Stop(String reason) {
            this("budget-exhausted", reason);
        }
    }

    /** Pauses the campaign: walkers start no new MD chunk and labelers stop pulling work. */
    public record Pause() implements Command, CborSerializable {
    }

    /** Resumes a paused campaign. */
    public record Resume() implements Command, CborSerializable {
    }

    /** Asks for a live {@link CampaignStatus} snapshot. */
    public record GetStatus(ActorRef<CampaignStatus> replyTo) implements Command, CborSerializable {
    }

    record TallyArrived(ExaminationTally.Tally tally) implements Command, NoSerializationVerificationNeeded {
    }

    record StoreFailedArrived(DatasetRecorder.StoreFailed failure) implements Command, NoSerializationVerificationNeeded {
    }

    record Tick() implements Command, NoSerializationVerificationNeeded {
    }

    /** The final state write was acknowledged or timed out: the result goes out now. */
    record FinalStateSaved(CampaignResult result) implements Command, NoSerializationVerificationNeeded {
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
    private final Map<String, Integer> walkerMember = new HashMap<>();
    private final List<ActorRef<Labeler.Command>> labelers;
    private final CampaignMetrics metrics = new CampaignMetrics();
    private final boolean remoteWalkers;
    private ExaminationTally.Tally tally;
    private boolean paused;
    private final PausableClock clock;
    private final WalkerTally walkerTally;
    private final Map<Integer, ModelPublished> latestModels;
    private final List<CampaignResult.Sample> history = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private final String runTag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private int stage;
    private boolean stageRunning;
    private int bootstrapOutstanding;
    private int bootstrapDone;
    private int firstRoundAfter = Integer.MAX_VALUE;
    private boolean trainingStarted;
    private long lastTrigger;
    private long cappedAtTrigger;
    private long labeled;
    private long labelFailures;
    private long modelVersions;
    private double labelerBusyMs;
    private final TrainerBusy trainerBusy;
    private final AsyncLosses losses;
    private int stagesConverged;
    private Examiner.Stats stats;
    private boolean finished;
    private boolean storeFailed;

    private Campaign(ActorContext<Command> ctx, TimerScheduler<Command> timers, CampaignEnv env,
                     ActorRef<CampaignResult> replyTo) {
        super(ctx);
        this.env = env;
        this.spec = env.spec();
        this.kind = CampaignKind.of(spec);
        this.replyTo = replyTo;
        this.timers = timers;
        this.stage = env.resumeStage();
        this.walkerTally = new WalkerTally(env.exploredBase());
        this.clock = new PausableClock(startNanos, env.wallBase());
        this.latestModels = new HashMap<>(env.latestModels());
        this.labeled = kind.labels(env.store());
        this.modelVersions = env.store().latestModelVersion();
        this.remoteWalkers = ClusterConfigs.isCluster(ctx.getSystem()) && !spec.isFreeEnergy();
        this.trainerBusy = new TrainerBusy(spec.training().ensembleSize());
        this.losses = new AsyncLosses(startNanos, spec.labeling().workers());
        this.topic = ctx.spawn(Topic.create(ModelPublished.class, topicName(env)), "models");
        topic.tell(Topic.subscribe(ctx.messageAdapter(ModelPublished.class, ModelArrived::new)));
        this.recorder = ctx.spawn(DatasetRecorder.create(env.store(), spec.isFreeEnergy(),
                        ctx.messageAdapter(DatasetRecorder.Recorded.class, RecordedArrived::new),
                        ctx.messageAdapter(DatasetRecorder.ModelStored.class, ModelStoredArrived::new),
                        ctx.messageAdapter(DatasetRecorder.StoreFailed.class, StoreFailedArrived::new)),
                "recorder", DispatcherSelector.fromConfig(DatasetRecorder.DISPATCHER));
        this.examiner = kind.examiner(ctx, env, topic);
        this.labelers = kind.labelers(ctx, env, examiner, recorder);
        metrics.seed(env.store());
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

    /**
     * The model topic's name: one per run directory, so that campaigns sharing an actor system
     * (the service) never see each other's models.
     */
    static String topicName(CampaignEnv env) {
        return "eelt-models-" + env.runDir().toAbsolutePath().normalize().getFileName();
    }

    private void begin() {
        int k = spec.training().ensembleSize();
        if (latestModels.size() == k) {
            losses.ensembleComplete(startNanos); // resumed with a complete ensemble: walkers start at once
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
            firstRoundAfter = (int) Math.ceil(spec.initialData().trainAfter() * spec.initialData().bootstrap() - labeled
                    - 1e-9);
            examiner.tell(new Examiner.SeedCandidates(seeds, BOOTSTRAP_WALKER));
        }
    }

    private void trainAll() {
        trainingStarted = true;
        lastTrigger = labeled;
        cappedAtTrigger = stats == null ? 0 : stats.capped();
        for (ActorRef<TrainerMember.Command> t : trainers) {
            t.tell(new TrainerMember.DatasetGrew(labeled));
        }
        trainerBusy.requestedAll(labeled, System.nanoTime());
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
                .onMessage(TallyArrived.class, m -> {
                    tally = m.tally();
                    return this;
                })
                .onMessage(Pause.class, m -> setPaused(true))
                .onMessage(Resume.class, m -> setPaused(false))
                .onMessage(GetStatus.class, this::onGetStatus)
                .onMessage(StoreFailedArrived.class, m -> {
                    storeFailed = true;
                    return finish("failed", "the store failed: " + m.failure().message());
                })
                .onMessage(FinalStateSaved.class, this::onFinalStateSaved)
                .build();
    }

    private Behavior<Command> onRecorded(RecordedArrived m) {
        DatasetRecorder.Recorded r = m.r();
        labelerBusyMs += r.busyMillis();
        labeled = r.datasetSize();
        if (r.labeled() && r.inserted()) {
            metrics.onLabel(r.busyMillis() / 1000.0);
        }
        if (!r.labeled() && r.finalFailure()) {
            labelFailures++;
        }
        boolean done = r.labeled() || r.finalFailure();
        // before the first round only bootstrap candidates exist; a failure's record carries no walker
        if (done && bootstrapOutstanding > 0 && (!trainingStarted || BOOTSTRAP_WALKER.equals(r.walker()))) {
            bootstrapOutstanding--;
            bootstrapDone++;
        }
        if (!trainingStarted) {
            if ((bootstrapOutstanding == 0 || bootstrapDone >= firstRoundAfter) && labeled > 0) {
                trainAll(); // with train-after < 1 the rest of the bootstrap is labeled while the first round runs
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
        trainerBusy.published(p.member(), System.nanoTime());
        metrics.onModel(p);
        if (latestModels.size() == spec.training().ensembleSize()) {
            losses.ensembleComplete(System.nanoTime());
        }
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
        CampaignSpec.Stage st = spec.exploration().stages().get(stage);
        walkerTally.stageStarted(st.walkers(), System.nanoTime());
        examiner.tell(new Examiner.StartStage(stage, st.walkers()));
        ActorRef<Walker.Progress> progress = getContext().messageAdapter(Walker.Progress.class, WalkerProgress::new);
        for (int w = 0; w < st.walkers(); w++) {
            String id = "s" + stage + "-w" + w + "-" + runTag;
            int index = w;
            Map<Integer, ModelPublished> models = Map.copyOf(latestModels);
            java.util.function.Function<ActorRef<Walker.Progress>, Behavior<Walker.Command>> local = p -> kind.walker(env,
                    stage, index, st.stepsPerWalker(), id, runTag.hashCode(), examiner, p, topic, models);
            Behavior<Walker.Command> behavior = local.apply(progress);
            if (remoteWalkers) { // explorer-role nodes host Deep Potential walkers (falls back to local ones)
                WalkerSettings ws = CampaignAgents.walker(spec, stage, w, st.stepsPerWalker(), id, runTag.hashCode());
                behavior = RemoteWalker.create(w, new WalkerHost.StartWalker(ws, CampaignAgents.start(spec, stage, w),
                        examiner, progress, topicName(env), latestModels.get(ws.member()), paused, null), local);
            }
            ActorRef<Walker.Command> walker = getContext().spawn(Behaviors.supervise(behavior)
                    .onFailure(SupervisorStrategy.restart()), id);
            walkers.put(id, walker);
            walkerMember.put(id, w % spec.training().ensembleSize()); // CampaignAgents.walker's member rule
            if (paused) {
                walker.tell(new Walker.SetPaused(true));
            }
        }
        saveState();
    }

    private Behavior<Command> onWalkerProgress(WalkerProgress m) {
        Walker.Progress p = m.progress();
        if (!walkers.containsKey(p.walker())) {
            return this;
        }
        if (walkerTally.report(p) && stageRunning) {
            endStage(false);
        }
        return this;
    }

    private void endStage(boolean converged) {
        if (converged) {
            stagesConverged++;
        }
        walkerTally.stageEnded(System.nanoTime());
        walkers.values().forEach(getContext()::stop);
        walkers.clear();
        walkerMember.clear();
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
        examiner.tell(new Examiner.GetTally(getContext().messageAdapter(ExaminationTally.Tally.class,
                TallyArrived::new)));
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
        losses.onStats(stats, System.nanoTime());
        history.add(new CampaignResult.Sample(wallS(), walkerTally.explored(), labeled, stats.queued(),
                stats.generation(), stats.windowRatio(), stage, stats.inFlight(), stats.pendingBatches()));
        if (env.progress() != null) {
            env.progress().println(progressLine());
        }
        saveState();
        if (quotaExhausted(stats)) {
            trainAll();
        }
        if (stageRunning && stats.windowFull() && stats.windowRatio() >= spec.convergence().accurateRatio()) {
            endStage(true);
        }
        return this;
    }

    /**
     * Whether the examiner has been dropping candidates for lack of quota since the last round
     * while nothing is queued or being labeled and new labels wait to be trained on: only new
     * model versions can renew the quota, so a round starts even before {@code trigger.new-labels}
     * labels came in (else a quota below the trigger would stall the campaign).
     */
    private boolean quotaExhausted(Examiner.Stats s) {
        return trainingStarted && labeled > lastTrigger && s.capped() > cappedAtTrigger && s.queued() == 0
                && s.inFlight() == 0;
    }

    private Behavior<Command> onStop(Stop m) {
        return finish(m.status(), m.reason());
    }

    private Behavior<Command> setPaused(boolean p) {
        if (finished || p == paused) {
            return this;
        }
        paused = p;
        clock.setPaused(p, System.nanoTime());
        walkers.values().forEach(w -> w.tell(new Walker.SetPaused(p)));
        labelers.forEach(l -> l.tell(new Labeler.SetPaused(p)));
        return this;
    }

    private Behavior<Command> onGetStatus(GetStatus m) {
        Examiner.Stats st = stats;
        ExaminationTally.Tally t = tally != null ? tally : new ExaminationTally().snapshot();
        m.replyTo().tell(new CampaignStatus(finished ? "finished" : paused ? "paused" : "running",
                Math.min(stage, spec.exploration().stages().size()), spec.exploration().stages().size(), wallS(),
                walkerTally.explored(), st == null ? 0 : st.examined(), st == null ? 0 : st.candidates(),
                st == null ? 0 : st.selected(), labeled, labelFailures, modelVersions,
                st == null ? 0 : st.generation(), st == null ? 0 : st.windowRatio(),
                new CampaignStatus.Utilization(walkerTally.utilization(System.nanoTime()),
                        labelerUtilization(), trainerUtilization()),
                st == null ? 0 : st.pendingBatches(), st == null ? 0 : st.queued(), st == null ? 0 : st.inFlight(),
                walkerTally.staleness(walkerMember, latestModels), t, metrics.curves(), metrics.latency(),
                CampaignMetrics.thin(history)));
        return this;
    }

    /** @return labeler busy seconds / (labelers × this process's wall seconds) */
    private double labelerUtilization() {
        return labelerBusyMs / 1000 / Math.max(1e-9, processWallS() * spec.labeling().workers());
    }

    private double trainerUtilization() {
        return trainerBusy.utilization(System.nanoTime(), processWallS());
    }

    private double processWallS() {
        return (System.nanoTime() - startNanos) * 1e-9;
    }

    /** @return campaign wall seconds: earlier processes plus this one, paused time excluded. */
    private double wallS() {
        return clock.wallS(System.nanoTime());
    }

    private String progressLine() {
        return String.format(Locale.ROOT, "[%6.0f s] stage %d/%d  explored %d  candidates %d queued %d in-flight"
                        + "  labeled %d  models %d (gen %d)  accurate %.3f (%d/%d, median devi %.3f %s)  util L %.0f%% T %.0f%%",
                wallS(), Math.min(stage + 1, spec.exploration().stages().size()), spec.exploration().stages().size(),
                walkerTally.explored(), stats.queued(), stats.inFlight(), labeled, modelVersions, stats.generation(),
                stats.windowRatio(), stats.windowFilled(), spec.convergence().window(), stats.windowMedianDeviation(),
                spec.isFreeEnergy() ? spec.fe().energyUnit() + "/CV unit" : "eV/Å",
                100 * labelerUtilization(), 100 * trainerUtilization());
    }

    private void saveState() {
        recorder.tell(new DatasetRecorder.SaveState(progressState()));
    }

    /** @return the progress a resumed run starts from: stage, frames explored, wall seconds */
    private Map<String, String> progressState() {
        Map<String, String> s = new HashMap<>();
        s.put("campaign/stage", Integer.toString(stage));
        s.put("campaign/explored", Long.toString(walkerTally.explored()));
        s.put("campaign/wall-s", Double.toString(wallS()));
        return s;
    }

    private Behavior<Command> finish(String status, String reason) {
        if (finished) {
            return this;
        }
        double explorerUtil = walkerTally.utilization(System.nanoTime());
        finished = true;
        timers.cancelAll();
        long explored = walkerTally.explored();
        Map<String, String> s = progressState();
        s.put("campaign/status", status);
        walkers.values().forEach(getContext()::stop);
        CampaignResult result = new CampaignResult(status, reason, explored, stats == null ? 0 : stats.examined(), labeled,
                labelFailures, modelVersions, stagesConverged, wallS(),
                labelerUtilization(), trainerUtilization(),
                explorerUtil, stats == null ? 0 : stats.windowRatio(), List.copyOf(history),
                losses.figures(System.nanoTime(), labelerBusyMs / 1000, trainerBusy.busyS(System.nanoTime()),
                        spec.training().ensembleSize()));
        if (storeFailed) {
            replyTo.tell(result); // the recorder has stopped: nothing more can be written
        } else {
            // the result goes out only once the final status is durable: whoever gets it may end the process
            DatasetRecorder.saveFinalState(getContext(), recorder, s, new FinalStateSaved(result));
        }
        return this;
    }

    private Behavior<Command> onFinalStateSaved(FinalStateSaved m) {
        replyTo.tell(m.result());
        return this;
    }
}
