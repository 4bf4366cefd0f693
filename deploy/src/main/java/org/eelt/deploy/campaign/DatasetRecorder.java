package org.eelt.deploy.campaign;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.eelt.protocol.atoms.CodeVersion;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.protocol.atoms.Provenance;
import org.eelt.protocol.chaos.ChaosJournal;
import org.eelt.protocol.messages.CborSerializable;
import org.eelt.protocol.messages.FrameLabeled;
import org.eelt.protocol.messages.LabelFailed;
import org.eelt.protocol.messages.LabelOutcome;
import org.eelt.protocol.messages.MeanForceLabeled;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.store.ContentHash;
import org.eelt.store.EeltStore;
import org.eelt.store.FailureRecord;
import org.eelt.store.InsertResult;
import org.eelt.store.ModelMetadata;
import org.eelt.store.StateUpdate;
import org.eelt.store.StoreException;

/**
 * The only writer of the campaign's RocksDB store (runs on {@value #DISPATCHER}): labels exactly
 * once by content hash (species, rounded positions, cell, oracle settings; for free-energy
 * campaigns mean-force labels by rounded restraint center and oracle settings) with provenance (oracle,
 * settings, selecting model generation) and a {@code label-meta/<hash>} state record (walker,
 * deviation eV/Å, labeler, attempts, timings ms); failures with their reasons (one
 * {@code label-failure/<hash>/<attempt>} record per failed attempt, {@code quarantined/<hash>} for a
 * candidate given up); model versions
 * (bytes + metrics); campaign state. Replies with {@link Recorded} / {@link ModelStored}. A failed
 * store write (disk full, read-only file system) is never acknowledged: the recorder reports
 * {@link StoreFailed} and stops. Writes {@link ChaosJournal} markers and acknowledgements.
 */
public final class DatasetRecorder extends AbstractBehavior<DatasetRecorder.Command> {
    /** The dispatcher of store writes. */
    public static final String DISPATCHER = "eelt-store-dispatcher";

    /** How long a campaign waits for the acknowledgement of its final {@link SaveState}. */
    public static final java.time.Duration SAVE_ACK_TIMEOUT = java.time.Duration.ofSeconds(30);

    /** Messages of the recorder. */
    public sealed interface Command permits Outcome, StoreModel, SaveState {
    }

    /** A labeler's outcome to record. */
    public record Outcome(LabelOutcome outcome) implements Command, CborSerializable {
    }

    /** A published model to store as the next model version. */
    public record StoreModel(ModelPublished model) implements Command, CborSerializable {
    }

    /**
     * Campaign state to persist atomically.
     *
     * @param values  the state keys and values
     * @param replyTo gets {@link StateSaved} once the write is durable; null: no acknowledgement
     *                (a failed write is reported as {@link StoreFailed} either way)
     */
    public record SaveState(Map<String, String> values, ActorRef<StateSaved> replyTo)
            implements Command, CborSerializable {
        /** State to persist without an acknowledgement. */
        public SaveState(Map<String, String> values) {
            this(values, null);
        }
    }

    /**
     * Sends {@code values} as a campaign's final {@link SaveState} and, once the recorder has
     * acknowledged it or {@link #SAVE_ACK_TIMEOUT} has passed (logged as a warning), delivers
     * {@code done} to the campaign. A campaign replies its result only then, because whoever gets
     * the result may end the process, and with it a write still queued here.
     *
     * @param ctx      the campaign's context
     * @param recorder this recorder
     * @param values   the final state
     * @param done     the campaign's message for "the final state is written (or timed out)"
     */
    static <T> void saveFinalState(ActorContext<T> ctx, ActorRef<Command> recorder, Map<String, String> values,
                                   T done) {
        ctx.ask(StateSaved.class, recorder, SAVE_ACK_TIMEOUT, ack -> new SaveState(values, ack), (ok, err) -> {
            if (err != null) {
                ctx.getLog().warn("the final campaign state was not acknowledged within {} ({}); a resume starts "
                        + "from the state saved before it", SAVE_ACK_TIMEOUT, err.toString());
            }
            return done;
        });
    }

