package org.eelt.deploy.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
import org.eelt.deploy.campaign.SyncProgress.Phase;
import org.eelt.examiner.agent.Examiner;
import org.eelt.explorer.agent.Walker;
import org.eelt.explorer.agent.WalkerSettings;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.store.ContentHash;
import org.eelt.trainer.agent.TrainerMember;

/**
 * The synchronous (DP-GEN style) baseline: the same agents, but with barriers. Each iteration
 * trains all K members and waits for all of them, then explores with every walker for
 * {@code chunk-steps × 10} steps and waits until all their frames are examined, then takes the
 * selection (every candidate not yet labeled) and waits until each of them is labeled or given up.
 * Labelers pull candidates as soon as the examiner selects them (so labeling may overlap the
 * exploration of the same iteration; never the training). Convergence and budgets as in
 * {@link Campaign}.
 *
 * <p>Resume: at every barrier the iteration, its phase ({@link SyncProgress}), the phase timings
 * ({@link SyncTimings}) and, when labeling starts, the selection ({@link SyncSelection}) are written
 * to the store. A resumed run continues at the barrier it was killed after: in TRAIN it trains the
 * members whose model of this iteration is not stored, on the iteration's snapshot; in EXPLORE or
 * SELECT it repeats the iteration's exploration with the stored models; in LABEL it labels the
 * candidates of the stored selection that are neither labeled nor quarantined.
 */
public final class SyncCampaign extends AbstractBehavior<SyncCampaign.Command> {
    /** Messages of the synchronous campaign. */
    public sealed interface Command permits Tick, StatsArrived, RecordedArrived, ModelArrived, WalkerProgress,
            SelectionArrived, FinalStateSaved {
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

    record SelectionArrived(Examiner.CandidateList list) implements Command, NoSerializationVerificationNeeded {
    }

    /** The final state write was acknowledged or timed out: the result goes out now. */
    record FinalStateSaved(CampaignResult result) implements Command, NoSerializationVerificationNeeded {
    }

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
    private final Set<String> pending = new HashSet<>();
    private final Set<String> doneThisIteration = new HashSet<>();
    private final long startNanos = System.nanoTime();
    private final double wallBase;
    private final TrainerBusy trainerBusy;
    private final SyncTimings timings;
    private Phase phase = Phase.BOOTSTRAP;
    private int stage;
    private long stageSteps;
    private long exploreSteps;
    private long iteration;
    private int repeats;
    private long labeled, labelFailures, modelVersions, explored, walkerBusyMs;
    private long labeledAtTrain;
    private double labelerBusyMs, walkerAliveS;
    private long phaseStartNanos;
    private long tailStartNanos = -1;
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
        SyncProgress resumed = SyncProgress.read(env.store());
        this.timings = SyncTimings.decode(env.store().getString(SyncProgress.TIMINGS_KEY).orElse(""));
        this.wallBase = resumed.wallS();
        this.iteration = resumed.iteration();
        this.stage = resumed.stage();
        this.stageSteps = resumed.stageSteps();
        this.labeledAtTrain = resumed.labeledAtTrain();
        this.explored = resumed.explored();
        this.labeled = env.store().count();
        this.modelVersions = env.store().latestModelVersion();
        this.latest.putAll(env.latestModels());
        this.trainerBusy = new TrainerBusy(spec.training().ensembleSize());
        ActorRef<Topic.Command<ModelPublished>> topic = ctx.spawn(Topic.create(ModelPublished.class,
                Campaign.topicName(env)), "models");
        topic.tell(Topic.subscribe(ctx.messageAdapter(ModelPublished.class, ModelArrived::new)));
        this.recorder = ctx.spawn(DatasetRecorder.create(env.store(),
                        ctx.messageAdapter(DatasetRecorder.Recorded.class, RecordedArrived::new),
                        ctx.spawn(Behaviors.ignore(), "model-acks")),
                "recorder", DispatcherSelector.fromConfig(DatasetRecorder.DISPATCHER));
        this.examiner = CampaignAgents.examiner(ctx, spec, topic, env.store());
        CampaignAgents.labelers(ctx, env, examiner, recorder);
        this.trainers = CampaignAgents.trainers(ctx, env, latest, topic);
        timers.startTimerAtFixedRate(new Tick(), Duration.ofMillis(env.tickMillis()));
        latest.values().forEach(m -> examiner.tell(new Examiner.ModelArrived(m)));
        if (stage < spec.exploration().stages().size()) {
            examiner.tell(new Examiner.StartStage(stage, spec.exploration().stages().get(stage).walkers()));
        }
        begin(resumed.phase());
    }

