package org.eelt.protocol.atoms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class CellTest {
    private static Cell randomTriclinic(Random rnd) {
        return Cell.periodic(3 + 4 * rnd.nextDouble(), rnd.nextGaussian(), rnd.nextGaussian(),
                rnd.nextGaussian(), 3 + 4 * rnd.nextDouble(), rnd.nextGaussian(),
                rnd.nextGaussian(), rnd.nextGaussian(), 3 + 4 * rnd.nextDouble());
    }

    private static double[] cross(double[] x, double[] y) {
        return new double[] {x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]};
    }

    private static double dot(double[] x, double[] y) {
        return x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
    }

    private static double[] row(Cell c, int k) {
        return new double[] {c.get(k, 0), c.get(k, 1), c.get(k, 2)};
    }

    @Test
    void fractionalCartesianRoundTripOnRandomTriclinicCells() {
        Random rnd = new Random(1);
        for (int t = 0; t < 200; t++) {
            Cell c = randomTriclinic(rnd);
            double[] r = new double[30];
            for (int i = 0; i < r.length; i++) {
                r[i] = 20 * rnd.nextDouble() - 10;
            }
            assertArrayEquals(r, c.toCartesian(c.toFractional(r)), 1e-12);
            // unit fractional vectors map to the cell rows
            double[] out = new double[3];
            for (int k = 0; k < 3; k++) {
                c.toCartesian(k == 0 ? 1 : 0, k == 1 ? 1 : 0, k == 2 ? 1 : 0, out);
                assertArrayEquals(row(c, k), out, 1e-15);
            }
        }
    }

    @Test
    void volumeAndPlaneSpacingMatchVectorFormulas() {
        Random rnd = new Random(2);
        for (int t = 0; t < 100; t++) {
            Cell c = randomTriclinic(rnd);
            double[] a = row(c, 0), b = row(c, 1), cc = row(c, 2);
            double triple = dot(a, cross(b, cc));
            assertEquals(Math.abs(triple), c.volume(), 1e-10);
            assertEquals(triple, c.signedVolume(), 1e-10);
            // plane spacing along c: projection of c onto the unit normal of the a-b plane
            double[] n = cross(a, b);
            double nn = Math.sqrt(dot(n, n));
            assertEquals(Math.abs(dot(cc, n)) / nn, c.planeSpacing(2), 1e-12);
            n = cross(b, cc);
            assertEquals(Math.abs(dot(a, n)) / Math.sqrt(dot(n, n)), c.planeSpacing(0), 1e-12);
        }
        Cell o = Cell.orthorhombic(2, 3, 4);
        assertEquals(24, o.volume(), 0);
        assertEquals(3, o.planeSpacing(1), 1e-15);
        assertEquals(4, o.length(2), 0);
    }

    @Test
    void minimumImageOnOrthorhombicCellsIsTheShortestImage() {
        Random rnd = new Random(3);
        for (int t = 0; t < 500; t++) {
            double[] l = {2 + 5 * rnd.nextDouble(), 2 + 5 * rnd.nextDouble(), 2 + 5 * rnd.nextDouble()};
            Cell c = Cell.orthorhombic(l[0], l[1], l[2]);
            double[] d = {30 * rnd.nextGaussian(), 30 * rnd.nextGaussian(), 30 * rnd.nextGaussian()};
            double best = Double.POSITIVE_INFINITY;
            long i0 = Math.round(-d[0] / l[0]), j0 = Math.round(-d[1] / l[1]), k0 = Math.round(-d[2] / l[2]);
            for (long i = i0 - 3; i <= i0 + 3; i++) {
                for (long j = j0 - 3; j <= j0 + 3; j++) {
                    for (long k = k0 - 3; k <= k0 + 3; k++) {
                        double x = d[0] + i * l[0], y = d[1] + j * l[1], z = d[2] + k * l[2];
                        best = Math.min(best, x * x + y * y + z * z);
                    }
                }
            }
            double[] m = d.clone();
            c.minimumImage(m);
            assertEquals(Math.sqrt(best), Math.sqrt(dot(m, m)), 1e-10);
            for (int k = 0; k < 3; k++) {
                assertTrue(Math.abs(m[k]) <= l[k] / 2 + 1e-12);
                double shift = (d[k] - m[k]) / l[k];
                assertEquals(Math.rint(shift), shift, 1e-9, "the image differs by a lattice vector");
            }
        }
        // non-periodic axes are left alone
        Cell slab = new Cell(new double[] {4, 0, 0, 0, 4, 0, 0, 0, 4}, new boolean[] {true, true, false});
        double[] d = {3, 3, 3};
        slab.minimumImage(d);
        assertArrayEquals(new double[] {-1, -1, 3}, d, 1e-15);
    }

    @Test
    void wrapMovesAtomsIntoTheCellByLatticeVectors() {
        Random rnd = new Random(4);
        for (int t = 0; t < 100; t++) {
            Cell c = randomTriclinic(rnd);
            double[] r = new double[30];
            for (int i = 0; i < r.length; i++) {
                r[i] = 40 * rnd.nextDouble() - 20;
            }
            double[] w = c.wrap(r);
            double[] f = c.toFractional(w);
            double[] f0 = c.toFractional(r);
            for (int i = 0; i < f.length; i++) {
                assertTrue(f[i] >= -1e-12 && f[i] < 1 + 1e-12, "fractional " + f[i]);
                assertEquals(Math.rint(f0[i] - f[i]), f0[i] - f[i], 1e-9);
            }
        }
        assertArrayEquals(new double[] {1, 2, 3}, Cell.nonPeriodic().wrap(new double[] {1, 2, 3}), 0);
    }

    @Test
    void rejectsDegeneratePeriodicCellsButAllowsNonPeriodicOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cell.periodic(1, 0, 0, 2, 0, 0, 0, 0, 1));
        assertTrue(e.getMessage().contains("degenerate"));
        Cell open = new Cell(new double[9], new boolean[] {false, false, false});
        assertFalse(open.isPeriodic());
        assertThrows(IllegalArgumentException.class, () -> Cell.periodic(1, 0, 0, 0, 1, 0, 0, 0, Double.NaN));
        assertEquals(Cell.orthorhombic(1, 2, 3), Cell.periodic(1, 0, 0, 0, 2, 0, 0, 0, 3));
    }
}
