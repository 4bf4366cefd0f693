package org.eelt.store;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Provenance;
import org.eelt.protocol.atoms.Structure;

/**
 * Building blocks of the store's binary records (big-endian, {@link DataOutputStream}):
 * length-prefixed UTF-8 strings, double arrays, structures and provenance. Doubles are written
 * as their raw IEEE-754 bits (heap {@link ByteBuffer}s keep them bit for bit), so every value,
 * including −0.0, round-trips exactly.
 */
final class BinaryIO {
    /** Largest string or array the decoder accepts; larger means a corrupt record. */
    static final int MAX_LENGTH = 1 << 28;

    private BinaryIO() {
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[readLength(in, "string")];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static int readLength(DataInputStream in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_LENGTH) {
            throw new IOException("corrupt record: " + what + " length " + n);
        }
        return n;
    }

    /** Writes the doubles' raw IEEE-754 bits, big-endian, in one bulk copy. */
    static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(8 * a.length);
        bb.asDoubleBuffer().put(a);
        out.write(bb.array());
    }

    static double[] readDoubles(DataInputStream in, int n) throws IOException {
        byte[] b = new byte[8 * n];
        in.readFully(b);
        double[] a = new double[n];
        ByteBuffer.wrap(b).asDoubleBuffer().get(a);
        return a;
    }

    /**
     * Structure layout: int N; int T; T species strings (the distinct labels in order of first
     * appearance); N type indices (unsigned byte when T ≤ 256, else unsigned short); 3N
     * positions; 9 cell entries; one byte of periodic flags (bit k = axis k).
     */
    static void writeStructure(DataOutputStream out, Structure s) throws IOException {
        int n = s.size();
        List<String> distinct = s.distinctSpecies();
        out.writeInt(n);
        out.writeInt(distinct.size());
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String sp : distinct) {
            index.put(sp, index.size());
            writeString(out, sp);
        }
        boolean wide = distinct.size() > 256;
        ByteBuffer types = ByteBuffer.allocate(wide ? 2 * n : n);
        for (int i = 0; i < n; i++) {
            int t = index.get(s.species(i));
            if (wide) {
                types.putShort((short) t);
            } else {
                types.put((byte) t);
            }
        }
        out.write(types.array());
        writeDoubles(out, s.positions());
        Cell cell = s.cell();
        writeDoubles(out, cell.matrix());
        int bits = 0;
        for (int k = 0; k < 3; k++) {
            bits |= cell.periodic(k) ? 1 << k : 0;
        }
        out.writeByte(bits);
    }

    static Structure readStructure(DataInputStream in) throws IOException {
        int n = readLength(in, "atom count");
        int t = readLength(in, "species count");
        if (t > 65536) {
            throw new IOException("corrupt record: " + t + " species");
        }
        List<String> distinct = new ArrayList<>(t);
        for (int i = 0; i < t; i++) {
            distinct.add(readString(in));
        }
        boolean wide = t > 256;
        byte[] raw = new byte[wide ? 2 * n : n];
        in.readFully(raw);
        ByteBuffer types = ByteBuffer.wrap(raw);
        String[] species = new String[n];
        for (int i = 0; i < n; i++) {
            int k = wide ? Short.toUnsignedInt(types.getShort()) : Byte.toUnsignedInt(types.get());
            if (k >= t) {
                throw new IOException("corrupt record: atom " + i + " has species index " + k + " of " + t);
            }
            species[i] = distinct.get(k);
        }
        double[] pos = readDoubles(in, 3 * n);
        double[] h = readDoubles(in, 9);
        int bits = in.readUnsignedByte();
        boolean[] pbc = {(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0};
        Cell cell = new Cell(h, pbc);
        if (cell.equals(Cell.nonPeriodic())) {
            cell = Cell.nonPeriodic();
        }
        return new Structure(species, pos, cell);
    }

    /** Provenance layout: source, settings, modelVersion (strings), seed (long), codeVersion, createdEpochMs. */
    static void writeProvenance(DataOutputStream out, Provenance p) throws IOException {
        writeString(out, p.source());
        writeString(out, p.settings());
        writeString(out, p.modelVersion());
        out.writeLong(p.seed());
        writeString(out, p.codeVersion());
        out.writeLong(p.createdEpochMs());
    }

    static Provenance readProvenance(DataInputStream in) throws IOException {
        String source = readString(in);
        String settings = readString(in);
        String modelVersion = readString(in);
        long seed = in.readLong();
        String code = readString(in);
        long created = in.readLong();
        return new Provenance(source, settings, modelVersion, seed, code, created);
    }
}
