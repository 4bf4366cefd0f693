package org.eelt.protocol.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LammpsDataTest {
    @TempDir
    Path tmp;

    private static Structure randomTriclinic(Random rnd, int n, boolean leftHanded) {
        double[] h = {4 + rnd.nextDouble(), 0.7 * rnd.nextGaussian(), 0.5 * rnd.nextGaussian(),
                1.2 * rnd.nextGaussian(), 5 + rnd.nextDouble(), 0.4 * rnd.nextGaussian(),
                0.9 * rnd.nextGaussian(), 1.1 * rnd.nextGaussian(), 6 + rnd.nextDouble()};
        if (leftHanded) {
            for (int k = 6; k < 9; k++) {
                h[k] = -h[k];
            }
        }
        Cell cell = Cell.periodic(h);
        String[] sp = new String[n];
        double[] f = new double[3 * n];
        for (int i = 0; i < n; i++) {
            sp[i] = i % 3 == 0 ? "Cu" : (i % 3 == 1 ? "O" : "H");
            for (int k = 0; k < 3; k++) {
                f[3 * i + k] = 1.4 * rnd.nextDouble() - 0.2;
            }
        }
        return new Structure(sp, cell.toCartesian(f), cell);
    }

    private static double[] distances(double[] p) {
        int n = p.length / 3;
        double[] d = new double[n * (n - 1) / 2];
        int c = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = p[3 * i] - p[3 * j], dy = p[3 * i + 1] - p[3 * j + 1], dz = p[3 * i + 2] - p[3 * j + 2];
                d[c++] = Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
        }
        return d;
    }

    @Test
    void triclinicRoundTripAppliesTheRotationAndPreservesGeometry() throws IOException {
        Random rnd = new Random(7);
        for (boolean left : new boolean[] {false, true}) {
            Structure s = randomTriclinic(rnd, 12, left);
            Path file = tmp.resolve("data." + left);
            LammpsBox box = LammpsData.write(file, s, List.of("Cu", "O", "H"));
            double[] r = box.rotation();
            // R is orthogonal; proper for a right-handed cell, a reflection for a left-handed one
            double[] rrt = new double[9];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    for (int k = 0; k < 3; k++) {
                        rrt[3 * i + j] += r[3 * i + k] * r[3 * j + k];
                    }
                }
            }
            assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, rrt, 1e-14);
            double detR = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6])
                    + r[2] * (r[3] * r[7] - r[4] * r[6]);
            assertEquals(left ? -1.0 : 1.0, detR, 1e-14);

            Structure back = LammpsData.read(file, List.of("Cu", "O", "H"), new boolean[] {true, true, true})
                    .get(0).structure();
            assertArrayEquals(s.species(), back.species());
            assertArrayEquals(box.toLammps(s.positions()), back.positions(), 1e-12);
            assertArrayEquals(s.positions(), box.fromLammps(back.positions()), 1e-12);
            assertArrayEquals(distances(s.positions()), distances(back.positions()), 1e-12);
            // restricted triclinic: a along x, b in the xy plane, positive diagonal
            double[] h = back.cell().matrix();
            assertEquals(0, h[1]);
            assertEquals(0, h[2]);
            assertEquals(0, h[5]);
            assertTrue(h[0] > 0 && h[4] > 0 && h[8] > 0);
            // the new cell vectors are R applied to the old ones
            assertArrayEquals(box.toLammps(s.cell().matrix()), h, 1e-12);
            assertEquals(s.cell().volume(), back.cell().volume(), 1e-10);
            for (int k = 0; k < 3; k++) {
                assertEquals(s.cell().length(k), back.cell().length(k), 1e-12);
                assertEquals(s.cell().planeSpacing(k), back.cell().planeSpacing(k), 1e-12);
            }
            // masses section lets the reader infer species without a type list
            assertArrayEquals(s.species(), LammpsData.read(file).get(0).structure().species());
        }
    }

    @Test
    void tensorRotationIsConsistentWithVectorRotation() {
        Structure s = randomTriclinic(new Random(3), 3, false);
        LammpsBox box = LammpsData.boxFor(s, 1.0);
        // virial of two point forces, W = -sum r (x) dE/dr = sum r (x) f, built in each frame
        double[] pos = s.positions();
        double[] f = {0.3, -0.2, 0.5, -0.1, 0.4, 0.2, -0.2, -0.2, -0.7};
        double[] w = new double[9];
        double[] pl = box.toLammps(pos);
        double[] fl = box.toLammps(f);
        double[] wl = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    w[3 * a + b] += pos[3 * i + a] * f[3 * i + b];
                    wl[3 * a + b] += pl[3 * i + a] * fl[3 * i + b];
                }
            }
        }
        assertArrayEquals(w, box.tensorFromLammps(wl), 1e-12);
        assertArrayEquals(wl, box.tensorToLammps(w), 1e-12);
    }

    @Test
    void nonPeriodicStructureGetsAnEnclosingBox() throws IOException {
        Structure s = new Structure(new String[] {"O", "H", "H"},
                new double[] {0, 0, 0, 0.96, 0, 0, -0.24, 0.93, 0}, Cell.nonPeriodic());
        Path file = tmp.resolve("water.data");
        LammpsBox box = LammpsData.write(file, s, null);
        assertTrue(box.isOrthogonal());
        assertEquals(-0.24 - LammpsData.DEFAULT_MARGIN, box.xlo(), 1e-15);
        assertEquals(0.96 + LammpsData.DEFAULT_MARGIN, box.xhi(), 1e-15);
        assertEquals(0.93 + LammpsData.DEFAULT_MARGIN, box.yhi(), 1e-15);
        Structure back = LammpsData.read(file, null, new boolean[] {false, false, false}).get(0).structure();
        assertArrayEquals(s.positions(), back.positions(), 0);
        assertFalse(back.cell().isPeriodic());
        assertFalse(Files.readString(file).contains("xy xz yz"));
    }

    @Test
    void readsHandWrittenFileSortedByIdWithImageFlagsAndSkipsOtherSections() throws IOException {
        Path file = tmp.resolve("data.cu");
        Files.writeString(file, """
                hand-written test file

                3 atoms
                1 atom types
                0 bonds
                0.0 4.0 xlo xhi
                0.0 5.0 ylo yhi
                0.0 6.0 zlo zhi
                1.0 0.5 0.25 xy xz yz

                Masses

                1 63.546  # Cu

                Atoms # atomic

                3 1 0.5 0.5 0.5 0 0 1
                1 1 1.0 2.0 3.0 1 0 0
                2 1 1.5 1.5 1.5

                Velocities

                1 0.1 0.0 0.0
                2 0.0 0.1 0.0
                3 0.0 0.0 0.1
                """);
        Frame f = LammpsData.read(file).get(0);
        Structure s = f.structure();
        assertArrayEquals(new String[] {"Cu", "Cu", "Cu"}, s.species());
        // atom 1 shifted by +a = (4,0,0); atom 3 by +c = (0.5, 0.25, 6)
        assertArrayEquals(new double[] {5.0, 2.0, 3.0, 1.5, 1.5, 1.5, 1.0, 0.75, 6.5}, s.positions(), 0);
        assertArrayEquals(new double[] {4, 0, 0, 1, 5, 0, 0.5, 0.25, 6}, s.cell().matrix(), 0);
    }

    private static FormatException bad(Path tmp, String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return assertThrows(FormatException.class, () -> LammpsData.read(file));
    }

    private static final String HEAD = "title\n\n2 atoms\n1 atom types\n0 4 xlo xhi\n0 4 ylo yhi\n0 4 zlo zhi\n\n";

    @Test
    void malformedFilesNameFileAndLine() throws IOException {
        FormatException e = bad(tmp, "nonnum.data", HEAD + "Masses\n\n1 63.546\n\nAtoms # atomic\n\n1 1 0 0 0\n2 1 0.5 x 0\n");
        assertTrue(e.getMessage().contains("nonnum.data"), e.getMessage());
        assertTrue(e.getMessage().contains("line 16, column 4"), e.getMessage());
        e = bad(tmp, "short.data", HEAD + "Masses\n\n1 63.546\n\nAtoms # atomic\n\n1 1 0 0 0\n");
        assertTrue(e.getMessage().contains("short.data") && e.getMessage().contains("found 1 atom lines"), e.getMessage());
        e = bad(tmp, "style.data", HEAD + "Atoms # full\n\n1 1 1 0.0 0 0 0\n");
        assertTrue(e.getMessage().contains("style.data, line 11") && e.getMessage().contains("full"), e.getMessage());
        e = bad(tmp, "nomass.data", HEAD + "Atoms # atomic\n\n1 1 0 0 0\n2 1 1 1 1\n");
        assertTrue(e.getMessage().contains("nomass.data") && e.getMessage().contains("type names"), e.getMessage());
        e = bad(tmp, "oddmass.data", HEAD + "Masses\n\n1 50.0\n\nAtoms # atomic\n\n1 1 0 0 0\n2 1 1 1 1\n");
        assertTrue(e.getMessage().contains("Masses section, type 1") && e.getMessage().contains("no element"), e.getMessage());
        e = bad(tmp, "type.data", HEAD + "Atoms\n\n1 1 0 0 0\n2 3 1 1 1\n");
        assertTrue(e.getMessage().contains("type.data, line 12, column 2"), e.getMessage());
        e = bad(tmp, "nobox.data", "title\n\n1 atoms\n1 atom types\n0 4 xlo xhi\n0 4 ylo yhi\n\nAtoms\n\n1 1 0 0 0\n");
        assertTrue(e.getMessage().contains("nobox.data, header") && e.getMessage().contains("zlo zhi"), e.getMessage());
        e = bad(tmp, "header.data", "title\n\n1 atoms\n1 atom types\nfoo bar\n");
        assertTrue(e.getMessage().contains("header.data, line 5"), e.getMessage());
        e = bad(tmp, "dup.data", HEAD + "Masses\n\n1 63.546\n\nAtoms # atomic\n\n1 1 0 0 0\n1 1 1 1 1\n");
        assertTrue(e.getMessage().contains("duplicate atom id 1"), e.getMessage());
    }
}