    /**
     * The acknowledgement of a {@link SaveState} that asked for one: its values are in the store.
     *
     * @param keys how many keys were written
     */
    public record StateSaved(int keys) implements CborSerializable {
    }

    /**
     * What was recorded.
     *
     * @param candidateId  the candidate
     * @param walker       who visited it
     * @param labeled      a label (true) or a failure (false)
     * @param inserted     whether the label was new (false: already present, not stored again)
     * @param finalFailure whether the candidate was given up
     * @param busyMillis   labeler time it took, ms
     * @param datasetSize  labels in the store after the write
     */
    public record Recorded(String candidateId, String walker, boolean labeled, boolean inserted, boolean finalFailure,
                           long busyMillis, long datasetSize) implements CborSerializable {
    }

    /** A model was stored as {@code version}. */
    public record ModelStored(long version, ModelPublished model) implements NoSerializationVerificationNeeded {
    }

    /** State-key prefix of per-attempt failure reasons: {@code label-failure/<hash>/<attempt>}. */
    public static final String FAILURE_PREFIX = "label-failure/";
    /** State-key prefix of candidates given up after their retries: {@code quarantined/<hash>}. */
    public static final String QUARANTINE_PREFIX = "quarantined/";

    private final EeltStore store;
    private final boolean freeEnergy;
    private final ActorRef<Recorded> recorded;
    private final ActorRef<ModelStored> models;

    private DatasetRecorder(ActorContext<Command> ctx, EeltStore store, boolean freeEnergy, ActorRef<Recorded> recorded,
                            ActorRef<ModelStored> models, ActorRef<StoreFailed> failures) {
        super(ctx);
        this.failures = failures;
        this.store = store;
        this.freeEnergy = freeEnergy;
        this.recorded = recorded;
        this.models = models;
    }

    /** The store failed (disk full, read-only file system, I/O error): the recorder has stopped. */
    public record StoreFailed(String message) implements NoSerializationVerificationNeeded {
    }

    private final ActorRef<StoreFailed> failures;

    /**
     * @param store    the open store (owned by the runner)
     * @param recorded gets one {@link Recorded} per outcome
     * @param models   gets one {@link ModelStored} per stored model
     * @return the behavior
     */
    public static Behavior<Command> create(EeltStore store, ActorRef<Recorded> recorded, ActorRef<ModelStored> models) {
        return create(store, false, recorded, models, null);
    }

    /**
     * A frame (Deep Potential) recorder that reports failed store writes.
     *
     * @param store    the open store (owned by the runner)
     * @param recorded gets one {@link Recorded} per outcome
     * @param models   gets one {@link ModelStored} per stored model
     * @param failures gets one {@link StoreFailed} when a write fails (null: only logged)
     * @return the behavior
     */
    public static Behavior<Command> create(EeltStore store, ActorRef<Recorded> recorded, ActorRef<ModelStored> models,
                                           ActorRef<StoreFailed> failures) {
        return create(store, false, recorded, models, failures);
    }

    /**
     * @param store      the open store (owned by the runner)
     * @param freeEnergy whether the dataset is the store's mean-force labels (free-energy campaign) rather than its frames
     * @param recorded   gets one {@link Recorded} per outcome
     * @param models     gets one {@link ModelStored} per stored model
     * @param failures   gets one {@link StoreFailed} when a write fails, after which the recorder stops
     *                   without acknowledging that write (null: only logged)
     * @return the behavior
     */
    public static Behavior<Command> create(EeltStore store, boolean freeEnergy, ActorRef<Recorded> recorded,
                                           ActorRef<ModelStored> models, ActorRef<StoreFailed> failures) {
        return Behaviors.setup(ctx -> new DatasetRecorder(ctx, store, freeEnergy, recorded, models, failures));
    }

    /** @return a behavior that wraps every labeler outcome as {@link Outcome} for the recorder. */
    public static Behavior<LabelOutcome> outcomeForwarder(ActorRef<Command> recorder) {
        return Behaviors.receiveMessage(o -> forward(recorder, o));
    }

