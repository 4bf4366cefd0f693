package org.eelt.examiner.agent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
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
import org.eelt.examiner.selection.AccurateWindow;
import org.eelt.examiner.selection.SelectionPolicy;
import org.eelt.examiner.selection.TrustLevels.Verdict;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.CborSerializable;
import org.eelt.protocol.messages.ModelPublished;

/**
 * The examiner agent. Walkers send {@link FramesVisited} batches and get a {@link FramesExamined}
 * acknowledgement once the batch is scored (their credit: a walker has a bounded number of
 * unacknowledged batches, which bounds this actor's queue). Labelers pull {@link Candidate}s with
 * {@link RequestWork}; the examiner watches every labeler that asks, and when one stops or its
 * cluster node is removed, the candidates it held go back to the queue ({@link RequesterGone}), so a
 * lost labeler loses no work. New models arrive as {@link ModelArrived}. The deviation comes from an
 * {@link EnsembleScorer}: for Deep Potential campaigns the max over atoms of ε_F,i (eV/Å), for
 * free-energy campaigns the mean-force deviation ε at the frame's CV value; duplicates are dropped
 * by a {@link CandidateFilter}. Scoring and model parsing run on {@value #DISPATCHER}.
 */
public final class Examiner extends AbstractBehavior<Examiner.Command> {
    /** The dispatcher of scoring work. */
    public static final String DISPATCHER = "eelt-examiner-dispatcher";

    /** Messages of the examiner. */
    public sealed interface Command permits FramesVisited, ModelArrived, SeedCandidates, RequestWork, WorkDone,
            StartStage, GetStats, GetTally, GetCandidates, RequeueCandidates, WatchScored, ModelReady, Scored,
            Rescored, JobFailed, RequesterGone {
    }

    /** A walker's batch of visited frames, scored with the current ensemble. */
    public record FramesVisited(String walker, long generation, List<AtomsData> frames,
                                ActorRef<FramesExamined> replyTo) implements Command, CborSerializable {
    }

    /** Reply to a batch: verdict counts and the index of its last accurate frame (−1 when none). */
    public record FramesExamined(String walker, int accurate, int candidates, int failed, int lastAccurateIndex,
                                 long ensembleGeneration) implements CborSerializable {
    }

    /** A member published a model (adapted from the model topic). */
    public record ModelArrived(ModelPublished model) implements Command, CborSerializable {
    }

    /** Structures to label unconditionally, ahead of selected candidates (bootstrap). */
    public record SeedCandidates(List<AtomsData> structures, String origin) implements Command, CborSerializable {
    }

    /** A labeler asks for one candidate; answered when one is available. */
    public record RequestWork(String labeler, ActorRef<Candidate> replyTo) implements Command, CborSerializable {
    }

    /** A labeler finished a candidate (labeled or given up). */
    public record WorkDone(String candidateId, boolean labeled) implements Command, CborSerializable {
    }

    /**
     * A new exploration stage begins: the accurate-ratio window restarts.
     *
     * @param stage   stage index
     * @param walkers walkers of the stage: each may fill at most ⌈cap / walkers⌉ of a model
     *                version's candidate quota, so that every thermodynamic condition gets labels
     *                (as DP-GEN caps candidates per system); 0 = no per-walker share
     */
    public record StartStage(int stage, int walkers) implements Command, CborSerializable {
        /** A stage without a per-walker share of the quota. */
        public StartStage(int stage) {
            this(stage, 0);
        }
    }

    /**
     * Registers an observer that gets every scored batch as a {@link ScoredBatch}, whatever its
     * frames' verdicts (the exploration's reservoir sample is drawn from these).
     */
    public record WatchScored(ActorRef<ScoredBatch> observer) implements Command, CborSerializable {
    }

    /**
     * Every frame of one walker batch, as scored: told to the {@link WatchScored} observers in the
     * order the examiner scored them.
     *
     * @param walker     who visited the frames
     * @param generation ensemble generation that scored them
     * @param frames     the frames
     * @param deviations their max force deviations, eV/Å (same order; +∞ for a frame that could not be scored)
     */
    public record ScoredBatch(String walker, long generation, List<AtomsData> frames, double[] deviations)
            implements CborSerializable {
    }

