package org.eelt.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.LabeledFrame;

/**
 * Compact, versioned binary form of a {@link LabeledFrame} (about 48·N + 200 bytes for N atoms
 * with forces only). All doubles are stored bit for bit, so decoding returns an equal frame.
 *
 * <p>Layout (big-endian, {@link DataOutputStream}):
 * <pre>
 *   byte    format version (= {@value #VERSION})
 *   struct  structure (see BinaryIO.writeStructure): species table, types, 3N positions Å, 9 cell Å, pbc bits
 *   double  energy (eV)
 *   double  3N forces (eV/Å)
 *   byte    flags: bit 0 = virial present, bit 1 = atomic energies present
 *   double  9 virial components (eV, row-major), if present
 *   double  N atomic energies (eV), if present
 *   prov    provenance: source, settings, modelVersion, seed, codeVersion, createdEpochMs
 * </pre>
 * Format history: 1 (EELT 0.1.0) initial layout. A decoder must keep reading every older
 * version; a record of an unknown newer version is refused with a message naming it.
 */
public final class LabelCodec {
    /** Current format version written by {@link #encode}. */
    public static final int VERSION = 1;

    private LabelCodec() {
    }

    /** @return the binary form of the label. */
    public static byte[] encode(LabeledFrame label) {
        Frame f = label.frame();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(48 * f.structure().size() + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            BinaryIO.writeStructure(out, f.structure());
            out.writeLong(Double.doubleToRawLongBits(f.energy()));
            BinaryIO.writeDoubles(out, f.forces());
            int flags = (f.hasVirial() ? 1 : 0) | (f.hasAtomicEnergies() ? 2 : 0);
            out.writeByte(flags);
            if (f.hasVirial()) {
                BinaryIO.writeDoubles(out, f.virial());
            }
            if (f.hasAtomicEnergies()) {
                BinaryIO.writeDoubles(out, f.atomicEnergies());
            }
            BinaryIO.writeProvenance(out, label.provenance());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param bytes a record written by {@link #encode} (any supported version)
     * @return the label
     * @throws IllegalArgumentException when the record is truncated, corrupt, or of a newer format
     */
    public static LabeledFrame decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    static LabeledFrame decode(byte[] bytes, int offset, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("empty label record");
        }
        int version = bytes[offset] & 0xff;
        if (version != VERSION) {
            throw new IllegalArgumentException("label record has format version " + version
                    + " but this EELT reads versions 1.." + VERSION + ": open the store with a newer EELT");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset + 1, length - 1))) {
            var structure = BinaryIO.readStructure(in);
            int n = structure.size();
            double energy = Double.longBitsToDouble(in.readLong());
            double[] forces = BinaryIO.readDoubles(in, 3 * n);
            int flags = in.readUnsignedByte();
            if ((flags & ~3) != 0) {
                throw new IOException("unknown flag bits " + flags);
            }
            double[] virial = (flags & 1) != 0 ? BinaryIO.readDoubles(in, 9) : null;
            double[] atomic = (flags & 2) != 0 ? BinaryIO.readDoubles(in, n) : null;
            var provenance = BinaryIO.readProvenance(in);
            if (in.available() != 0) {
                throw new IOException(in.available() + " trailing bytes");
            }
            return new LabeledFrame(new Frame(structure, energy, forces, virial, atomic), provenance);
        } catch (EOFException e) {
            throw new IllegalArgumentException("label record is truncated (" + length + " bytes)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("label record is corrupt: " + e.getMessage(), e);
        }
    }
}
