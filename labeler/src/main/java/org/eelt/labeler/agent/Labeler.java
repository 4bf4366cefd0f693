package org.eelt.labeler.agent;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.eelt.examiner.agent.Examiner;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.protocol.chaos.ChaosJournal;
import org.eelt.protocol.messages.CborSerializable;
import org.eelt.protocol.messages.LabelFailed;
import org.eelt.protocol.messages.LabelOutcome;

/**
 * One labeler of the pool. It pulls work ({@link Examiner.RequestWork}), labels the candidate
 * with its {@link CandidateOracle} (energy, forces and, for periodic cells when implemented, the
 * virial for Deep Potential campaigns; a restrained-MD mean force for free-energy campaigns),
 * and pulls again.
 * A failed attempt (setup error, failed calculation, timeout) is reported as a non-final
 * {@link LabelFailed} and retried after backoff·2^(attempt−1); after {@code retries} retries the
 * candidate is given up (final {@link LabelFailed}). After {@code quarantineAfter} consecutive
 * failed attempts the labeler stops pulling for {@code quarantineFor} and then takes a fresh oracle.
 * Oracle calls run on {@value #DISPATCHER}.
 */
public final class Labeler extends AbstractBehavior<Labeler.Command> {
    /** The dispatcher of oracle calls. */
    public static final String DISPATCHER = "eelt-oracle-dispatcher";

    /** Messages of a labeler. */
    public sealed interface Command permits WorkOffered, SetPaused, Attempted, Retry, Resume {
    }

    /**
     * Pauses the labeler (it stops pulling work; a running oracle call completes, and a candidate
     * offered for an earlier request is held until it resumes) or resumes it.
     */
    public record SetPaused(boolean paused) implements Command, CborSerializable {
    }

    /** The examiner offers a candidate. */
    public record WorkOffered(Examiner.Candidate candidate) implements Command, CborSerializable {
    }

    record Attempted(Examiner.Candidate candidate, CandidateOracle.Computed result, Throwable error, long millis)
            implements Command, NoSerializationVerificationNeeded {
    }

    record Retry(Examiner.Candidate candidate) implements Command, NoSerializationVerificationNeeded {
    }

    record Resume() implements Command, NoSerializationVerificationNeeded {
    }

    private final LabelerSettings settings;
    private final Supplier<CandidateOracle> oracles;
    private final ActorRef<Examiner.Command> examiner;
    private final ActorRef<LabelOutcome> sink;
    private final TimerScheduler<Command> timers;
    private final Executor executor;
    private final ActorRef<Examiner.Candidate> workAdapter;
    private CandidateOracle oracle;
    private int attempts;
    private long busyMillis;
    private int failureStreak;
    private boolean paused;
    private boolean wantsWork;
    private Examiner.Candidate held;

    private Labeler(ActorContext<Command> ctx, TimerScheduler<Command> timers, LabelerSettings settings,
                    Supplier<CandidateOracle> oracles, ActorRef<Examiner.Command> examiner, ActorRef<LabelOutcome> sink) {
        super(ctx);
        this.settings = settings;
        this.oracles = oracles;
        this.examiner = examiner;
        this.sink = sink;
        this.timers = timers;
        this.executor = ctx.getSystem().dispatchers().lookup(DispatcherSelector.fromConfig(DISPATCHER));
        this.workAdapter = ctx.messageAdapter(Examiner.Candidate.class, WorkOffered::new);
        this.oracle = oracles.get();
        pull();
    }

    /**
     * @param settings labeler settings
     * @param oracles  makes a fresh oracle instance (one per labeler; a new one after a timeout or quarantine)
     * @param examiner where work is pulled from
     * @param sink     where outcomes go (the dataset recorder)
     * @return the behavior
     */
    public static Behavior<Command> create(LabelerSettings settings, Supplier<Oracle> oracles,
                                           ActorRef<Examiner.Command> examiner, ActorRef<LabelOutcome> sink) {
        return createFor(settings, () -> new StructureOracle(oracles.get()), examiner, sink);
    }

