package org.eelt.protocol.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeepmdNpyTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheSharedWaterSystem() throws IOException {
        Path sys = SharedData.water().resolve("data_1");
        List<Frame> frames = DeepmdNpy.read(sys);
        assertEquals(160, frames.size(), "data_1 holds set.000 and set.001 with 80 frames each");
        assertEquals(List.of("O", "H"), DeepmdNpy.typeMap(sys));
        for (Frame f : frames) {
            assertEquals(192, f.structure().size());
            assertTrue(f.hasEnergy() && f.hasForces());
            assertFalse(f.hasVirial() || f.hasAtomicEnergies());
            assertTrue(f.structure().cell().isFullyPeriodic());
        }
        String[] sp = frames.get(0).structure().species();
        assertEquals(64, Stream.of(sp).filter("O"::equals).count());
        assertEquals(128, Stream.of(sp).filter("H"::equals).count());
        // values found with numpy (float32 widened to float64, exact)
        assertEquals((double) Float.intBitsToFloat(1089173152), frames.get(0).structure().position(0, 0));
        double l = frames.get(0).structure().cell().get(0, 0);
        assertEquals(12.44466114, l, 1e-7);
        assertArrayEquals(new double[] {l, 0, 0, 0, l, 0, 0, 0, l}, frames.get(0).structure().cell().matrix(), 0);
        assertEquals(-29943.248046875, frames.get(159).energy());
        assertEquals(-2.902679920196533, frames.get(159).forces()[575]);
        // set.001 frame 0 is frame 80: check against an independent decode of its first coordinate
        byte[] raw = Files.readAllBytes(sys.resolve("set.001/coord.npy"));
        int start = 10 + ((raw[8] & 0xff) | (raw[9] & 0xff) << 8);
        int bits = (raw[start] & 0xff) | (raw[start + 1] & 0xff) << 8 | (raw[start + 2] & 0xff) << 16
                | (raw[start + 3] & 0xff) << 24;
        assertEquals((double) Float.intBitsToFloat(bits), frames.get(80).structure().position(0, 0));
    }

    @Test
    void findsAllWaterSystems() throws IOException {
        List<Path> systems = DeepmdNpy.findSystems(SharedData.water());
        assertEquals(List.of("data_0", "data_1", "data_2", "data_3"),
                systems.stream().map(p -> p.getFileName().toString()).toList());
        int[] counts = new int[4];
        for (int i = 0; i < 4; i++) {
            counts[i] = DeepmdNpy.read(systems.get(i)).size();
        }
        assertArrayEquals(new int[] {80, 160, 80, 80}, counts);
    }

    /** Every array of a system, file by file, as raw float64 bits (float32 input widened). */
    private static List<long[]> arrays(Path sys) throws IOException {
        List<long[]> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(sys)) {
            for (Path p : s.filter(q -> q.toString().endsWith(".npy")).sorted().toList()) {
                double[] d = Npy.read(p).data();
                long[] bits = new long[d.length];
                for (int i = 0; i < d.length; i++) {
                    bits[i] = Double.doubleToRawLongBits(d[i]);
                }
                out.add(bits);
            }
        }
        return out;
    }

    @Test
    void deepmdToExtxyzToDeepmdIsBitExact() throws IOException {
        Path sys = SharedData.water().resolve("data_1");
        List<Frame> frames = DeepmdNpy.read(sys);
        Path xyz = tmp.resolve("water.extxyz");
        ExtXyz.write(xyz, frames);
        List<Frame> viaXyz = ExtXyz.read(xyz);
        assertEquals(frames, viaXyz);
        Path out = tmp.resolve("water");
        DeepmdNpy.write(out, viaXyz, List.of("O", "H"), 80);
        assertEquals(Files.readString(sys.resolve("type.raw")).strip(), Files.readString(out.resolve("type.raw")).strip());
        assertEquals(List.of("O", "H"), DeepmdNpy.typeMap(out));
        assertTrue(Files.isDirectory(out.resolve("set.001")));
        assertEquals("<f8", Npy.read(out.resolve("set.000/coord.npy")).dtype());
        List<long[]> a = arrays(sys);
        List<long[]> b = arrays(out);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "array " + i);
        }
        assertEquals(frames, DeepmdNpy.read(out));
    }

    @Test
    void writesSetsOfTheChosenSizeWithAllLabels() throws IOException {
        Random rnd = new Random(2);
        List<Frame> frames = new ArrayList<>();
        String[] sp = {"H", "O", "H", "Cu"};
        for (int k = 0; k < 7; k++) {
            double[] pos = new double[12], f = new double[12], v = new double[9], ae = new double[4];
            for (int i = 0; i < 12; i++) {
                pos[i] = rnd.nextDouble() * 5;
                f[i] = rnd.nextGaussian();
            }
            for (int i = 0; i < 9; i++) {
                v[i] = rnd.nextGaussian();
            }
            for (int i = 0; i < 4; i++) {
                ae[i] = rnd.nextGaussian();
            }
            Cell c = Cell.periodic(5 + rnd.nextDouble(), 0, 0, 0.5, 6, 0, 0.1, 0.2, 7);
            frames.add(new Frame(new Structure(sp, pos, c), rnd.nextGaussian(), f, v, ae));
        }
        Path out = tmp.resolve("sys");
        DeepmdNpy.write(out, frames, List.of("O", "H", "Cu", "Zr"), 3);
        assertEquals("1\n0\n1\n2\n", Files.readString(out.resolve("type.raw")));
        assertEquals("O\nH\nCu\nZr\n", Files.readString(out.resolve("type_map.raw")));
        assertArrayEquals(new int[] {3, 12}, Npy.read(out.resolve("set.000/coord.npy")).shape());
        assertArrayEquals(new int[] {3, 9}, Npy.read(out.resolve("set.001/virial.npy")).shape());
        assertArrayEquals(new int[] {1, 4}, Npy.read(out.resolve("set.002/atom_ener.npy")).shape());
        assertArrayEquals(new int[] {1}, Npy.read(out.resolve("set.002/energy.npy")).shape());
        assertFalse(Files.exists(out.resolve("set.003")));
        assertEquals(frames, DeepmdNpy.read(out));
        assertThrows(FileAlreadyExistsException.class, () -> DeepmdNpy.write(out, frames, null, 3));
    }

    @Test
    void nonPeriodicSystemsUseNopbc() throws IOException {
        Structure w = new Structure(new String[] {"O", "H", "H"}, new double[] {0, 0, 0, 0.96, 0, 0, -0.24, 0.93, 0},
                Cell.nonPeriodic());
        List<Frame> frames = List.of(new Frame(w, -14.2, new double[9], null, null),
                new Frame(w.withPositions(new double[] {0, 0, 0.1, 0.97, 0, 0, -0.25, 0.92, 0}), -14.1, new double[9], null, null));
        Path out = tmp.resolve("mol");
        DeepmdNpy.write(out, frames);
        assertTrue(Files.isRegularFile(out.resolve("nopbc")));
        assertEquals(0, Files.size(out.resolve("nopbc")));
        assertFalse(Files.exists(out.resolve("set.000/box.npy")));
        List<Frame> back = DeepmdNpy.read(out);
        assertEquals(frames, back);
        assertEquals(Cell.nonPeriodic(), back.get(1).structure().cell());
        assertNull(back.get(0).virial());
        // nopbc with an explicit box keeps the box as a non-periodic frame
        Cell box = new Cell(new double[] {20, 0, 0, 0, 20, 0, 0, 0, 20}, new boolean[] {false, false, false});
        Path out2 = tmp.resolve("mol2");
        DeepmdNpy.write(out2, List.of(Frame.of(w.withCell(box))));
        assertEquals(box, DeepmdNpy.read(out2).get(0).structure().cell());
    }

    @Test
    void inconsistentFramesAreRefusedWithAdvice() {
        Structure a = new Structure(new String[] {"O", "H"}, new double[6], Cell.orthorhombic(5, 5, 5));
        Structure b = new Structure(new String[] {"H", "O"}, new double[6], Cell.orthorhombic(5, 5, 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeepmdNpy.write(tmp.resolve("x"), List.of(Frame.of(a), Frame.of(b))));
        assertTrue(e.getMessage().contains("frame 1") && e.getMessage().contains("split"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DeepmdNpy.write(tmp.resolve("y"),
                List.of(new Frame(a, 1.0, null, null, null), Frame.of(a))));
        assertTrue(e.getMessage().contains("lacks energy"), e.getMessage());
        Structure slab = a.withCell(new Cell(Cell.orthorhombic(5, 5, 5).matrix(), new boolean[] {true, true, false}));
        e = assertThrows(IllegalArgumentException.class, () -> DeepmdNpy.write(tmp.resolve("z"), List.of(Frame.of(slab))));
        assertTrue(e.getMessage().contains("some axes"), e.getMessage());
    }

    /** A valid 2-frame, 2-atom system to corrupt. */
    private Path system(String name) throws IOException {
        Path sys = tmp.resolve(name);
        Files.createDirectories(sys.resolve("set.000"));
        Files.writeString(sys.resolve("type.raw"), "0\n1\n");
        Files.writeString(sys.resolve("type_map.raw"), "O\nH\n");
        Npy.write(sys.resolve("set.000/coord.npy"), new int[] {2, 6}, new double[12]);
        Npy.write(sys.resolve("set.000/box.npy"), new int[] {2, 9}, new double[] {5, 0, 0, 0, 5, 0, 0, 0, 5, 6, 0, 0, 0, 6, 0, 0, 0, 6});
        Npy.write(sys.resolve("set.000/energy.npy"), new int[] {2}, new double[] {1, 2});
        return sys;
    }

    private static void assertMessage(FormatException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + part + "' missing in: " + e.getMessage());
        }
    }

    @Test
    void malformedSystemsNameTheFiles() throws IOException {
        Path ok = system("ok");
        assertEquals(2, DeepmdNpy.read(ok).size());
        assertEquals(6.0, DeepmdNpy.read(ok).get(1).structure().cell().get(2, 2));

        Path s1 = system("coordlen");
        Npy.write(s1.resolve("set.000/coord.npy"), new int[] {2, 5}, new double[10]);
        assertMessage(assertThrows(FormatException.class, () -> DeepmdNpy.read(s1)),
                "coordlen", "coord.npy", "type.raw", "not a multiple of 3N = 6");

        Path s1b = system("typelen");
        Files.writeString(s1b.resolve("type.raw"), "0\n");
        assertMessage(assertThrows(FormatException.class, () -> DeepmdNpy.read(s1b)),
                "typelen", "coord.npy", "(2, 6)", "type.raw", "1 atoms (3N = 3)");

        Path s2 = system("box");
        Npy.write(s2.resolve("set.000/box.npy"), new int[] {2, 3}, new double[6]);
        assertMessage(assertThrows(FormatException.class, () -> DeepmdNpy.read(s2)),
                "box.npy", "(2, 3)", "(2, 9)");

        Path s3 = system("nocoord");
        Files.delete(s3.resolve("set.000/coord.npy"));
        assertMessage(assertThrows(FormatException.class, () -> DeepmdNpy.read(s3)), "nocoord", "set.000", "missing coord.npy");

        Path s4 = system("energy");
        Npy.write(s4.resolve("set.000/energy.npy"), new int[] {3}, new double[3]);
        assertMessage(assertThrows(FormatException.class, () -> DeepmdNpy.read(s4)),
                "energy.npy", "(3,)", "2 frames");

        Path s5 = system("types");
        Files.writeString(s5.resolve("type.raw"), "0\nx\n");
        assertMessage(assertThrows(FormatException.class, () -> DeepmdNpy.read(s5)), "type.raw", "line 2", "'x'");

        Path s6 = system("nobox");
        Files.delete(s6.resolve("set.000/box.npy"));
        assertMessage(assertThrows(FormatException.class, () -> DeepmdNpy.read(s6)), "nobox", "missing box.npy", "nopbc");

        Path s7 = system("typemap");
        Files.writeString(s7.resolve("type_map.raw"), "O\n");
        assertMessage(assertThrows(FormatException.class, () -> DeepmdNpy.read(s7)), "type_map.raw", "type id 1");

        Path s8 = system("notypemap");
        Files.delete(s8.resolve("type_map.raw"));
        assertArrayEquals(new String[] {"Type_0", "Type_1"}, DeepmdNpy.read(s8).get(0).structure().species());
    }
}
