package org.eelt.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/** The {@code models} column family: strictly increasing model versions with bytes and metadata. */
final class ModelRegistry {
    private final StoreDb db;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long latest;

    ModelRegistry(StoreDb db) {
        this.db = db;
        byte[] last = db.lastKey(Column.MODELS);
        this.latest = last == null ? 0 : Schema.readLong(last, "models key");
    }

    StoredModel put(long version, byte[] bytes, ModelMetadata metadata) {
        String key = "models/" + version;
        if (version < 1) {
            throw new IllegalArgumentException("model version must be ≥ 1, got " + version);
        }
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("model " + version + ": the model bytes are " + (bytes == null ? "null" : "empty"));
        }
        if (metadata == null) {
            throw new IllegalArgumentException("model " + version + ": metadata is null");
        }
        byte[] record = ModelCodec.encode(bytes, metadata);
        lock.lock();
        try {
            if (version <= latest) {
                throw new StoreConflictException(db.path(), key, "model version " + version
                        + (version == latest ? " is already stored" : " is below the latest stored version " + latest)
                        + ": model versions must increase strictly; publish it as version " + (latest + 1));
            }
            db.put(Column.MODELS, Schema.longKey(version), record, key);
            latest = version;
        } finally {
            lock.unlock();
        }
        return new StoredModel(version, bytes, metadata);
    }

    long latestVersion() {
        return latest;
    }

    Optional<StoredModel> get(long version) {
        if (version < 1) {
            return Optional.empty();
        }
        String key = "models/" + version;
        byte[] record = db.get(Column.MODELS, Schema.longKey(version), key);
        if (record == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModelCodec.decode(version, record));
        } catch (IllegalArgumentException e) {
            throw new StoreException(db.path(), key, e.getMessage(), e);
        }
    }

    Optional<StoredModel> latest() {
        long v = latest;
        return v == 0 ? Optional.empty() : get(v);
    }

    List<Long> versions() {
        List<Long> out = new ArrayList<>();
        for (byte[] k : db.keys(Column.MODELS)) {
            out.add(Schema.readLong(k, "models key"));
        }
        return out;
    }
}