    /** @return the behavior of a new or resumed synchronous campaign (resume state read from the store) */
    public static Behavior<Command> create(CampaignEnv env, ActorRef<CampaignResult> replyTo) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(t -> new SyncCampaign(ctx, t, env, replyTo)));
    }

    private void begin(Phase resumedPhase) {
        phaseStartNanos = System.nanoTime();
        if (resumedPhase != Phase.BOOTSTRAP && env.progress() != null) {
            env.progress().println("eelt: resuming the synchronous campaign at iteration " + iteration + ", phase "
                    + resumedPhase + " (" + labeled + " labels, " + latest.size() + " member models stored)");
        }
        switch (resumedPhase) {
            case BOOTSTRAP -> {
                if (labeled >= spec.initialData().bootstrap()) {
                    train();
                } else {
                    var seeds = CampaignAgents.bootstrap(spec, (int) (spec.initialData().bootstrap() - labeled), labeled);
                    bootstrapOutstanding = seeds.size();
                    examiner.tell(new Examiner.SeedCandidates(seeds, Campaign.BOOTSTRAP_WALKER));
                }
            }
            case TRAIN -> resumeTraining();
            case EXPLORE, SELECT -> explore();
            case LABEL -> resumeLabeling();
            case DONE -> finish(env.store().getString("campaign/status").orElse("budget-exhausted"),
                    "the run had already finished");
        }
    }

    /** TRAIN after a restart: the members without this iteration's model train on its snapshot. */
    private void resumeTraining() {
        phase = Phase.TRAIN;
        long now = System.nanoTime();
        for (int m = 0; m < trainers.size(); m++) {
            ModelPublished p = latest.get(m);
            if (p == null || p.generation() < iteration) {
                trainers.get(m).tell(new TrainerMember.DatasetGrew(labeledAtTrain));
                trainerBusy.requested(m, labeledAtTrain, now);
            }
        }
        if (allTrained()) {
            explore();
        }
    }

    /** LABEL after a restart: the stored selection's candidates that are neither labeled nor given up. */
    private void resumeLabeling() {
        List<Examiner.Candidate> selection = SyncSelection.decode(env.store().getString(SyncProgress.SELECTION_KEY)
                .orElse(""));
        String settings = env.oracles().get().settings();
        List<Examiner.Candidate> rest = new ArrayList<>();
        for (Examiner.Candidate c : selection) {
            ContentHash h = env.store().hashOf(c.atoms().toStructure(), settings);
            if (!env.store().contains(h) && env.store().getString(DatasetRecorder.QUARANTINE_PREFIX + h.hex()).isEmpty()) {
                rest.add(c);
            }
        }
        examiner.tell(new Examiner.RequeueCandidates(rest));
        startLabeling(rest);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Tick.class, this::onTick)
                .onMessage(StatsArrived.class, this::onStats)
                .onMessage(RecordedArrived.class, this::onRecorded)
                .onMessage(ModelArrived.class, this::onModel)
                .onMessage(WalkerProgress.class, this::onWalker)
                .onMessage(SelectionArrived.class, this::onSelection)
                .onMessage(FinalStateSaved.class, this::onFinalStateSaved)
                .build();
    }

    private void train() {
        iteration++;
        repeats = 0;
        labeledAtTrain = labeled;
        enter(Phase.TRAIN, Map.of(SyncProgress.SELECTION_KEY, ""));
        trainers.forEach(t -> t.tell(new TrainerMember.DatasetGrew(labeledAtTrain)));
        announce("all " + trainers.size() + " members train on " + labeledAtTrain + " labels");
        trainerBusy.requestedAll(labeledAtTrain, System.nanoTime());
    }

    /** Moves to {@code next}: the barrier's progress (and {@code extra} state) are persisted first. */
    private void enter(Phase next, Map<String, String> extra) {
        phase = next;
        phaseStartNanos = System.nanoTime();
        Map<String, String> s = new HashMap<>(progress().toState());
        s.put(SyncProgress.TIMINGS_KEY, timings.encode());
        s.putAll(extra);
        recorder.tell(new DatasetRecorder.SaveState(s));
    }

    private SyncProgress progress() {
        return new SyncProgress(iteration, phase, stage, stageSteps, labeledAtTrain, explored, wallS());
    }

    private Behavior<Command> onRecorded(RecordedArrived m) {
        DatasetRecorder.Recorded r = m.r();
        labelerBusyMs += r.busyMillis();
        labeled = r.datasetSize();
        if (!r.labeled() && r.finalFailure()) {
            labelFailures++;
        }
        boolean settled = r.labeled() || r.finalFailure();
        if (phase == Phase.BOOTSTRAP && settled && --bootstrapOutstanding <= 0) {
            timings.add(0, "bootstrap", secondsSince(phaseStartNanos));
            train();
        }
        if (labeled >= spec.convergence().maxLabels()) {
            return finish("budget-exhausted", "label budget of " + spec.convergence().maxLabels() + " reached");
        }
        if (settled) {
            doneThisIteration.add(r.candidateId());
            if (phase == Phase.LABEL && pending.remove(r.candidateId())) {
                labelBarrier();
            }
        }
        return this;
    }

    private Behavior<Command> onModel(ModelArrived m) {
        ModelPublished p = m.model();
        ModelPublished old = latest.get(p.member());
        if (old == null || old.generation() < p.generation()) {
            latest.put(p.member(), p);
        }
        trainerBusy.published(p.member(), System.nanoTime());
        modelVersions++;
        recorder.tell(new DatasetRecorder.StoreModel(p));
        if (phase == Phase.TRAIN && allTrained()) {
            timings.add(iteration, "train", secondsSince(phaseStartNanos));
            explore();
        }
        return this;
    }

    private boolean allTrained() {
        return latest.size() == spec.training().ensembleSize()
                && latest.values().stream().allMatch(x -> x.generation() >= iteration);
    }

    private void explore() {
        doneThisIteration.clear();
        enter(Phase.EXPLORE, Map.of());
        CampaignSpec.Stage st = spec.exploration().stages().get(stage);
        exploreSteps = Math.min(10L * spec.exploration().chunkSteps(), Math.max(1, st.stepsPerWalker() - stageSteps));
        ActorRef<Walker.Progress> progress = getContext().messageAdapter(Walker.Progress.class, WalkerProgress::new);
        for (int w = 0; w < st.walkers(); w++) {
            String id = "sync-i" + iteration + (repeats > 0 ? "r" + repeats : "") + "-s" + stage + "-w" + w;
            WalkerSettings ws = CampaignAgents.walker(spec, stage, w, exploreSteps, id,
                    iteration * 7919L + repeats * 104_729L);
            walkerRefs.add(getContext().spawn(Behaviors.supervise(Walker.create(ws, CampaignAgents.start(spec, stage, w),
                    examiner, progress, null, latest.get(ws.member()))).onFailure(SupervisorStrategy.stop()), id));
            walkers.put(id, null);
        }
        announce(st.walkers() + " walkers run " + exploreSteps + " MD steps each");
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
            walkerAliveS += secondsSince(phaseStartNanos) * walkers.size();
            walkerRefs.forEach(getContext()::stop);
            walkerRefs.clear();
            walkers.clear();
            stageSteps += exploreSteps;
            timings.add(iteration, "explore", secondsSince(phaseStartNanos));
            phase = Phase.SELECT; // every frame is examined once its walker reports finished
            phaseStartNanos = System.nanoTime();
            examiner.tell(new Examiner.GetCandidates(getContext().messageAdapter(Examiner.CandidateList.class,
                    SelectionArrived::new)));
        }
        return this;
    }

    private Behavior<Command> onSelection(SelectionArrived m) {
        if (phase != Phase.SELECT) {
            return this;
        }
        timings.add(iteration, "select", secondsSince(phaseStartNanos));
        startLabeling(m.list().candidates());
        return this;
    }

    /** LABEL: the selection is persisted, then the barrier waits for each of its candidates. */
    private void startLabeling(List<Examiner.Candidate> selection) {
        enter(Phase.LABEL, Map.of(SyncProgress.SELECTION_KEY, SyncSelection.encode(selection)));
        tailStartNanos = -1;
        pending.clear();
        for (Examiner.Candidate c : selection) {
            if (!doneThisIteration.contains(c.id())) {
                pending.add(c.id());
            }
        }
        announce(pending.size() + " candidate(s) of " + selection.size() + " selected still to label");
        labelBarrier();
    }

    /** Prints a barrier's line on the progress stream: {@code [t s] sync iteration i PHASE: detail}. */
    private void announce(String detail) {
        if (env.progress() != null) {
            env.progress().println(String.format(Locale.ROOT, "[%6.0f s] sync iteration %d %s: %s", wallS(), iteration,
                    phase, detail));
        }
    }

    /**
     * The tail begins when fewer candidates remain than there are labelers (some labeler has
     * nothing left to do); the barrier falls when none remains.
     */
    private void labelBarrier() {
        if (tailStartNanos < 0 && pending.size() < spec.labeling().workers()) {
            tailStartNanos = System.nanoTime();
            timings.add(iteration, "label", (tailStartNanos - phaseStartNanos) * 1e-9);
        }
        if (pending.isEmpty()) {
            timings.add(iteration, "tail", secondsSince(tailStartNanos));
            nextIteration();
        }
    }

    private Behavior<Command> onTick(Tick m) {
        examiner.tell(new Examiner.GetStats(getContext().messageAdapter(Examiner.Stats.class, StatsArrived::new)));
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
        if (history.isEmpty() || System.nanoTime() - lastSampleNanos >= env.tickMillis() * 900_000L) {
            lastSampleNanos = System.nanoTime();
            history.add(new CampaignResult.Sample(wallS(), explored, labeled, stats.queued(), stats.generation(),
                    stats.windowRatio(), stage, stats.inFlight(), stats.pendingBatches()));
            if (env.progress() != null) {
                env.progress().println(String.format(Locale.ROOT, "[%6.0f s] sync iteration %d %s  explored %d"
                        + "  labeled %d  accurate %.3f (%d)  util L %.0f%% T %.0f%%", wallS(), iteration, phase,
                        explored, labeled, stats.windowRatio(), stats.windowFilled(), 100 * labelerUtilization(),
                        100 * trainerUtilization()));
            }
        }
        return this;
    }

    private void nextIteration() {
        CampaignSpec.Stage st = spec.exploration().stages().get(stage);
        boolean converged = stats != null && stats.windowFull()
                && stats.windowRatio() >= spec.convergence().accurateRatio();
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
            repeats++; // nothing new to train on: the same models explore again, from new random seeds
            explore();
        }
    }

    private double wallS() {
        return wallBase + secondsSince(startNanos);
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) * 1e-9;
    }

    private double labelerUtilization() {
        return labelerBusyMs / 1000 / Math.max(1e-9, secondsSince(startNanos) * spec.labeling().workers());
    }

    private double trainerUtilization() {
        return trainerBusy.utilization(System.nanoTime(), secondsSince(startNanos));
    }

    private Behavior<Command> finish(String status, String reason) {
        if (phase == Phase.DONE) {
            return this;
        }
        phase = Phase.DONE;
        timers.cancelAll();
        walkerRefs.forEach(getContext()::stop);
        double processWall = secondsSince(startNanos);
        Map<String, String> s = new HashMap<>(progress().toState());
        s.put(SyncProgress.TIMINGS_KEY, timings.encode());
        s.put("campaign/status", status);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("iterations", iteration);
        t.put("phase_s", timings.totals());
        t.put("labeler_idle_s", Math.max(0, processWall * spec.labeling().workers() - labelerBusyMs / 1000));
        t.put("trainer_idle_s", Math.max(0, processWall * spec.training().ensembleSize()
                - trainerBusy.busyS(System.nanoTime())));
        t.put("per_iteration_s", timings.iterations());
        CampaignResult result = new CampaignResult(status, reason, explored, stats == null ? 0 : stats.examined(),
                labeled, labelFailures, modelVersions, stagesConverged, wallS(), labelerUtilization(),
                trainerUtilization(), walkerAliveS <= 0 ? 0 : walkerBusyMs / 1000.0 / walkerAliveS,
                stats == null ? 0 : stats.windowRatio(), List.copyOf(history), t);
        // the result goes out only once phase DONE is durable: whoever gets it may end the process
        DatasetRecorder.saveFinalState(getContext(), recorder, s, new FinalStateSaved(result));
        return this;
    }

    private Behavior<Command> onFinalStateSaved(FinalStateSaved m) {
        replyTo.tell(m.result());
        return this;
    }
}
