package org.eelt.protocol.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtXyzTest {
    @TempDir
    Path tmp;

    private Path file(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsAseStyleFramesSkippingUnknownColumns() throws IOException {
        Path p = file("ase.extxyz", """
                2
                Lattice="4.0 0.0 0.0 1.0 5.0 0.0 0.0 0.0 6.0" Properties=species:S:1:pos:R:3:Z:I:1:force:R:3:magmoms:R:3:energies:R:1 energy=-10.5 stress="0.1 0.2 0.3 0.04 0.05 0.06" pbc="T F T" step=10 note="two words" relaxed
                Cu 0.0 0.1 0.2 29 1.0 2.0 3.0 9 9 9 -5.0
                O  1.0 1.1 1.2 8 -1.0 -2.0 -3.0 9 9 9 -5.5
                3
                Properties=species:S:1:pos:R:3:forces:R:3:atomic_energy:R:1 energy=-1.0 virial="1 2 3 4 5 6 7 8 9" pbc="F F F"
                O 0 0 0 0.1 0.2 0.3 -0.3
                H 0.96 0 0 0.4 0.5 0.6 -0.3
                H -0.24 0.93 0 0.7 0.8 0.9 -0.4

                """);
        List<ExtXyzFrame> frames = ExtXyz.readWithInfo(p);
        assertEquals(2, frames.size());
        Frame f0 = frames.get(0).frame();
        Structure s0 = f0.structure();
        assertArrayEquals(new String[] {"Cu", "O"}, s0.species());
        assertArrayEquals(new double[] {0, 0.1, 0.2, 1, 1.1, 1.2}, s0.positions(), 0);
        assertArrayEquals(new double[] {4, 0, 0, 1, 5, 0, 0, 0, 6}, s0.cell().matrix(), 0);
        assertArrayEquals(new boolean[] {true, false, true}, s0.cell().pbc());
        assertEquals(-10.5, f0.energy());
        assertArrayEquals(new double[] {1, 2, 3, -1, -2, -3}, f0.forces(), 0);
        assertArrayEquals(new double[] {-5.0, -5.5}, f0.atomicEnergies(), 0);
        // stress in Voigt order xx yy zz yz xz xy; virial = -stress * V with V = 4*5*6 = 120
        double v = 120;
        assertArrayEquals(new double[] {-0.1 * v, -0.06 * v, -0.05 * v, -0.06 * v, -0.2 * v, -0.04 * v,
                -0.05 * v, -0.04 * v, -0.3 * v}, f0.virial(), 1e-12);
        Map<String, String> info = frames.get(0).info();
        assertEquals(List.of("step", "note", "relaxed"), new ArrayList<>(info.keySet()));
        assertEquals("10", info.get("step"));
        assertEquals("two words", info.get("note"));
        assertEquals("T", info.get("relaxed"));

        Frame f1 = frames.get(1).frame();
        assertEquals(Cell.nonPeriodic(), f1.structure().cell());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, f1.virial(), 0);
        assertArrayEquals(new double[] {-0.3, -0.3, -0.4}, f1.atomicEnergies(), 0);
        assertTrue(frames.get(1).info().isEmpty());
    }

    @Test
    void readsPlainXyz() throws IOException {
        Path p = file("water.xyz", "3\nwater molecule, energy unknown\nO 0.0 0.0 0.0\nH 0.96 0.0 0.0 extra\nH -0.24 0.93 0.0\n"
                + "1\n\nAr 1 2 3\n");
        List<Frame> frames = ExtXyz.read(p);
        assertEquals(2, frames.size());
        assertArrayEquals(new String[] {"O", "H", "H"}, frames.get(0).structure().species());
        assertArrayEquals(new double[] {0, 0, 0, 0.96, 0, 0, -0.24, 0.93, 0}, frames.get(0).structure().positions(), 0);
        assertFalse(frames.get(0).structure().cell().isPeriodic());
        assertNull(frames.get(0).energy());
        assertArrayEquals(new double[] {1, 2, 3}, frames.get(1).structure().positions(), 0);
    }

    static List<Frame> randomFrames(Random rnd, int count) {
        List<Frame> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int n = 1 + rnd.nextInt(6);
            String[] sp = new String[n];
            double[] pos = new double[3 * n];
            double[] f = new double[3 * n];
            double[] ae = new double[n];
            for (int i = 0; i < n; i++) {
                sp[i] = rnd.nextBoolean() ? "Cu" : "Zr";
                ae[i] = rnd.nextGaussian() * 1e3;
                for (int c = 0; c < 3; c++) {
                    pos[3 * i + c] = rnd.nextDouble() * 10 - 1;
                    f[3 * i + c] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(30) - 15);
                }
            }
            pos[0] = -0.0;
            Cell cell = switch (k % 3) {
                case 0 -> Cell.nonPeriodic();
                case 1 -> Cell.periodic(7 + rnd.nextDouble(), 0.1, 0.2, -0.3, 8 + rnd.nextDouble(), 0.4,
                        rnd.nextGaussian(), 1e-17, 9 + rnd.nextDouble());
                default -> new Cell(new double[] {10, 0, 0, 0, 10, 0, 0, 0, 30 + rnd.nextDouble()},
                        new boolean[] {true, true, false});
            };
            double[] vir = new double[9];
            for (int c = 0; c < 9; c++) {
                vir[c] = rnd.nextGaussian() * 100;
            }
            boolean labeled = k % 4 != 3;
            out.add(new Frame(new Structure(sp, pos, cell), labeled ? rnd.nextGaussian() * 1e4 : null,
                    labeled ? f : null, labeled ? vir : null, k % 2 == 0 ? ae : null));
        }
        return out;
    }

    @Test
    void roundTripIsBitExactWithInfo() throws IOException {
        Random rnd = new Random(5);
        List<Frame> frames = randomFrames(rnd, 12);
        List<ExtXyzFrame> withInfo = new ArrayList<>();
        for (int k = 0; k < frames.size(); k++) {
            Map<String, String> info = new LinkedHashMap<>();
            info.put("step", String.valueOf(10 * k));
            info.put("max_devi_f", String.valueOf(rnd.nextDouble()));
            info.put("label", "model v" + k);
            withInfo.add(new ExtXyzFrame(frames.get(k), info));
        }
        Path p = tmp.resolve("rt.extxyz");
        ExtXyz.writeWithInfo(p, withInfo);
        List<ExtXyzFrame> back = ExtXyz.readWithInfo(p);
        assertEquals(withInfo, back);
        // and a second generation is byte-identical
        Path q = tmp.resolve("rt2.extxyz");
        ExtXyz.writeWithInfo(q, back);
        assertEquals(Files.readString(p), Files.readString(q));
        assertThrows(IllegalArgumentException.class,
                () -> ExtXyz.format(frames.get(0), Map.of("energy", "1")));
        assertThrows(IllegalArgumentException.class,
                () -> ExtXyz.format(frames.get(0), Map.of("note", "say \"hi\"")));
    }

    private FormatException bad(String name, String text) throws IOException {
        Path p = file(name, text);
        return assertThrows(FormatException.class, () -> ExtXyz.read(p));
    }

    private static void assertMessage(FormatException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + part + "' missing in: " + e.getMessage());
        }
    }

    @Test
    void malformedFramesNameFileLineAndColumn() throws IOException {
        assertMessage(bad("count.xyz", "1\n\nH 0 0 0\nthree\n\nH 0 0 0\n"), "count.xyz", "line 4", "frame 1", "three");
        assertMessage(bad("short.xyz", "3\nProperties=species:S:1:pos:R:3\nH 0 0 0\nH 1 0 0\n"), "short.xyz", "line 5",
                "declares 3 atoms", "after 2 atom lines");
        assertMessage(bad("num.extxyz", "2\nProperties=species:S:1:pos:R:3:forces:R:3\nH 0 0 0 1 2 3\nH 1 0 0 1 2 x3\n"),
                "num.extxyz", "line 4, column 7", "force z of atom 1", "x3");
        assertMessage(bad("pbc.extxyz", "1\nProperties=species:S:1:pos:R:3 pbc=\"T T T\"\nH 0 0 0\n"), "pbc.extxyz",
                "line 2", "no Lattice");
        assertMessage(bad("lat.extxyz", "1\nLattice=\"1 0 0 0 1 0 0 0\" Properties=species:S:1:pos:R:3\nH 0 0 0\n"),
                "lat.extxyz", "line 2", "Lattice has 8 values, expected 9");
        assertMessage(bad("cols.extxyz", "1\nProperties=species:S:1:pos:R:3:forces:R:3\nH 0 0 0\n"), "cols.extxyz",
                "line 3", "has 4 fields, expected 7");
        assertMessage(bad("props.extxyz", "1\nProperties=species:S:1:pos:R\nH 0 0 0\n"), "props.extxyz", "line 2", "triples");
        assertMessage(bad("energy.extxyz", "1\nProperties=species:S:1:pos:R:3 energy=abc\nH 0 0 0\n"), "energy.extxyz",
                "line 2", "energy");
        assertMessage(bad("quote.extxyz", "1\nLattice=\"1 0 0 0 1 0 0 0 1 Properties=species:S:1:pos:R:3\nH 0 0 0\n"),
                "quote.extxyz", "line 2", "unterminated");
        assertMessage(bad("stress.extxyz", "1\nProperties=species:S:1:pos:R:3 stress=\"1 2 3 4 5 6\"\nH 0 0 0\n"),
                "stress.extxyz", "line 2", "stress needs a periodic Lattice");
    }
}
