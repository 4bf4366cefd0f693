package org.eelt.potential.neighbor;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Structures, pair-set comparison and shared-data access for the neighbor-list tests. */
final class NeighborTestSupport {
    /** fcc Cu lattice constant in Å. */
    static final double A_CU = 3.615;

    private NeighborTestSupport() {
    }

    /**
     * @return the pairs of {@code list} as "i j Sx Sy Sz" strings with shifts rounded to 1e-6 Å;
     *         fails when a pair occurs twice
     */
    static Set<String> pairSet(NeighborList list) {
        Set<String> set = new HashSet<>();
        for (int i = 0; i < list.atoms(); i++) {
            for (int p = list.start(i); p < list.end(i); p++) {
                String key = i + " " + list.neighbor(p) + " " + Math.round(list.shift(p, 0) * 1e6) + " "
                        + Math.round(list.shift(p, 1) * 1e6) + " " + Math.round(list.shift(p, 2) * 1e6);
                if (!set.add(key)) {
                    fail("duplicate pair " + key);
                }
            }
        }
        return set;
    }

    /** Asserts both lists hold exactly the same pairs, reporting a few differences. */
    static void assertSamePairs(NeighborList expected, NeighborList actual, String what) {
        Set<String> e = pairSet(expected);
        Set<String> a = pairSet(actual);
        if (!e.equals(a)) {
            Set<String> missing = new HashSet<>(e);
            missing.removeAll(a);
            Set<String> extra = new HashSet<>(a);
            extra.removeAll(e);
            fail(what + ": " + missing.size() + " pairs missing, " + extra.size() + " extra; e.g. missing "
                    + missing.stream().limit(3).toList() + " extra " + extra.stream().limit(3).toList());
        }
        assertEquals(expected.pairs(), actual.pairs(), what);
        for (int i = 0; i < actual.atoms(); i++) {
            assertEquals(expected.end(i) - expected.start(i), actual.end(i) - actual.start(i), what + " row " + i);
        }
    }

    /** Every stored pair lies within cutoff + skin of the reference positions. */
    static void assertWithinListRadius(NeighborList list, double[] positions) {
        double rl = list.cutoff() + list.skin();
        double[] d = new double[3];
        for (int i = 0; i < list.atoms(); i++) {
            for (int p = list.start(i); p < list.end(i); p++) {
                double r = list.displacement(i, p, positions, d);
                assertTrue(r <= rl + 1e-9, "pair " + i + "-" + list.neighbor(p) + " at " + r + " Å > " + rl);
                assertTrue(r > 1e-12, "zero-length pair " + i + "-" + list.neighbor(p));
            }
        }
    }

    /** @return n uniformly random atoms with fractional coordinates in [lo, hi) of {@code cell}. */
    static Structure randomAtoms(Cell cell, int n, double lo, double hi, Random rnd) {
        double[] f = new double[3 * n];
        for (int i = 0; i < f.length; i++) {
            f[i] = lo + (hi - lo) * rnd.nextDouble();
        }
        String[] species = new String[n];
        Arrays.fill(species, "Ar");
        return new Structure(species, cell.toCartesian(f), cell);
    }

    /** @return an n×n×n supercell of the 4-atom conventional fcc Cu cell (a = 3.615 Å), periodic. */
    static Structure fccCu(int n) {
        double[] basis = {0, 0, 0, 0.5, 0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0.5};
        int atoms = 4 * n * n * n;
        double[] r = new double[3 * atoms];
        int q = 0;
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                for (int z = 0; z < n; z++) {
                    for (int b = 0; b < 4; b++) {
                        r[q++] = (x + basis[3 * b]) * A_CU;
                        r[q++] = (y + basis[3 * b + 1]) * A_CU;
                        r[q++] = (z + basis[3 * b + 2]) * A_CU;
                    }
                }
            }
        }
        String[] species = new String[atoms];
        Arrays.fill(species, "Cu");
        return new Structure(species, r, Cell.orthorhombic(n * A_CU, n * A_CU, n * A_CU));
    }

    /** @return the shared reference-data folder, found by walking up from the working directory. */
    static Path sharedDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("shared").resolve("DESIGN.md"))) {
                return dir.resolve("shared");
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no shared/DESIGN.md above " + Path.of("").toAbsolutePath());
    }

    /**
     * Reads row {@code row} of a 2-D little-endian float32/float64 .npy array (format version 1 or 2).
     */
    static double[] npyRow(Path file, int row) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int major = buf.get(6);
        int headerLen = major == 1 ? Short.toUnsignedInt(buf.getShort(8)) : buf.getInt(8);
        int dataStart = (major == 1 ? 10 : 12) + headerLen;
        String header = new String(buf.array(), major == 1 ? 10 : 12, headerLen, StandardCharsets.US_ASCII);
        Matcher descr = Pattern.compile("'descr':\\s*'<f([48])'").matcher(header);
        Matcher shape = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+)\\)").matcher(header);
        if (!descr.find() || !shape.find() || header.contains("'fortran_order': True")) {
            throw new IOException(file + ": unsupported npy header " + header);
        }
        int width = Integer.parseInt(descr.group(1));
        int cols = Integer.parseInt(shape.group(2));
        double[] out = new double[cols];
        for (int c = 0; c < cols; c++) {
            int at = dataStart + (row * cols + c) * width;
            out[c] = width == 4 ? buf.getFloat(at) : buf.getDouble(at);
        }
        return out;
    }
}
