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
import org.eelt.protocol.messages.CborSerializable;
import org.eelt.protocol.messages.FrameLabeled;
import org.eelt.protocol.messages.LabelFailed;
import org.eelt.protocol.messages.LabelOutcome;
import org.eelt.protocol.messages.MeanForceLabeled;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.store.ContentHash;
import org.eelt.store.EeltStore;
import org.eelt.store.InsertResult;
import org.eelt.store.MeanForceRecord;
import org.eelt.store.ModelMetadata;
import org.eelt.store.StateUpdate;

/**
 * The only writer of the campaign's RocksDB store (runs on {@value #DISPATCHER}): labels exactly
 * once by content hash (species, rounded positions, cell, oracle settings; for free-energy
 * campaigns mean-force labels by rounded restraint center and oracle settings) with provenance (oracle,
 * settings, selecting model generation) and a {@code label-meta/<hash>} state record (walker,
 * deviation eV/Å, labeler, attempts, timings ms); failures with their reasons; model versions
 * (bytes + metrics); campaign state. Replies with {@link Recorded} / {@link ModelStored}.
 */
public final class DatasetRecorder extends AbstractBehavior<DatasetRecorder.Command> {
    /** The dispatcher of store writes. */
    public static final String DISPATCHER = "eelt-store-dispatcher";

    /** Messages of the recorder. */
    public sealed interface Command permits Outcome, StoreModel, SaveState {
    }

    /** A labeler's outcome to record. */
    public record Outcome(LabelOutcome outcome) implements Command, CborSerializable {
    }

    /** A published model to store as the next model version. */
    public record StoreModel(ModelPublished model) implements Command, CborSerializable {
    }

    /** Campaign state to persist atomically. */
    public record SaveState(Map<String, String> values) implements Command, CborSerializable {
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

    private final EeltStore store;
    private final boolean freeEnergy;
    private final ActorRef<Recorded> recorded;
    private final ActorRef<ModelStored> models;

    private DatasetRecorder(ActorContext<Command> ctx, EeltStore store, boolean freeEnergy, ActorRef<Recorded> recorded,
                            ActorRef<ModelStored> models) {
        super(ctx);
        this.store = store;
        this.freeEnergy = freeEnergy;
        this.recorded = recorded;
        this.models = models;
    }

    /**
     * @param store    the open store (owned by the runner)
     * @param recorded gets one {@link Recorded} per outcome
     * @param models   gets one {@link ModelStored} per stored model
     * @return the behavior
     */
    public static Behavior<Command> create(EeltStore store, ActorRef<Recorded> recorded, ActorRef<ModelStored> models) {
        return create(store, false, recorded, models);
    }

    /**
     * @param store       the open store (owned by the runner)
     * @param freeEnergy  whether the dataset is the store's mean-force labels (free-energy campaign) rather than its frames
     * @param recorded    gets one {@link Recorded} per outcome
     * @param models      gets one {@link ModelStored} per stored model
     * @return the behavior
     */
    public static Behavior<Command> create(EeltStore store, boolean freeEnergy, ActorRef<Recorded> recorded,
                                           ActorRef<ModelStored> models) {
        return Behaviors.setup(ctx -> new DatasetRecorder(ctx, store, freeEnergy, recorded, models));
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
        if (m.outcome() instanceof FrameLabeled l) {
            recordLabel(l);
        } else if (m.outcome() instanceof MeanForceLabeled l) {
            recordMeanForce(l);
        } else if (m.outcome() instanceof LabelFailed f) {
            recordFailure(f);
        }
        return this;
    }

    private void recordLabel(FrameLabeled l) {
        Frame frame = new Frame(l.atoms().toStructure(), l.energy(), l.forces(), l.virial(), null);
        Provenance p = new Provenance(l.oracle(), l.oracleSettings(), "generation-" + l.generation(), 0,
                CodeVersion.get(), System.currentTimeMillis());
        InsertResult r = store.putLabeled(new LabeledFrame(frame, p));
        if (r.inserted()) {
            store.putString("label-meta/" + r.hash().hex(), String.format(Locale.ROOT,
                    "candidate=%s;walker=%s;generation=%d;deviation=%.6g;labeler=%s;attempts=%d;busy_ms=%d;oracle_ms=%d",
                    l.candidateId(), l.walker(), l.generation(), l.deviation(), l.labeler(), l.attempts(),
                    l.busyMillis(), l.oracleMillis()));
        }
        recorded.tell(new Recorded(l.candidateId(), l.walker(), true, r.inserted(), false, l.busyMillis(), size()));
    }

    private void recordMeanForce(MeanForceLabeled l) {
        Provenance p = new Provenance(l.oracle(), l.oracleSettings(), "generation-" + l.generation(), l.seed(),
                CodeVersion.get(), System.currentTimeMillis());
        InsertResult r = store.putMeanForce(new MeanForceRecord(l.center(), l.meanForce(), l.stdErr(), l.samples(),
                l.energyUnit(), p));
        if (r.inserted()) {
            store.putString("label-meta/" + r.hash().hex(), String.format(Locale.ROOT,
                    "candidate=%s;walker=%s;generation=%d;deviation=%.6g;labeler=%s;attempts=%d;busy_ms=%d;oracle_ms=%d",
                    l.candidateId(), l.walker(), l.generation(), l.deviation(), l.labeler(), l.attempts(),
                    l.busyMillis(), l.oracleMillis()));
        }
        recorded.tell(new Recorded(l.candidateId(), l.walker(), true, r.inserted(), false, l.busyMillis(), size()));
    }

    private long size() {
        return freeEnergy ? store.meanForceCount() : store.count();
    }

    private void recordFailure(LabelFailed f) {
        ContentHash h = store.hashOf(f.atoms().toStructure(), f.oracleSettings());
        store.recordFailure(h, f.atoms().toStructure(), "attempt " + f.attempts() + " by " + f.labeler() + ": "
                + f.reason());
        recorded.tell(new Recorded(f.candidateId(), "", false, false, f.finalFailure(), f.busyMillis(), size()));
    }

    private Behavior<Command> onStoreModel(StoreModel m) {
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
        store.putModel(version, p.modelYaml().getBytes(StandardCharsets.UTF_8),
                new ModelMetadata(freeEnergy ? "eelt-fe" : "eelt-dp", p.datasetSize(), attrs, prov));
        models.tell(new ModelStored(version, p));
        return this;
    }

    private Behavior<Command> onSaveState(SaveState m) {
        StateUpdate u = StateUpdate.create();
        m.values().forEach(u::putString);
        store.updateState(u);
        return this;
    }
}