    /**
     * @param settings labeler settings
     * @param oracles  makes a fresh candidate oracle (one per labeler; a new one after a timeout or quarantine)
     * @param examiner where work is pulled from
     * @param sink     where outcomes go (the dataset recorder)
     * @return the behavior of a labeler of any label kind
     */
    public static Behavior<Command> createFor(LabelerSettings settings, Supplier<CandidateOracle> oracles,
                                              ActorRef<Examiner.Command> examiner, ActorRef<LabelOutcome> sink) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new Labeler(ctx, timers, settings, oracles,
                examiner, sink)));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(WorkOffered.class, this::onWork)
                .onMessage(SetPaused.class, this::onSetPaused)
                .onMessage(Attempted.class, this::onAttempted)
                .onMessage(Retry.class, this::onRetry)
                .onMessage(Resume.class, this::onResume)
                .build();
    }

    private void pull() {
        if (paused) {
            wantsWork = true;
            return;
        }
        wantsWork = false;
        examiner.tell(new Examiner.RequestWork(settings.id(), workAdapter));
    }

    private Behavior<Command> onSetPaused(SetPaused m) {
        paused = m.paused();
        if (!paused) {
            if (held != null) {
                Examiner.Candidate c = held;
                held = null;
                startCandidate(c);
            } else if (wantsWork) {
                pull();
            }
        }
        return this;
    }

    private Behavior<Command> onWork(WorkOffered m) {
        if (paused) {
            held = m.candidate();
            return this;
        }
        startCandidate(m.candidate());
        return this;
    }

    private void startCandidate(Examiner.Candidate c) {
        attempts = 0;
        busyMillis = 0;
        attempt(c);
    }

    private Behavior<Command> onRetry(Retry m) {
        attempt(m.candidate());
        return this;
    }

    private void attempt(Examiner.Candidate c) {
        attempts++;
        CandidateOracle o = oracle;
        long t0 = System.nanoTime();
        ChaosJournal.phase("labeling");
        CompletableFuture<CandidateOracle.Computed> f = CompletableFuture.supplyAsync(() -> o.compute(c), executor)
                .orTimeout(settings.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        getContext().pipeToSelf(f, (r, err) -> new Attempted(c, r, err, (System.nanoTime() - t0) / 1_000_000));
    }

    private Behavior<Command> onAttempted(Attempted m) {
        busyMillis += m.millis();
        Examiner.Candidate c = m.candidate();
        if (m.error() == null) {
            failureStreak = 0;
            sink.tell(m.result().outcome(c, settings.id(), attempts, busyMillis, m.millis()));
            examiner.tell(new Examiner.WorkDone(c.id(), true));
            pull();
            return this;
        }
        String reason = reason(m.error());
        if (isTimeout(m.error())) {
            oracle = oracles.get(); // the timed-out call may still be running on the old instance
        }
        failureStreak++;
        boolean last = attempts > settings.retries();
        sink.tell(new LabelFailed(c.id(), settings.id(), c.atoms(), oracle.settings(), reason, attempts, last,
                m.millis()));
        if (last) {
            examiner.tell(new Examiner.WorkDone(c.id(), false));
        }
        if (failureStreak >= settings.quarantineAfter()) {
            getContext().getLog().warn("labeler {} quarantined for {} after {} consecutive failures (last: {})",
                    settings.id(), settings.quarantineFor(), failureStreak, reason);
            failureStreak = 0;
            if (!last) {
                timers.startSingleTimer(new Retry(c), settings.quarantineFor());
            } else {
                timers.startSingleTimer(new Resume(), settings.quarantineFor());
            }
            oracle = oracles.get();
            return this;
        }
        if (last) {
            pull();
        } else {
            Duration d = settings.backoff().multipliedBy(1L << Math.min(20, attempts - 1));
            timers.startSingleTimer(new Retry(c), d);
        }
        return this;
    }

    private Behavior<Command> onResume(Resume m) {
        pull();
        return this;
    }

    private static boolean isTimeout(Throwable t) {
        Throwable c = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        return c instanceof TimeoutException;
    }

    private String reason(Throwable t) {
        Throwable c = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        if (c instanceof TimeoutException) {
            return "timeout after " + settings.timeout().toMillis() / 1000.0 + " s";
        }
        return c.getClass().getSimpleName() + ": " + c.getMessage();
    }
}
