package org.eelt.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binary form of a stored model (value of the {@code models} column family).
 *
 * <pre>
 *   byte    format version (= {@value #VERSION})
 *   string  format name
 *   long    dataset snapshot id (−1 = none)
 *   int     attribute count, then (key, value) strings in key order
 *   prov    provenance (see BinaryIO.writeProvenance)
 *   int     model byte count, then the bytes
 * </pre>
 * Format history: 1 (EELT 0.1.0) initial layout.
 */
final class ModelCodec {
    static final int VERSION = 1;

    private ModelCodec() {
    }

    static byte[] encode(byte[] model, ModelMetadata m) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(model.length + 512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            BinaryIO.writeString(out, m.format());
            out.writeLong(m.datasetSnapshot());
            out.writeInt(m.attributes().size());
            for (var e : m.attributes().entrySet()) {
                BinaryIO.writeString(out, e.getKey());
                BinaryIO.writeString(out, e.getValue());
            }
            BinaryIO.writeProvenance(out, m.provenance());
            out.writeInt(model.length);
            out.write(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static StoredModel decode(long version, byte[] record) {
        int v = record.length == 0 ? -1 : record[0] & 0xff;
        if (v != VERSION) {
            throw new IllegalArgumentException("model record has format version " + v + " but this EELT reads 1.."
                    + VERSION + ": open the store with a newer EELT");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record, 1, record.length - 1))) {
            String format = BinaryIO.readString(in);
            long snapshot = in.readLong();
            int n = BinaryIO.readLength(in, "attribute count");
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                attrs.put(BinaryIO.readString(in), BinaryIO.readString(in));
            }
            var prov = BinaryIO.readProvenance(in);
            byte[] model = new byte[BinaryIO.readLength(in, "model bytes")];
            in.readFully(model);
            return new StoredModel(version, model, new ModelMetadata(format, snapshot, attrs, prov));
        } catch (IOException e) {
            throw new IllegalArgumentException("model record is corrupt or truncated: " + e.getMessage(), e);
        }
    }
}
