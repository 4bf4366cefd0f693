package org.eelt.store;

import org.eelt.protocol.atoms.MeanForceLabel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The mean-force labels of free-energy campaigns: column families {@code mean_forces} (hash →
 * sequence + record) and {@code mean_force_index} (sequence → hash). Exactly once per content
 * hash of (rounded restraint center, oracle settings), like {@link LabelTable}: one lock makes
 * the check-then-write atomic and keeps sequences dense.
 */
final class MeanForceTable {
    private final StoreDb db;
    private final ContentHasher hasher;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long nextSequence;

    MeanForceTable(StoreDb db, ContentHasher hasher) {
        this.db = db;
        this.hasher = hasher;
        byte[] last = db.lastKey(Column.MEAN_FORCE_INDEX);
        this.nextSequence = last == null ? 0 : Schema.readLong(last, "mean_force_index key") + 1;
    }

    ContentHash hashOf(MeanForceLabel r) {
        return hasher.hashCv(r.center(), r.provenance().settings());
    }

    long count() {
        return nextSequence;
    }

    InsertResult put(MeanForceLabel r) {
        if (r == null) {
            throw new IllegalArgumentException("putMeanForce: the label is null");
        }
        ContentHash h = hashOf(r);
        byte[] key = h.rawBytes();
        byte[] rec = MeanForceCodec.encode(r);
        String label = "mean_forces/" + h.hex();
        lock.lock();
        try {
            byte[] existing = db.get(Column.MEAN_FORCES, key, label);
            if (existing != null) {
                return new InsertResult.AlreadyPresent(h, Schema.readLong(existing, label));
            }
            long seq = nextSequence;
            db.write(label, b -> {
                b.put(db.handle(Column.MEAN_FORCES), key, ByteBuffer.allocate(8 + rec.length).putLong(seq).put(rec).array());
                b.put(db.handle(Column.MEAN_FORCE_INDEX), Schema.longKey(seq), key);
            });
            nextSequence = seq + 1; // published only after the batch is durable
            return new InsertResult.Inserted(h, seq);
        } finally {
            lock.unlock();
        }
    }

    Optional<StoredMeanForce> get(ContentHash hash) {
        String key = "mean_forces/" + hash.hex();
        byte[] v = db.get(Column.MEAN_FORCES, hash.rawBytes(), key);
        return v == null ? Optional.empty() : Optional.of(decode(hash, v, key));
    }

    /** @return the first {@code count} labels in insertion order. */
    List<StoredMeanForce> list(long count) {
        long n = Math.min(count, nextSequence);
        List<StoredMeanForce> out = new ArrayList<>((int) n);
        for (long from = 0; from < n; from += 256) {
            int k = (int) Math.min(256, n - from);
            List<byte[]> seqKeys = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                seqKeys.add(Schema.longKey(from + i));
            }
            String range = "mean_force_index/" + from + ".." + (from + k - 1);
            List<byte[]> hashes = db.multiGet(Column.MEAN_FORCE_INDEX, seqKeys, range);
            for (int i = 0; i < k; i++) {
                if (hashes.get(i) == null) {
                    throw new StoreException(db.path(), "mean_force_index/" + (from + i), "index entry missing below the"
                            + " count " + nextSequence + ": the store is damaged");
                }
            }
            List<byte[]> values = db.multiGet(Column.MEAN_FORCES, hashes, range);
            for (int i = 0; i < k; i++) {
                ContentHash h = ContentHash.ofBytes(hashes.get(i));
                if (values.get(i) == null) {
                    throw new StoreException(db.path(), "mean_forces/" + h.hex(), "label of sequence " + (from + i)
                            + " is missing: the store is damaged");
                }
                out.add(decode(h, values.get(i), "mean_forces/" + h.hex()));
            }
        }
        return out;
    }

    private StoredMeanForce decode(ContentHash hash, byte[] v, String key) {
        try {
            return new StoredMeanForce(Schema.readLong(v, key), hash, MeanForceCodec.decode(v, 8, v.length - 8));
        } catch (IllegalArgumentException e) {
            throw new StoreException(db.path(), key, e.getMessage(), e);
        }
    }
}