    /** Asks for the statistics. */
    public record GetStats(ActorRef<Stats> replyTo) implements Command, CborSerializable {
    }

    /**
     * Asks for every candidate not yet labeled: seeds and queued ones, then those being labeled
     * (the synchronous campaign persists its selection with it, so that a resumed run labels the
     * rest of the same selection).
     */
    public record GetCandidates(ActorRef<CandidateList> replyTo) implements Command, CborSerializable {
    }

    /** Reply to {@link GetCandidates}: the candidates waiting or being labeled, in labeling order. */
    public record CandidateList(List<Candidate> candidates) implements CborSerializable {
    }

    /**
     * Candidates selected before (e.g. by a run that was killed), queued as they are, ahead of new
     * selections and outside the per-version quota (they were counted when selected).
     */
    public record RequeueCandidates(List<Candidate> candidates) implements Command, CborSerializable {
    }

    /** Asks for the monitoring tallies (counts per generation, deviation histogram). */
    public record GetTally(ActorRef<ExaminationTally.Tally> replyTo) implements Command, CborSerializable {
    }

    /**
     * A candidate for labeling.
     *
     * @param id         unique id
     * @param atoms      the structure
     * @param walker     who visited it ("bootstrap" for seeds)
     * @param generation the ensemble generation that selected it (0 for seeds)
     * @param deviation  max force deviation when selected, eV/Å (NaN for seeds)
     */
    public record Candidate(String id, AtomsData atoms, String walker, long generation, double deviation)
            implements CborSerializable {
    }

    /**
     * Examiner statistics.
     *
     * @param examined       frames scored
     * @param accurate       of which accurate
     * @param candidates     of which candidates (before cap and dedupe)
     * @param failed         of which failed
     * @param selected       candidates queued for labeling (after cap and dedupe), seeds excluded
     * @param duplicates     candidates dropped as exact or near duplicates
     * @param capped         candidates dropped by the per-model-version cap
     * @param rescoredAway   queued candidates dropped because a newer ensemble found them accurate
     * @param queued         candidates waiting for a labeler
     * @param inFlight       candidates being labeled
     * @param pendingBatches walker batches waiting to be scored
     * @param windowRatio    accurate ratio over the window
     * @param windowFilled   frames in the window
     * @param windowFull     whether the window holds M frames
     * @param generation     ensemble generation (0 before the ensemble is complete)
     * @param busyMillis     milliseconds spent scoring
     * @param windowMedianDeviation median max force deviation over the window, eV/Å (NaN when empty)
     * @param modelVersion   model version of the ensemble in use: member publications received so far
     *                       (the per-version candidate cap renews with each)
     */
    public record Stats(long examined, long accurate, long candidates, long failed, long selected, long duplicates,
                        long capped, long rescoredAway, int queued, int inFlight, int pendingBatches,
                        double windowRatio, int windowFilled, boolean windowFull, long generation, long busyMillis,
                        double windowMedianDeviation, long modelVersion)
            implements CborSerializable {
    }

    record ModelReady(int member, long generation, Object model) implements Command,
            NoSerializationVerificationNeeded {
    }

    record Scored(FramesVisited batch, double[] deviations, long generation, long version, long millis)
            implements Command, NoSerializationVerificationNeeded {
    }

    record Rescored(List<String> ids, double[] deviations, long generation, long millis) implements Command,
            NoSerializationVerificationNeeded {
    }

    record JobFailed(String what, Throwable error, FramesVisited batch) implements Command,
            NoSerializationVerificationNeeded {
    }

    /** A labeler that asked for work stopped or its node left the cluster (death watch). */
    record RequesterGone(ActorRef<Candidate> requester) implements Command, NoSerializationVerificationNeeded {
    }

