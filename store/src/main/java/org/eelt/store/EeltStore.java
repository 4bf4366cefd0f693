package org.eelt.store;

import org.eelt.protocol.atoms.MeanForceLabel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.FormatOptions;
import org.eelt.protocol.io.Formats;

/**
 * The durable store of an EELT campaign, in one RocksDB directory: the labeled dataset
 * (exactly once per {@link ContentHash}), model versions, campaign state and failed
 * structures, and the mean-force labels of free-energy campaigns ({@link #putMeanForce}). Units:
 * Å, eV, eV/Å; mean-force labels in CV units (see {@link MeanForceLabel}).
 *
 * <p><b>Exactly-once labels.</b> {@link #putLabeled} computes the content hash of the frame's
 * structure and its provenance settings (the oracle settings). All label writes of a store are
 * serialised by one lock (the single-writer design): under it the store checks whether the hash
 * is present and, if not, writes the frame and its index entry in one atomic {@code WriteBatch}
 * with the next insertion sequence. Concurrent callers with the same frame therefore get one
 * {@link InsertResult.Inserted} and otherwise {@link InsertResult.AlreadyPresent}; a crash leaves
 * either both records or neither. RocksDB's {@code LOCK} file keeps other processes out. Labels
 * arrive at oracle speed (seconds to hours per label, far below the 10²–10³ synced 11 kB writes
 * per second measured here), so one writer costs nothing; {@link #putLabeledAll} writes many
 * labels with one sync.
 *
 * <p><b>Durability.</b> With {@link StoreSettings#sync()} (the default) a write returns only
 * after its WAL record is fsynced: an acknowledged label survives SIGKILL and power loss.
 * Without sync it survives SIGKILL (the WAL is in the OS page cache) but not a power loss.
 *
 * <pre>{@code
 * try (EeltStore store = EeltStore.open(Path.of("campaign/store"))) {
 *     InsertResult r = store.putLabeled(labeledFrame);      // Inserted or AlreadyPresent
 *     DatasetSnapshot snap = store.snapshot();              // trainer: fixed data id
 *     List<LabeledFrame> data = store.export(snap);
 *     store.putModel(7, modelBytes, metadata);              // versions strictly increase
 *     store.updateState(StateUpdate.create().putLong("round", 3).putString("phase", "train"));
 * }
 * }</pre>
 *
 * <p><b>Snapshots.</b> Labels are never overwritten or deleted and their sequences are dense,
 * so {@link #snapshot()} is just the current count, and it identifies the same data forever.
 *
 * <p>Thread-safe. {@link #close()} is idempotent; calls after it throw {@link StoreException}.
 */
public final class EeltStore implements AutoCloseable {
    private static final int CHUNK = 256;

    private final StoreDb db;
    private final StoreSettings settings;
    private final ContentHasher hasher;
    private final LabelTable table;
    private final ModelRegistry models;
    private final FailureLog failures;
    private final MeanForceTable meanForces;

    private EeltStore(StoreDb db, StoreSettings settings) {
        this.db = db;
        this.settings = settings;
        this.hasher = new ContentHasher(settings.hashResolution());
        this.table = new LabelTable(db, hasher);
        this.models = new ModelRegistry(db);
        this.failures = new FailureLog(db);
        this.meanForces = new MeanForceTable(db, hasher);
    }

    /** Opens (creating if needed) the store in {@code dir} with {@link StoreSettings#defaults()}. */
    public static EeltStore open(Path dir) {
        return open(dir, StoreSettings.defaults());
    }

