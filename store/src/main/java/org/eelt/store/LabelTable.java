package org.eelt.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.eelt.protocol.atoms.LabeledFrame;

/**
 * The dataset: column families {@code frames} (hash → sequence + label record) and
 * {@code frame_index} (sequence → hash). One lock serialises inserts (single writer), which
 * makes the check-then-write of a hash atomic and keeps sequences dense and in commit order.
 */
final class LabelTable {
    private final StoreDb db;
    private final ContentHasher hasher;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long nextSequence;

    LabelTable(StoreDb db, ContentHasher hasher) {
        this.db = db;
        this.hasher = hasher;
        byte[] last = db.lastKey(Column.FRAME_INDEX);
        this.nextSequence = last == null ? 0 : Schema.readLong(last, "frame_index key") + 1;
    }

    ContentHash hashOf(LabeledFrame label) {
        return hasher.hash(label.structure(), label.provenance().settings());
    }

    long count() {
        return nextSequence;
    }

    List<InsertResult> putAll(List<LabeledFrame> labels) {
        if (labels == null) {
            throw new IllegalArgumentException("putLabeledAll: the list is null");
        }
        int n = labels.size();
        List<ContentHash> hashes = new ArrayList<>(n);
        List<byte[]> records = new ArrayList<>(n);
        List<byte[]> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LabeledFrame l = labels.get(i);
            if (l == null) {
                throw new IllegalArgumentException("putLabeledAll: label " + i + " of " + n + " is null");
            }
            ContentHash h = hashOf(l);
            hashes.add(h);
            keys.add(h.rawBytes());
            records.add(LabelCodec.encode(l));
        }
        String keyLabel = n == 1 ? "frames/" + hashes.get(0).hex() : "frames/[" + n + " labels]";
        lock.lock();
        try {
            List<byte[]> existing = db.multiGet(Column.FRAMES, keys, keyLabel);
            Map<ContentHash, Long> inBatch = new HashMap<>();
            List<InsertResult> results = new ArrayList<>(n);
            List<Integer> toWrite = new ArrayList<>();
            long first = nextSequence;
            long seq = first;
            for (int i = 0; i < n; i++) {
                ContentHash h = hashes.get(i);
                if (existing.get(i) != null) {
                    results.add(new InsertResult.AlreadyPresent(h, Schema.readLong(existing.get(i), "frames/" + h.hex())));
                } else if (inBatch.containsKey(h)) {
                    results.add(new InsertResult.AlreadyPresent(h, inBatch.get(h)));
                } else {
                    inBatch.put(h, seq);
                    results.add(new InsertResult.Inserted(h, seq));
                    toWrite.add(i);
                    seq++;
                }
            }
            if (!toWrite.isEmpty()) {
                db.write(keyLabel, b -> {
                    long s = first;
                    for (int i : toWrite) {
                        byte[] rec = records.get(i);
                        byte[] value = ByteBuffer.allocate(8 + rec.length).putLong(s).put(rec).array();
                        b.put(db.handle(Column.FRAMES), keys.get(i), value);
                        b.put(db.handle(Column.FRAME_INDEX), Schema.longKey(s), keys.get(i));
                        s++;
                    }
                });
                nextSequence = seq; // published only after the batch is durable
            }
            return results;
        } finally {
            lock.unlock();
        }
    }

    boolean contains(ContentHash hash) {
        return db.get(Column.FRAMES, hash.rawBytes(), "frames/" + hash.hex()) != null;
    }

    Optional<StoredLabel> get(ContentHash hash) {
        String key = "frames/" + hash.hex();
        byte[] v = db.get(Column.FRAMES, hash.rawBytes(), key);
        return v == null ? Optional.empty() : Optional.of(decode(hash, v, key));
    }

    /** Loads labels of sequences from … from + n − 1 with two multi-gets. */
    List<StoredLabel> loadChunk(long from, int n) {
        List<byte[]> seqKeys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            seqKeys.add(Schema.longKey(from + i));
        }
        String range = "frame_index/" + from + ".." + (from + n - 1);
        List<byte[]> hashes = db.multiGet(Column.FRAME_INDEX, seqKeys, range);
        for (int i = 0; i < n; i++) {
            if (hashes.get(i) == null) {
                throw new StoreException(db.path(), "frame_index/" + (from + i), "index entry missing below the count "
                        + nextSequence + ": the store is damaged");
            }
        }
        List<byte[]> values = db.multiGet(Column.FRAMES, hashes, range);
        List<StoredLabel> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ContentHash h = ContentHash.ofBytes(hashes.get(i));
            if (values.get(i) == null) {
                throw new StoreException(db.path(), "frames/" + h.hex(), "label of sequence " + (from + i)
                        + " is missing: the store is damaged");
            }
            out.add(decode(h, values.get(i), "frames/" + h.hex()));
        }
        return out;
    }

    private StoredLabel decode(ContentHash hash, byte[] v, String key) {
        try {
            long seq = Schema.readLong(v, "frame record");
            return new StoredLabel(seq, hash, LabelCodec.decode(v, 8, v.length - 8));
        } catch (IllegalArgumentException e) {
            throw new StoreException(db.path(), key, e.getMessage(), e);
        }
    }
}
