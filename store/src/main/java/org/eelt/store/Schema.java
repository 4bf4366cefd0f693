package org.eelt.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The on-disk schema of an {@link EeltStore}: its version, the meta keys and the key encodings.
 *
 * <p>Version history (the number is stored under {@code meta/schema_version}):
 * <ul>
 *   <li>1 (EELT 0.1.0): column families {@code frames}, {@code frame_index}, {@code models},
 *       {@code campaign}, {@code failures}, {@code meta}; label records in {@link LabelCodec}
 *       format 1, model records in {@link ModelCodec} format 1, failures in {@link FailureCodec}
 *       format 1.</li>
 * </ul>
 * A store of a newer (unknown) version is refused at open time. When a version 2 appears, this
 * class gains a migration from 1 and the test fixtures of version 1 stay loadable.
 */
final class Schema {
    /** The schema version this code writes and reads. */
    static final int CURRENT_VERSION = 1;
    static final byte[] KEY_SCHEMA_VERSION = utf8("schema_version");
    static final byte[] KEY_HASH_RESOLUTION = utf8("hash_resolution");
    static final byte[] KEY_CREATED_BY = utf8("created_by");

    private Schema() {
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
