package org.eelt.trainer.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eelt.potential.ForceResult;
import org.eelt.protocol.atoms.Structure;
import org.eelt.trainer.model.DpModel;

/** Test helper: writes little-endian float64 .npy files and labeled deepmd/npy systems. */
public final class NpyWriter {
    private NpyWriter() {
    }

    /** Writes a float64 array with the given shape. */
    public static void write(Path file, double[] data, int... shape) throws IOException {
        StringBuilder sh = new StringBuilder("(");
        for (int s : shape) {
            sh.append(s).append(", ");
        }
        sh.append(")");
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': " + sh + ", }";
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : data) {
            b.putDouble(v);
        }
        Files.write(file, b.array());
    }

    /** Writes a deepmd/npy system labeled by {@code teacher} (energy, force, virial when periodic). */
    public static void system(Path dir, List<String> typeMap, List<Structure> frames, DpModel teacher) throws IOException {
        Files.createDirectories(dir.resolve("set.000"));
        Structure s0 = frames.get(0);
        StringBuilder types = new StringBuilder();
        for (int t : s0.types(typeMap)) {
            types.append(t).append('\n');
        }
        Files.writeString(dir.resolve("type.raw"), types);
        Files.writeString(dir.resolve("type_map.raw"), String.join("\n", typeMap) + "\n");
        boolean pbc = s0.cell().isPeriodic();
        if (!pbc) {
            Files.writeString(dir.resolve("nopbc"), "");
        }
        int nf = frames.size(), n = s0.size();
        double[] c = new double[nf * 3 * n], box = new double[nf * 9], e = new double[nf], f = new double[nf * 3 * n],
                v = new double[nf * 9];
        for (int k = 0; k < nf; k++) {
            Structure s = frames.get(k);
            ForceResult r = teacher.compute(s);
            System.arraycopy(s.positions(), 0, c, k * 3 * n, 3 * n);
            System.arraycopy(s.cell().matrix(), 0, box, k * 9, 9);
            e[k] = r.energy();
            System.arraycopy(r.forces(), 0, f, k * 3 * n, 3 * n);
            System.arraycopy(r.virial(), 0, v, k * 9, 9);
        }
        Path set = dir.resolve("set.000");
        write(set.resolve("coord.npy"), c, nf, 3 * n);
        write(set.resolve("box.npy"), box, nf, 9);
        write(set.resolve("energy.npy"), e, nf);
        write(set.resolve("force.npy"), f, nf, 3 * n);
        if (pbc) {
            write(set.resolve("virial.npy"), v, nf, 9);
        }
    }
}