    private final ExaminerSettings settings;
    private final EnsembleScorer scorer;
    private final CandidateQueue queue;
    private final Executor executor;
    private final String idPrefix = Long.toString(System.currentTimeMillis(), 36) + "-";
    private EnsembleModels ensemble;
    private boolean busy;
    private boolean rescoreNeeded;
    private long lastRescoredPublications;
    private final Deque<FramesVisited> batches = new ArrayDeque<>();
    private final LabelerHandout handout = new LabelerHandout();
    private final List<ActorRef<ScoredBatch>> scoredObservers = new ArrayList<>();
    private final AccurateWindow window;
    private final ExaminationTally tally = new ExaminationTally();
    private long counter;
    private long examined, accurate, candidates, failed, busyMillis;

    private Examiner(ActorContext<Command> ctx, ExaminerSettings settings,
                     ActorRef<Topic.Command<ModelPublished>> modelTopic, EnsembleScorer scorer, CandidateFilter filter) {
        super(ctx);
        this.settings = settings;
        this.scorer = scorer;
        this.queue = new CandidateQueue(filter, settings.maxCandidatesPerGeneration(), settings.policy());
        this.executor = ctx.getSystem().dispatchers().lookup(DispatcherSelector.fromConfig(DISPATCHER));
        this.ensemble = EnsembleModels.empty(settings.ensembleSize());
        this.window = new AccurateWindow(settings.window());
        if (modelTopic != null) {
            modelTopic.tell(Topic.subscribe(ctx.messageAdapter(ModelPublished.class, ModelArrived::new)));
        }
    }

    /**
     * @param settings   examiner settings
     * @param modelTopic the model topic to subscribe to, or null (models then arrive as {@link ModelArrived})
     * @return the behavior
     */
    public static Behavior<Command> create(ExaminerSettings settings, ActorRef<Topic.Command<ModelPublished>> modelTopic) {
        return create(settings, modelTopic, EnsembleScorer.deepPotential(),
                CandidateFilter.structures(settings.dedupeThreshold()));
    }

    /**
     * @param settings   examiner settings (trust levels in the scorer's unit)
     * @param modelTopic the model topic to subscribe to, or null
     * @param scorer     how frames are scored with the ensemble
     * @param filter     how duplicate candidates are detected (owned by this examiner)
     * @return the behavior of an examiner of any campaign kind
     */
    public static Behavior<Command> create(ExaminerSettings settings, ActorRef<Topic.Command<ModelPublished>> modelTopic,
                                           EnsembleScorer scorer, CandidateFilter filter) {
        return Behaviors.setup(ctx -> new Examiner(ctx, settings, modelTopic, scorer, filter));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(FramesVisited.class, this::onFrames)
                .onMessage(ModelArrived.class, this::onModelArrived)
                .onMessage(ModelReady.class, this::onModelReady)
                .onMessage(SeedCandidates.class, this::onSeeds)
                .onMessage(RequestWork.class, this::onRequestWork)
                .onMessage(WorkDone.class, this::onWorkDone)
                .onMessage(StartStage.class, this::onStartStage)
                .onMessage(GetStats.class, this::onGetStats)
                .onMessage(GetTally.class, this::onGetTally)
                .onMessage(GetCandidates.class, this::onGetCandidates)
                .onMessage(RequeueCandidates.class, this::onRequeue)
                .onMessage(WatchScored.class, this::onWatchScored)
                .onMessage(Scored.class, this::onScored)
                .onMessage(Rescored.class, this::onRescored)
                .onMessage(JobFailed.class, this::onJobFailed)
                .onMessage(RequesterGone.class, this::onRequesterGone)
                .build();
    }

    private Behavior<Command> onFrames(FramesVisited m) {
        batches.addLast(m);
        startNextJob();
        return this;
    }

