package org.eelt.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.eelt.protocol.atoms.Structure;

/** The {@code failures} column family: one record per content hash, counting attempts. */
final class FailureLog {
    private final StoreDb db;
    private final ReentrantLock lock = new ReentrantLock();

    FailureLog(StoreDb db) {
        this.db = db;
    }

    FailureRecord record(ContentHash hash, Structure structure, String reason, long nowMs) {
        if (hash == null || structure == null) {
            throw new IllegalArgumentException("recordFailure needs a content hash and a structure, got hash="
                    + hash + ", structure=" + structure);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("recordFailure for " + hash + ": give a non-blank reason");
        }
        String key = "failures/" + hash.hex();
        lock.lock();
        try {
            Optional<FailureRecord> old = get(hash);
            FailureRecord r = old.map(o -> new FailureRecord(hash, structure, reason, o.attempts() + 1,
                    o.firstEpochMs(), nowMs)).orElse(new FailureRecord(hash, structure, reason, 1, nowMs, nowMs));
            db.put(Column.FAILURES, hash.rawBytes(), FailureCodec.encode(r), key);
            return r;
        } finally {
            lock.unlock();
        }
    }

    Optional<FailureRecord> get(ContentHash hash) {
        String key = "failures/" + hash.hex();
        byte[] v = db.get(Column.FAILURES, hash.rawBytes(), key);
        return v == null ? Optional.empty() : Optional.of(decode(hash, v, key));
    }

    List<FailureRecord> all() {
        List<FailureRecord> out = new ArrayList<>();
        for (byte[][] e : db.entries(Column.FAILURES)) {
            ContentHash h = ContentHash.ofBytes(e[0]);
            out.add(decode(h, e[1], "failures/" + h.hex()));
        }
        return out;
    }

    private FailureRecord decode(ContentHash hash, byte[] v, String key) {
        try {
            return FailureCodec.decode(hash, v);
        } catch (IllegalArgumentException e) {
            throw new StoreException(db.path(), key, e.getMessage(), e);
        }
    }
}
