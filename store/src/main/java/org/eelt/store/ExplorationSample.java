package org.eelt.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.eelt.protocol.atoms.Structure;

/**
 * One frame of a campaign's exploration reservoir: a uniformly drawn frame out of every frame the
 * examiner scored, unlabeled, with where it came from. Stored as campaign state; {@link #encode}
 * and {@link #decode} give its versioned binary form.
 *
 * <p>Layout (big-endian, {@link DataOutputStream}):
 * <pre>
 *   byte    format version (= {@value #VERSION})
 *   long    index: 0-based position of the frame in the stream of scored frames
 *   string  walker id
 *   long    ensemble generation that scored it
 *   double  max force deviation, eV/Å (+∞ when it could not be scored)
 *   struct  structure (as in label records): species table, types, 3N positions Å, 9 cell Å, pbc bits
 * </pre>
 * Format history: 1 (EELT 0.1.0) initial layout.
 *
 * @param index      0-based position in the stream of scored frames
 * @param walker     the walker that visited it
 * @param generation ensemble generation that scored it
 * @param deviation  max force deviation, eV/Å
 * @param structure  the frame
 */
public record ExplorationSample(long index, String walker, long generation, double deviation, Structure structure) {
    /** Current format version written by {@link #encode}. */
    public static final int VERSION = 1;

    /** @return the binary form */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(24 * structure.size() + 128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(index);
            BinaryIO.writeString(out, walker);
            out.writeLong(generation);
            out.writeLong(Double.doubleToRawLongBits(deviation));
            BinaryIO.writeStructure(out, structure);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param bytes a record written by {@link #encode}
     * @return the sample
     * @throws IllegalArgumentException when the record is truncated, corrupt or of a newer format
     */
    public static ExplorationSample decode(byte[] bytes) {
        if (bytes.length < 1) {
            throw new IllegalArgumentException("empty exploration-sample record");
        }
        int version = bytes[0] & 0xff;
        if (version != VERSION) {
            throw new IllegalArgumentException("exploration-sample record has format version " + version
                    + " but this EELT reads versions 1.." + VERSION + ": open the store with a newer EELT");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
            long index = in.readLong();
            String walker = BinaryIO.readString(in);
            long generation = in.readLong();
            double deviation = Double.longBitsToDouble(in.readLong());
            Structure s = BinaryIO.readStructure(in);
            if (in.available() != 0) {
                throw new IOException(in.available() + " trailing bytes");
            }
            return new ExplorationSample(index, walker, generation, deviation, s);
        } catch (EOFException e) {
            throw new IllegalArgumentException("exploration-sample record is truncated (" + bytes.length + " bytes)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("exploration-sample record is corrupt: " + e.getMessage(), e);
        }
    }
}
