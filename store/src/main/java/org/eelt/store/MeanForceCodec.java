package org.eelt.store;

import org.eelt.protocol.atoms.MeanForceLabel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.eelt.protocol.atoms.Provenance;

/**
 * Binary form of a {@link MeanForceLabel} (big-endian).
 *
 * <p>Format history: 1 (schema 2): byte version; int d; d center, d force, d error doubles (raw
 * IEEE-754 bits); long samples; string energy unit; provenance ({@link BinaryIO}).
 */
public final class MeanForceCodec {
    /** The format version this code writes. */
    public static final int VERSION = 1;
    private static final int MAX_DIMENSION = 1 << 16;

    private MeanForceCodec() {
    }

    /** @return the record's bytes. */
    public static byte[] encode(MeanForceLabel r) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 24 * r.dimension());
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeInt(r.dimension());
            BinaryIO.writeDoubles(out, r.center());
            BinaryIO.writeDoubles(out, r.meanForce());
            BinaryIO.writeDoubles(out, r.stdErr());
            out.writeLong(r.samples());
            BinaryIO.writeString(out, r.energyUnit());
            BinaryIO.writeProvenance(out, r.provenance());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory stream failed", e);
        }
    }

    /**
     * @return the record
     * @throws IllegalArgumentException for an unknown version or a corrupt record
     */
    public static MeanForceLabel decode(byte[] bytes, int offset, int length) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, length))) {
            int v = in.readUnsignedByte();
            if (v != VERSION) {
                throw new IllegalArgumentException("mean-force record format " + v + " is unknown (this EELT reads "
                        + VERSION + ")");
            }
            int d = in.readInt();
            if (d < 1 || d > MAX_DIMENSION) {
                throw new IllegalArgumentException("corrupt mean-force record: dimension " + d);
            }
            double[] c = BinaryIO.readDoubles(in, d);
            double[] f = BinaryIO.readDoubles(in, d);
            double[] e = BinaryIO.readDoubles(in, d);
            long samples = in.readLong();
            String unit = BinaryIO.readString(in);
            Provenance p = BinaryIO.readProvenance(in);
            return new MeanForceLabel(c, f, e, samples, unit, p);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt mean-force record: " + e.getMessage(), e);
        }
    }
}
