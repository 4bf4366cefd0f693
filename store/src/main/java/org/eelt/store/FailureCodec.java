package org.eelt.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Binary form of a {@link FailureRecord} (value of the {@code failures} column family; the key
 * is the content hash).
 *
 * <pre>
 *   byte    format version (= {@value #VERSION})
 *   struct  structure (see BinaryIO.writeStructure)
 *   string  latest reason
 *   int     attempts
 *   long    first failure, ms since epoch
 *   long    latest failure, ms since epoch
 * </pre>
 * Format history: 1 (EELT 0.1.0) initial layout.
 */
final class FailureCodec {
    static final int VERSION = 1;

    private FailureCodec() {
    }

    static byte[] encode(FailureRecord r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * r.structure().size() + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            BinaryIO.writeStructure(out, r.structure());
            BinaryIO.writeString(out, r.reason());
            out.writeInt(r.attempts());
            out.writeLong(r.firstEpochMs());
            out.writeLong(r.lastEpochMs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static FailureRecord decode(ContentHash hash, byte[] record) {
        int v = record.length == 0 ? -1 : record[0] & 0xff;
        if (v != VERSION) {
            throw new IllegalArgumentException("failure record has format version " + v + " but this EELT reads 1.."
                    + VERSION + ": open the store with a newer EELT");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record, 1, record.length - 1))) {
            var structure = BinaryIO.readStructure(in);
            String reason = BinaryIO.readString(in);
            int attempts = in.readInt();
            long first = in.readLong();
            long last = in.readLong();
            return new FailureRecord(hash, structure, reason, attempts, first, last);
        } catch (IOException e) {
            throw new IllegalArgumentException("failure record is corrupt or truncated: " + e.getMessage(), e);
        }
    }
}
