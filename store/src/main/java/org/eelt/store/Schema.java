package org.eelt.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.eelt.protocol.atoms.CodeVersion;
import org.rocksdb.ColumnFamilyHandle;

/**
 * The on-disk schema of an {@link EeltStore}: its version, the meta keys and the key encodings.
 *
 * <p>Version history (the number is stored under {@code meta/schema_version}):
 * <ul>
 *   <li>1 (EELT 0.1.0): column families {@code frames}, {@code frame_index}, {@code models},
 *       {@code campaign}, {@code failures}, {@code meta}; label records in {@link LabelCodec}
 *       format 1, model records in {@link ModelCodec} format 1, failures in {@link FailureCodec}
 *       format 1.</li>
 *   <li>2 (EELT 0.1.0, free-energy campaigns): adds the column families {@code mean_forces} and
 *       {@code mean_force_index} (mean-force labels in {@link MeanForceCodec} format 1, keyed by
 *       {@link ContentHasher#hashCv}). Migration from 1: the empty families are created when the
 *       store is opened for writing and {@code schema_version} becomes 2; nothing else changes,
 *       so a version-1 store loads with all its labels, models and state. A read-only open of a
 *       version-1 store leaves it untouched and reads the new families as empty.</li>
 * </ul>
 * A store of a newer (unknown) version is refused at open time.
 */
final class Schema {
    /** The schema version this code writes and reads. */
    static final int CURRENT_VERSION = 2;
    static final byte[] KEY_SCHEMA_VERSION = utf8("schema_version");
    static final byte[] KEY_HASH_RESOLUTION = utf8("hash_resolution");
    static final byte[] KEY_CREATED_BY = utf8("created_by");

    private Schema() {
    }

    /**
     * Checks the schema version and hash resolution of an opened store, or writes them (synced)
     * into a fresh one.
     *
     * @return the schema version
     * @throws StoreException for a newer or invalid version, a resolution mismatch, or a
     *                        non-EELT database
     */
    static int verifyOrInitialise(StoreDb db, StoreSettings settings) {
        Path path = db.path();
        byte[] v = db.get(Column.META, KEY_SCHEMA_VERSION, "meta/schema_version");
        byte[] resBits = longKey(Double.doubleToLongBits(settings.hashResolution()));
        if (v == null) {
            if (db.readOnly()) {
                throw new StoreException(path, "meta/schema_version", "the database has no schema version: it was "
                        + "not created by EELT, or never opened for writing");
            }
            if (!db.isEmpty(Column.FRAMES) || !db.isEmpty(Column.MODELS)) {
                throw new StoreException(path, "meta/schema_version", "the database holds data but no schema "
                        + "version: it was not created by EELT or its meta column family is damaged");
            }
            db.writeSynced("meta", b -> {
                ColumnFamilyHandle meta = db.handle(Column.META);
                b.put(meta, KEY_SCHEMA_VERSION, intValue(CURRENT_VERSION));
                b.put(meta, KEY_HASH_RESOLUTION, resBits);
                b.put(meta, KEY_CREATED_BY, utf8("EELT " + CodeVersion.get()));
            });
            return CURRENT_VERSION;
        }
        int version = readInt(v, "meta/schema_version");
        if (version > CURRENT_VERSION) {
            byte[] by = db.get(Column.META, KEY_CREATED_BY, "meta/created_by");
            String createdBy = by == null ? "unknown" : new String(by, StandardCharsets.UTF_8);
            throw new StoreException(path, "meta/schema_version", "the store has schema version " + version
                    + ", newer than the versions 1.." + CURRENT_VERSION + " this EELT " + CodeVersion.get()
                    + " knows: open it with the EELT version that wrote it (" + createdBy + ") or newer");
        }
        if (version < 1) {
            throw new StoreException(path, "meta/schema_version", "invalid schema version " + version);
        }
        byte[] stored = db.get(Column.META, KEY_HASH_RESOLUTION, "meta/hash_resolution");
        if (stored != null && !Arrays.equals(stored, resBits)) {
            double was = Double.longBitsToDouble(readLong(stored, "meta/hash_resolution"));
            throw new StoreException(path, "meta/hash_resolution", "the store was created with content-hash "
                    + "resolution " + was + " Å but is opened with " + settings.hashResolution()
                    + " Å: open it with hashResolution = " + was + " so that hashes stay comparable");
        }
        if (version == 1 && !db.readOnly()) { // 1 -> 2: the mean-force families were created at open
            db.writeSynced("meta/schema_version", b -> b.put(db.handle(Column.META), KEY_SCHEMA_VERSION,
                    intValue(CURRENT_VERSION)));
            version = CURRENT_VERSION;
        }
        return version;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] longKey(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    static long readLong(byte[] b, String what) {
        if (b == null || b.length < 8) {
            throw new IllegalArgumentException(what + " is not an 8-byte integer");
        }
        return ByteBuffer.wrap(b).getLong();
    }

    static byte[] intValue(int v) {
        return ByteBuffer.allocate(4).putInt(v).array();
    }

    static int readInt(byte[] b, String what) {
        if (b == null || b.length != 4) {
            throw new IllegalArgumentException(what + " is not a 4-byte integer");
        }
        return ByteBuffer.wrap(b).getInt();
    }
}