    private Behavior<Command> onModelArrived(ModelArrived m) {
        ModelPublished p = m.model();
        getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> scorer.parse(p), executor),
                (pot, err) -> err == null ? new ModelReady(p.member(), p.generation(), pot)
                        : new JobFailed("parse model of member " + p.member(), err, null));
        return this;
    }

    private Behavior<Command> onModelReady(ModelReady m) {
        ensemble = ensemble.with(m.member(), m.generation(), m.model());
        if (ensemble.complete() && ensemble.publications() > lastRescoredPublications && !queue.isEmpty()) {
            rescoreNeeded = true;
        }
        startNextJob();
        return this;
    }

    private Behavior<Command> onSeeds(SeedCandidates m) {
        List<Candidate> fresh = new ArrayList<>();
        for (AtomsData a : m.structures()) {
            fresh.add(new Candidate(idPrefix + (counter++), a, m.origin(), 0, Double.NaN));
        }
        handout.addSeeds(fresh);
        handout.dispatch(queue);
        return this;
    }

    private Behavior<Command> onRequestWork(RequestWork m) {
        if (handout.request(m)) {
            getContext().watchWith(m.replyTo(), new RequesterGone(m.replyTo()));
        }
        handout.dispatch(queue);
        return this;
    }

    private Behavior<Command> onWorkDone(WorkDone m) {
        handout.done(m.candidateId());
        return this;
    }

    /**
     * A labeler is gone (stopped, or its node was downed and removed from the cluster): its waiting
     * requests are dropped and the candidates it held are queued again, seeds ahead of the rest, so
     * that no candidate is lost. Should its label still arrive, the store keeps it once (content hash).
     */
    private Behavior<Command> onRequesterGone(RequesterGone m) {
        int lost = handout.requesterGone(m.requester(), queue);
        if (lost > 0) {
            getContext().getLog().warn("examiner: labeler {} is gone; {} in-flight candidate(s) queued again",
                    m.requester().path(), lost);
            handout.dispatch(queue);
        }
        return this;
    }

    private Behavior<Command> onStartStage(StartStage m) {
        window.clear();
        queue.startStage(m.walkers());
        return this;
    }

    private Behavior<Command> onGetStats(GetStats m) {
        m.replyTo().tell(new Stats(examined, accurate, candidates, failed, queue.selected(), queue.duplicates(),
                queue.capped(), queue.rescoredAway(), queue.size() + handout.seedCount(), handout.inFlightCount(),
                batches.size(), window.ratio(), window.filled(),
                window.full(), ensemble.generation(), busyMillis, window.quantile(0.5), ensemble.publications()));
        return this;
    }

    private Behavior<Command> onGetCandidates(GetCandidates m) {
        List<Candidate> all = handout.seeds();
        all.addAll(queue.view());
        all.addAll(handout.inFlight());
        m.replyTo().tell(new CandidateList(List.copyOf(all)));
        return this;
    }

    private Behavior<Command> onRequeue(RequeueCandidates m) {
        handout.addSeeds(m.candidates());
        handout.dispatch(queue);
        return this;
    }

    private Behavior<Command> onWatchScored(WatchScored m) {
        scoredObservers.add(m.observer());
        return this;
    }

    private void tellObservers(String walker, long generation, List<AtomsData> frames, double[] deviations) {
        if (scoredObservers.isEmpty()) {
            return;
        }
        ScoredBatch b = new ScoredBatch(walker, generation, List.copyOf(frames), deviations.clone());
        scoredObservers.forEach(o -> o.tell(b));
    }

    private Behavior<Command> onGetTally(GetTally m) {
        m.replyTo().tell(tally.snapshot());
        return this;
    }

    private void startNextJob() {
        if (busy || !ensemble.complete()) {
            return;
        }
        List<Object> models = ensemble.models();
        long gen = ensemble.generation();
        long version = ensemble.publications();
        if (rescoreNeeded && !queue.isEmpty()) {
            rescoreNeeded = false;
            lastRescoredPublications = ensemble.publications();
            List<String> ids = new ArrayList<>();
            List<AtomsData> atoms = new ArrayList<>();
            for (Candidate c : queue.view()) {
                ids.add(c.id());
                atoms.add(c.atoms());
            }
            busy = true;
            getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> timedScores(models, atoms), executor),
                    (r, err) -> err == null ? new Rescored(ids, r.deviations, gen, r.millis)
                            : new JobFailed("re-score queued candidates", err, null));
            return;
        }
        FramesVisited batch = batches.pollFirst();
        if (batch == null) {
            return;
        }
        busy = true;
        getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> timedScores(models, batch.frames()), executor),
                (r, err) -> err == null ? new Scored(batch, r.deviations, gen, version, r.millis)
                        : new JobFailed("score a batch of walker " + batch.walker(), err, batch));
    }

    private record Timed(double[] deviations, long millis) {
    }

    /** The ensemble deviation of every frame ({@link EnsembleScorer}); runs on the examiner dispatcher. */
    private Timed timedScores(List<Object> models, List<AtomsData> frames) {
        long t0 = System.nanoTime();
        double[] d = new double[frames.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = scorer.deviation(models, frames.get(i));
        }
        return new Timed(d, (System.nanoTime() - t0) / 1_000_000);
    }

    private Behavior<Command> onScored(Scored m) {
        busy = false;
        busyMillis += m.millis();
        double lowEff = lowerLevel();
        int acc = 0, cand = 0, fail = 0, lastAcc = -1;
        List<AtomsData> frames = m.batch().frames();
        for (int i = 0; i < frames.size(); i++) {
            double dev = m.deviations()[i];
            Verdict v = settings.trust().classify(dev, lowEff);
            boolean isAcc = settings.trust().classify(dev) == Verdict.ACCURATE;
            window.add(isAcc, Double.isFinite(dev) ? dev : settings.trust().hi());
            examined++;
            tally.add(m.generation(), dev, isAcc ? Verdict.ACCURATE : v);
            if (isAcc) {
                accurate++;
                acc++;
                lastAcc = i;
            }
            if (v == Verdict.FAILED) {
                failed++;
                fail++;
            } else if (v == Verdict.CANDIDATE) {
                candidates++;
                cand++;
                queue.offer(new Candidate(idPrefix + (counter++), frames.get(i), m.batch().walker(), m.generation(),
                        dev), m.version());
            }
        }
        m.batch().replyTo().tell(new FramesExamined(m.batch().walker(), acc, cand, fail, lastAcc, m.generation()));
        tellObservers(m.batch().walker(), m.generation(), frames, m.deviations());
        handout.dispatch(queue);
        startNextJob();
        return this;
    }

    private double lowerLevel() {
        double lo = settings.trust().lo();
        if (settings.policy() != SelectionPolicy.ADAPTIVE_LOWER || window.filled() == 0) {
            return lo;
        }
        double q = window.quantile(1.0 - settings.adaptiveRatio());
        return Math.max(settings.adaptiveFloor(), Math.min(lo, q));
    }

    private Behavior<Command> onRescored(Rescored m) {
        busy = false;
        busyMillis += m.millis();
        for (int i = 0; i < m.ids().size(); i++) {
            double dev = m.deviations()[i];
            queue.rescored(m.ids().get(i), dev, settings.trust().classify(dev) == Verdict.ACCURATE);
        }
        startNextJob();
        return this;
    }

    private Behavior<Command> onJobFailed(JobFailed m) {
        busy = false;
        getContext().getLog().error("examiner: could not {}: {}", m.what(), m.error().toString());
        if (m.batch() != null) {
            int n = m.batch().frames().size();
            examined += n;
            failed += n;
            for (int i = 0; i < n; i++) {
                tally.add(ensemble.generation(), Double.POSITIVE_INFINITY, Verdict.FAILED);
            }
            m.batch().replyTo().tell(new FramesExamined(m.batch().walker(), 0, 0, n, -1, ensemble.generation()));
            double[] inf = new double[n];
            Arrays.fill(inf, Double.POSITIVE_INFINITY);
            tellObservers(m.batch().walker(), ensemble.generation(), m.batch().frames(), inf);
        }
        startNextJob();
        return this;
    }
}