    /**
     * Opens (creating if needed) the store in {@code dir}.
     *
     * @throws StoreException when the directory is not writable, the store is already open (by
     *                        this or another process), it has a newer schema version, or it was
     *                        created with another hash resolution
     */
    public static EeltStore open(Path dir, StoreSettings settings) {
        if (dir == null || settings == null) {
            throw new IllegalArgumentException("EeltStore.open needs a directory and settings");
        }
        StoreDb db = StoreDb.open(dir, settings);
        try {
            return new EeltStore(db, settings);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Opens an existing store read-only: it takes no {@code LOCK} and writes nothing, so it can
     * inspect a store that a running campaign holds open (it sees the data as of this call) or
     * one in a read-only directory. Write methods throw {@link StoreException}.
     *
     * @param settings the hash resolution must match the store's; {@code sync} is ignored
     */
    public static EeltStore openReadOnly(Path dir, StoreSettings settings) {
        if (dir == null || settings == null) {
            throw new IllegalArgumentException("EeltStore.openReadOnly needs a directory and settings");
        }
        StoreDb db = StoreDb.openReadOnly(dir, settings);
        try {
            return new EeltStore(db, settings);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Same as {@link #openReadOnly(Path, StoreSettings)} with default settings. */
    public static EeltStore openReadOnly(Path dir) {
        return openReadOnly(dir, StoreSettings.defaults());
    }

    /** @return whether the store was opened with {@link #openReadOnly}. */
    public boolean isReadOnly() {
        return db.readOnly();
    }

    /** @return the store directory (absolute). */
    public Path path() {
        return db.path();
    }

    /** @return the settings it was opened with. */
    public StoreSettings settings() {
        return settings;
    }

    /** @return the on-disk schema version ({@value Schema#CURRENT_VERSION} for stores this code creates). */
    public int schemaVersion() {
        return db.schemaVersion();
    }

    /** @return the content hash the store uses for a label: its structure and its provenance settings. */
    public ContentHash hashOf(LabeledFrame label) {
        return table.hashOf(label);
    }

    /** @return the content hash of a candidate structure for an oracle with these settings. */
    public ContentHash hashOf(Structure structure, String oracleSettings) {
        return hasher.hash(structure, oracleSettings);
    }

    // ---------------------------------------------------------------- dataset

    /**
     * Stores a label unless one with the same content hash is already stored. The hash is taken
     * over the label's structure and {@code label.provenance().settings()} (the oracle settings),
     * see {@link #hashOf(LabeledFrame)}; the label values themselves are not part of it, so a
     * retried calculation of the same candidate is ignored.
     *
     * @param label a labeled frame (energy eV, forces eV/Å, optional virial eV and atomic energies eV)
     * @return {@link InsertResult.Inserted} with its new sequence, or {@link InsertResult.AlreadyPresent}
     * @throws IllegalArgumentException when the label is null
     * @throws StoreException           when RocksDB fails (then nothing was stored)
     */
    public InsertResult putLabeled(LabeledFrame label) {
        if (label == null) {
            throw new IllegalArgumentException("putLabeled: the label is null");
        }
        return putLabeledAll(List.of(label)).get(0);
    }

    /**
     * Stores several labels in one atomic batch (one sync). Labels whose hash is already stored,
     * or appears earlier in the list, are ignored and reported as {@link InsertResult.AlreadyPresent}.
     *
     * @return one result per label, in order
     * @throws IllegalArgumentException naming the index of a null label
     */
    public List<InsertResult> putLabeledAll(List<LabeledFrame> labels) {
        return table.putAll(labels);
    }

    /** @return whether a label with this hash is stored. */
    public boolean contains(ContentHash hash) {
        return table.contains(requireHash(hash));
    }

    /** @return the stored label with this hash, if any. */
    public Optional<StoredLabel> get(ContentHash hash) {
        return table.get(requireHash(hash));
    }

    /** @return the number of stored labels. */
    public long count() {
        return table.count();
    }

    /** @return the current dataset snapshot (all labels acknowledged so far). */
    public DatasetSnapshot snapshot() {
        return new DatasetSnapshot(table.count());
    }

    /** @return all labels of the current snapshot, lazily, in insertion order. */
    public LabelIterator iterate() {
        return iterate(snapshot());
    }

    /** @return the labels of a snapshot, lazily, in insertion order. */
    public LabelIterator iterate(DatasetSnapshot snapshot) {
        return iterate(0, snapshot);
    }

    /**
     * @param fromSequence first sequence to return (e.g. the bound of an earlier snapshot, to get only new labels)
     * @param snapshot     upper bound
     * @return labels with fromSequence ≤ sequence &lt; snapshot bound, lazily, in insertion order
     * @throws IllegalArgumentException when the snapshot is beyond this store's count (a snapshot of another store)
     */
    public LabelIterator iterate(long fromSequence, DatasetSnapshot snapshot) {
        if (snapshot == null) {
            throw new IllegalArgumentException("iterate: snapshot is null");
        }
        if (snapshot.sequenceBound() > table.count()) {
            throw new IllegalArgumentException("snapshot " + snapshot.id() + " is beyond the " + table.count()
                    + " labels of store " + path() + ": it belongs to another store");
        }
        if (fromSequence < 0 || fromSequence > snapshot.sequenceBound()) {
            throw new IllegalArgumentException("fromSequence " + fromSequence + " is outside 0.." + snapshot.sequenceBound());
        }
        return new LabelIterator(table::loadChunk, fromSequence, snapshot.sequenceBound(), CHUNK);
    }

    /** @return the labels of a snapshot in insertion order, for {@link Formats} or a trainer. */
    public List<LabeledFrame> export(DatasetSnapshot snapshot) {
        List<LabeledFrame> out = new ArrayList<>((int) Math.min(Integer.MAX_VALUE, snapshot.count()));
        iterate(snapshot).forEachRemaining(s -> out.add(s.label()));
        return out;
    }

    /**
     * Writes a snapshot to a file or deepmd directory with {@link Formats#write} (atomic).
     *
     * @param format  a format name ({@code "deepmd"}, {@code "extxyz"}), or null to detect it from the target
     * @param options type map, set size, …; null for defaults
     * @return the number of frames written
     */
    public int exportTo(Path target, String format, FormatOptions options, DatasetSnapshot snapshot) throws IOException {
        List<Frame> frames = new ArrayList<>();
        for (LabeledFrame l : export(snapshot)) {
            frames.add(l.frame());
        }
        Formats.write(target, frames, format, options);
        return frames.size();
    }

    private static ContentHash requireHash(ContentHash hash) {
        if (hash == null) {
            throw new IllegalArgumentException("content hash is null");
        }
        return hash;
    }

    // ---------------------------------------------------------------- mean-force labels (free energy)

    /**
     * Stores a mean-force label unless one with the same content hash ({@link ContentHasher#hashCv}
     * of the rounded center and {@code label.provenance().settings()}) is already stored.
     *
     * @param label the label (center in CV units, force in energy per CV unit, see {@link MeanForceLabel})
     * @return {@link InsertResult.Inserted} with its sequence, or {@link InsertResult.AlreadyPresent}
     */
    public InsertResult putMeanForce(MeanForceLabel label) {
        return meanForces.put(label);
    }

    /** @return the content hash of a mean-force label with this center for an oracle with these settings. */
    public ContentHash hashOfCenter(double[] center, String oracleSettings) {
        return hasher.hashCv(center, oracleSettings);
    }

    /** @return the stored mean-force label with this hash, if any. */
    public Optional<StoredMeanForce> meanForce(ContentHash hash) {
        return meanForces.get(requireHash(hash));
    }

    /** @return the number of stored mean-force labels. */
    public long meanForceCount() {
        return meanForces.count();
    }

    /** @return the first {@code snapshot} mean-force labels, in insertion order. */
    public List<StoredMeanForce> meanForces(long snapshot) {
        return meanForces.list(snapshot);
    }

    // ---------------------------------------------------------------- models

    /**
     * Stores a model version. Versions must increase strictly.
     *
     * @return the stored model
     * @throws StoreConflictException when {@code version} is not above {@link #latestModelVersion()}
     */
    public StoredModel putModel(long version, byte[] bytes, ModelMetadata metadata) {
        return models.put(version, bytes, metadata);
    }

    /** @return the newest model, if any. */
    public Optional<StoredModel> latestModel() {
        return models.latest();
    }

    /** @return the newest model version, 0 when none. */
    public long latestModelVersion() {
        return models.latestVersion();
    }

    /** @return the model of this version, if stored. */
    public Optional<StoredModel> model(long version) {
        return models.get(version);
    }

    /** @return all stored model versions, ascending. */
    public List<Long> modelVersions() {
        return models.versions();
    }

    // ---------------------------------------------------------------- campaign state

    /** Sets one campaign-state key (durable when this returns with sync writes). */
    public void putState(String key, byte[] value) {
        updateState(StateUpdate.create().put(key, value));
    }

    /** Sets a campaign-state key to a long (8 bytes big-endian; read with {@link #getLong}). */
    public void putLong(String key, long value) {
        updateState(StateUpdate.create().putLong(key, value));
    }

    /** Sets a campaign-state key to a string (UTF-8; read with {@link #getString}). */
    public void putString(String key, String value) {
        updateState(StateUpdate.create().putString(key, value));
    }

    /** Removes a campaign-state key (no effect when absent). */
    public void deleteState(String key) {
        updateState(StateUpdate.create().delete(key));
    }

    /** @return the value of a campaign-state key, if set. */
    public Optional<byte[]> getState(String key) {
        StateUpdate.checkKey(key);
        return Optional.ofNullable(db.get(Column.CAMPAIGN, Schema.utf8(key), "campaign/" + key));
    }

    /** @return a state value written by {@link StateUpdate#putLong}. */
    public OptionalLong getLong(String key) {
        Optional<byte[]> v = getState(key);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        if (v.get().length != 8) {
            throw new StoreException(path(), "campaign/" + key, "value has " + v.get().length
                    + " bytes, not the 8 of a long: it was not written with putLong");
        }
        return OptionalLong.of(ByteBuffer.wrap(v.get()).getLong());
    }

    /** @return a state value written by {@link StateUpdate#putString}. */
    public Optional<String> getString(String key) {
        return getState(key).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** Applies all puts and deletes of an update atomically (one batch, one sync). */
    public void updateState(StateUpdate update) {
        if (update == null) {
            throw new IllegalArgumentException("updateState: update is null");
        }
        if (update.isEmpty()) {
            return;
        }
        String label = "campaign/" + update.ops().get(0).key() + (update.ops().size() > 1 ? " (+" + (update.ops().size() - 1) + ")" : "");
        db.write(label, b -> {
            for (StateUpdate.Op op : update.ops()) {
                if (op.value() == null) {
                    b.delete(db.handle(Column.CAMPAIGN), Schema.utf8(op.key()));
                } else {
                    b.put(db.handle(Column.CAMPAIGN), Schema.utf8(op.key()), op.value());
                }
            }
        });
    }

    /** @return all campaign-state keys, in byte order. */
    public List<String> stateKeys() {
        List<String> out = new ArrayList<>();
        for (byte[] k : db.keys(Column.CAMPAIGN)) {
            out.add(new String(k, StandardCharsets.UTF_8));
        }
        return out;
    }

    // ---------------------------------------------------------------- failures

    /**
     * Records that labeling a structure failed; repeated failures of the same hash count attempts.
     *
     * @param reason a non-blank, human-readable reason (e.g. the oracle's error message)
     */
    public FailureRecord recordFailure(ContentHash hash, Structure structure, String reason) {
        return failures.record(hash, structure, reason, System.currentTimeMillis());
    }

    /** @return the failure record of a hash, if any. */
    public Optional<FailureRecord> failure(ContentHash hash) {
        return failures.get(requireHash(hash));
    }

    /** @return all failure records, in hash order. */
    public List<FailureRecord> failures() {
        return failures.all();
    }

    // ---------------------------------------------------------------- lifecycle

    /** @return whether {@link #close()} was called. */
    public boolean isClosed() {
        return db.isClosed();
    }

    /**
     * Closes the store: waits for running calls, syncs the WAL when writes were not synced, then
     * releases column-family handles, the database and the options, in that order. Idempotent.
     */
    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "EeltStore[" + path() + ", " + count() + " labels, " + meanForceCount() + " mean-force labels, model "
                + latestModelVersion() + "]";
    }
}