    private static Behavior<LabelOutcome> forward(ActorRef<Command> recorder, LabelOutcome o) {
        recorder.tell(new Outcome(o));
        return Behaviors.same();
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Outcome.class, this::onOutcome)
                .onMessage(StoreModel.class, this::onStoreModel)
                .onMessage(SaveState.class, this::onSaveState)
                .build();
    }

    private Behavior<Command> onOutcome(Outcome m) {
        try {
            if (m.outcome() instanceof FrameLabeled l) {
                recordLabel(l);
            } else if (m.outcome() instanceof MeanForceLabeled l) {
                recordMeanForce(l);
            } else if (m.outcome() instanceof LabelFailed f) {
                recordFailure(f);
            }
            return this;
        } catch (StoreException e) {
            return storeFailed(e);
        }
    }

    /** A store write failed: report it (the campaign stops with status failed) and stop without acknowledging. */
    private Behavior<Command> storeFailed(StoreException e) {
        String msg = e.getMessage() + ". Nothing of this write was acknowledged; labels stored before are intact."
                + " Free space on (or make writable) the file system of " + e.store()
                + ", then continue with `eelt run --resume " + (e.store() == null || e.store().getParent() == null
                ? "RUN_DIR" : e.store().getParent()) + "`";
        getContext().getLog().error("dataset recorder stopped: {}", msg);
        if (failures != null) {
            failures.tell(new StoreFailed(msg));
        }
        return Behaviors.stopped();
    }

    private void recordLabel(FrameLabeled l) {
        String bad = nonFinite(l);
        if (bad != null) {
            // labelers never send one (OracleResult rejects non-finite numbers); a remote or faulty sender
            // must not turn a NaN into a label: record it as a failure instead
            recordFailure(new LabelFailed(l.candidateId(), l.labeler(), l.atoms(), l.oracleSettings(),
                    "non-finite label rejected by the dataset recorder: " + bad, l.attempts(), true, l.busyMillis()));
            return;
        }
        Frame frame = new Frame(l.atoms().toStructure(), l.energy(), l.forces(), l.virial(), null);
        Provenance p = new Provenance(l.oracle(), l.oracleSettings(), "generation-" + l.generation(), 0,
                CodeVersion.get(), System.currentTimeMillis());
        LabeledFrame label = new LabeledFrame(frame, p);
        ContentHash hash = store.hashOf(label);
        ChaosJournal.phase("store-write");
        if (!store.contains(hash)) {
            // the metadata first: a crash between the two writes leaves metadata without a label
            // (rewritten when the candidate is labeled again), never a label without its metadata
            store.putString("label-meta/" + hash.hex(), labelMeta(l.candidateId(), l.walker(), l.generation(),
                    l.deviation(), l.labeler(), l.attempts(), l.busyMillis(), l.oracleMillis()));
            ChaosJournal.pause();
        }
        InsertResult r = store.putLabeled(label);
        ChaosJournal.ack("label", r.hash().hex());
        recorded.tell(new Recorded(l.candidateId(), l.walker(), true, r.inserted(), false, l.busyMillis(), size()));
    }

    /**
     * @return the {@code label-meta/<hash>} record of one label: {@code key=value} entries joined by
     *         ';' (candidate, walker, generation, deviation in eV/Å, labeler, attempts, busy_ms, oracle_ms)
     */
    static String labelMeta(String candidateId, String walker, long generation, double deviation, String labeler,
                            int attempts, long busyMillis, long oracleMillis) {
        return String.format(Locale.ROOT,
                "candidate=%s;walker=%s;generation=%d;deviation=%.6g;labeler=%s;attempts=%d;busy_ms=%d;oracle_ms=%d",
                candidateId, walker, generation, deviation, labeler, attempts, busyMillis, oracleMillis);
    }

    /** @return the value of {@code key} in a {@link #labelMeta} record, if present */
    public static java.util.Optional<String> metaValue(String labelMeta, String key) {
        for (String entry : labelMeta.split(";")) {
            if (entry.startsWith(key + "=")) {
                return java.util.Optional.of(entry.substring(key.length() + 1));
            }
        }
        return java.util.Optional.empty();
    }

    private void recordMeanForce(MeanForceLabeled l) {
        ChaosJournal.phase("store-write");
        ContentHash hash = store.hashOfCenter(l.label().center(), l.label().provenance().settings());
        if (store.meanForce(hash).isEmpty()) {
            // the metadata first, as for frames: a SIGKILL between the two writes must not leave a
            // label without its metadata
            store.putString("label-meta/" + hash.hex(), labelMeta(l.candidateId(), l.walker(), l.generation(),
                    l.deviation(), l.labeler(), l.attempts(), l.busyMillis(), l.oracleMillis()));
        }
        InsertResult r = store.putMeanForce(l.label());
        ChaosJournal.ack("label", r.hash().hex());
        recorded.tell(new Recorded(l.candidateId(), l.walker(), true, r.inserted(), false, l.busyMillis(), size()));
    }

    private long size() {
        return freeEnergy ? store.meanForceCount() : store.count();
    }

    /** @return the first non-finite value of a label (energy eV, forces eV/Å, virial eV), or null. */
    static String nonFinite(FrameLabeled l) {
        if (!Double.isFinite(l.energy())) {
            return "energy " + l.energy();
        }
        double[] f = l.forces();
        for (int i = 0; f != null && i < f.length; i++) {
            if (!Double.isFinite(f[i])) {
                return "force component " + i + " = " + f[i];
            }
        }
        if (f == null) {
            return "no forces";
        }
        double[] v = l.virial();
        for (int i = 0; v != null && i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                return "virial component " + i + " = " + v[i];
            }
        }
        return null;
    }

    private void recordFailure(LabelFailed f) {
        ContentHash h = store.hashOf(f.atoms().toStructure(), f.oracleSettings());
        String reason = "attempt " + f.attempts() + " by " + f.labeler() + ": " + f.reason();
        FailureRecord rec = store.recordFailure(h, f.atoms().toStructure(), reason);
        // every failed attempt keeps its own reason; a candidate given up is quarantined
        StateUpdate u = StateUpdate.create().putString(FAILURE_PREFIX + h.hex() + "/" + rec.attempts(),
                FailureReasons.clip(f.reason()));
        if (f.finalFailure()) {
            u.putString(QUARANTINE_PREFIX + h.hex(), FailureReasons.clip(reason));
        }
        store.updateState(u);
        recorded.tell(new Recorded(f.candidateId(), "", false, false, f.finalFailure(), f.busyMillis(), size()));
    }

    private Behavior<Command> onStoreModel(StoreModel m) {
        try {
            storeModel(m);
            return this;
        } catch (StoreException e) {
            return storeFailed(e);
        }
    }

    private void storeModel(StoreModel m) {
        ModelPublished p = m.model();
        long version = store.latestModelVersion() + 1;
        Map<String, String> attrs = new TreeMap<>();
        attrs.put("member", Integer.toString(p.member()));
        attrs.put("generation", Long.toString(p.generation()));
        attrs.put("train_rmse_f", Double.toString(p.trainRmseF()));
        attrs.put("train_rmse_e", Double.toString(p.trainRmseE()));
        attrs.put("steps", Long.toString(p.steps()));
        attrs.put("train_s", Double.toString(p.trainSeconds()));
        Provenance prov = new Provenance("trainer", "member-" + p.member(), Long.toString(p.generation()), 0,
                CodeVersion.get(), System.currentTimeMillis());
        ChaosJournal.phase("model-publish");
        ChaosJournal.pause();
        store.putModel(version, p.modelYaml().getBytes(StandardCharsets.UTF_8),
                new ModelMetadata(freeEnergy ? "eelt-fe" : "eelt-dp", p.datasetSize(), attrs, prov));
        ChaosJournal.ack("model", Long.toString(version));
        models.tell(new ModelStored(version, p));
    }

    private Behavior<Command> onSaveState(SaveState m) {
        StateUpdate u = StateUpdate.create();
        m.values().forEach(u::putString);
        try {
            store.updateState(u);
        } catch (StoreException e) {
            return storeFailed(e);
        }
        if (m.replyTo() != null) {
            m.replyTo().tell(new StateSaved(m.values().size()));
        }
        return this;
    }
}
