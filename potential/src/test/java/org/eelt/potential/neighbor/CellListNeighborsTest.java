package org.eelt.potential.neighbor;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.eelt.potential.neighbor.NeighborTestSupport.assertSamePairs;
import static org.eelt.potential.neighbor.NeighborTestSupport.assertWithinListRadius;
import static org.eelt.potential.neighbor.NeighborTestSupport.fccCu;
import static org.eelt.potential.neighbor.NeighborTestSupport.randomAtoms;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cell list must return exactly the pairs of the brute-force reference. */
class CellListNeighborsTest {

    /** Builds both lists, compares them as sets and checks every pair's length. */
    private static NeighborList check(Structure s, double cutoff, double skin, String what) {
        NeighborList expected = BruteForceNeighbors.build(s, cutoff, skin);
        for (int m = 1; m <= 3; m++) {
            NeighborList actual = CellListNeighbors.build(s, cutoff, skin, m, m == 2);
            assertSamePairs(expected, actual, what + " (bins per radius " + m + ")");
            assertWithinListRadius(actual, s.positions());
        }
        return CellListNeighbors.build(s, cutoff, skin);
    }

    /** A random general (rotated, skewed) cell with edges around {@code len} Å. */
    private static double[] randomMatrix(Random rnd, double len, double skew) {
        double[] h = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                h[3 * r + c] = (r == c ? len : 0) + skew * len * (2 * rnd.nextDouble() - 1);
            }
        }
        return h;
    }

    @Test
    void randomTriclinicCellsMatchBruteForce() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 8; trial++) {
            Cell cell;
            do {
                cell = Cell.periodic(randomMatrix(rnd, 9 + 4 * rnd.nextDouble(), 0.3));
            } while (Math.min(cell.planeSpacing(0), Math.min(cell.planeSpacing(1), cell.planeSpacing(2))) < 3);
            Structure s = randomAtoms(cell, 60 + rnd.nextInt(80), 0, 1, rnd);
            double cutoff = 2.5 + 3 * rnd.nextDouble();
            check(s, cutoff, trial % 2 == 0 ? 0 : 0.7, "random triclinic #" + trial);
        }
    }

    @Test
    void stronglySkewedAndLeftHandedCellsMatchBruteForce() {
        Random rnd = new Random(5);
        // b leans almost onto a, c leans over both: plane spacings far below edge lengths
        Cell skewed = Cell.periodic(10, 0, 0, 9.3, 4, 0, -8.7, 7.5, 5);
        check(randomAtoms(skewed, 90, 0, 1, rnd), 4.5, 0.3, "strongly skewed");
        // a left-handed cell (negative determinant)
        Cell left = Cell.periodic(0, 11, 0, 10, 0, 0, 2, 3, 9);
        assertTrue(left.signedVolume() < 0);
        check(randomAtoms(left, 80, 0, 1, rnd), 5.0, 0.0, "left-handed");
    }

    @Test
    void smallFccCopperCellWithLongCutoffHasAllShellsTo6Angstrom() {
        Structure cu = fccCu(1);
        NeighborList list = check(cu, 6.0, 0.0, "4-atom fcc Cu r_c=6");
        // fcc shells below 6 Å: 12 at a/√2, 6 at a, 24 at a√(3/2), 12 at a√2, 24 at a√(5/2)
        for (int i = 0; i < 4; i++) {
            assertEquals(78, list.end(i) - list.start(i), "neighbors of atom " + i);
        }
        // self images are included: the atom itself at ±a along each axis (shell 2) and more
        int selfImages = 0;
        for (int p = list.start(0); p < list.end(0); p++) {
            selfImages += list.neighbor(p) == 0 ? 1 : 0;
        }
        assertEquals(6 + 12, selfImages, "lattice translations of atom 0 within 6 Å");
    }

    @Test
    void cellThinnerThanTheCutoffAlongOneAxis() {
        Random rnd = new Random(3);
        Cell cell = new Cell(new double[] {14, 0, 0, 1.5, 13, 0, 0.4, -0.7, 2.2}, new boolean[] {true, true, true});
        check(randomAtoms(cell, 25, 0, 1, rnd), 5.5, 0.5, "2.2 Å thick cell, r_c 5.5");
        Cell tiny = Cell.periodic(2.1, 0, 0, 0.6, 1.9, 0, 0.3, 0.2, 2.4);
        check(randomAtoms(tiny, 2, 0, 1, rnd), 4.0, 0.0, "2-atom cell smaller than r_c in every direction");
    }

    @Test
    void isolatedMoleculeHasNoImages() {
        Random rnd = new Random(7);
        Structure cluster = randomAtoms(Cell.nonPeriodic(), 70, -6, 6, rnd);
        NeighborList list = check(cluster, 3.5, 0.4, "isolated cluster");
        for (int p = 0; p < list.pairs(); p++) {
            assertEquals(0.0, list.shift(p, 0));
            assertEquals(0.0, list.shift(p, 1));
            assertEquals(0.0, list.shift(p, 2));
        }
        // a non-periodic cell whose matrix is degenerate is valid for molecules
        Structure flat = cluster.withCell(new Cell(new double[9], new boolean[] {false, false, false}));
        check(flat, 3.5, 0.4, "isolated cluster, zero cell matrix");
        // a far-spread sparse molecule must not allocate a huge grid
        double[] far = {0, 0, 0, 1.1, 0, 0, 1e6, 0, 0, 1e6, 1.0, 0, -3e5, 2e5, 7e5};
        Structure sparse = new Structure(new String[] {"H", "H", "H", "H", "H"}, far, Cell.nonPeriodic());
        NeighborList sl = check(sparse, 2.0, 0.0, "sparse molecule");
        assertEquals(4, sl.pairs());
    }

    @Test
    void slabAndWireWithMixedPeriodicity() {
        Random rnd = new Random(13);
        // slab: periodic in a, b; atoms spread 18 Å along z, beyond the 1 Å placeholder c vector
        Cell slab = new Cell(new double[] {9, 0, 0, 2.5, 8, 0, 0, 0, 1}, new boolean[] {true, true, false});
        double[] f = new double[3 * 80];
        for (int i = 0; i < 80; i++) {
            f[3 * i] = rnd.nextDouble();
            f[3 * i + 1] = rnd.nextDouble();
            f[3 * i + 2] = 18 * rnd.nextDouble();
        }
        String[] sp = new String[80];
        Arrays.fill(sp, "Pt");
        Structure s = new Structure(sp, slab.toCartesian(f), slab);
        NeighborList list = check(s, 4.8, 0.2, "slab T T F");
        for (int p = 0; p < list.pairs(); p++) {
            assertEquals(0.0, list.shift(p, 2), 1e-12, "no images along the non-periodic axis");
        }
        // slab with a tilted non-periodic axis and atoms outside the cell in the periodic directions
        Cell tilted = new Cell(new double[] {7, 0, 0, 0, 7.5, 0, 2, -1, 12}, new boolean[] {true, true, false});
        check(randomAtoms(tilted, 70, -1.2, 2.1, rnd), 5.2, 0.0, "tilted slab, unwrapped atoms");
        // wire: periodic only along a, shorter than the cutoff
        Cell wire = new Cell(new double[] {3.1, 0, 0, 0, 20, 0, 0, 0, 20}, new boolean[] {true, false, false});
        check(randomAtoms(wire, 12, 0, 0.3, rnd), 6.5, 0.0, "wire T F F");
    }

    @Test
    void atomsOutsideTheCellKeepTheirUnwrappedShifts() {
        Random rnd = new Random(17);
        Cell cell = Cell.periodic(8, 0, 0, 1, 9, 0, -1, 0.5, 10);
        Structure s = randomAtoms(cell, 70, -2.5, 3.5, rnd);
        check(s, 4.0, 0.5, "unwrapped atoms up to 3 cells away");
        // same pairs by distance as for the wrapped structure, since shifts absorb the offsets
        NeighborList unwrapped = CellListNeighbors.build(s, 4.0, 0.5);
        NeighborList wrapped = CellListNeighbors.build(s.withPositions(cell.wrap(s.positions())), 4.0, 0.5);
        assertEquals(wrapped.pairs(), unwrapped.pairs());
        double[] d = new double[3];
        double[] rw = cell.wrap(s.positions());
        for (int i = 0; i < s.size(); i++) {
            double[] a = new double[unwrapped.end(i) - unwrapped.start(i)];
            double[] b = new double[wrapped.end(i) - wrapped.start(i)];
            for (int p = 0; p < a.length; p++) {
                a[p] = unwrapped.displacement(i, unwrapped.start(i) + p, s.positions(), d);
                b[p] = wrapped.displacement(i, wrapped.start(i) + p, rw, d);
            }
            Arrays.sort(a);
            Arrays.sort(b);
            assertArrayEquals(b, a, 1e-9, "distances of atom " + i);
        }
    }

    @Test
    void atomsThousandsOfCellsAwayFallBackToCartesianShifts() {
        Random rnd = new Random(19);
        Cell cell = Cell.periodic(6, 0, 0, 0.5, 6, 0, 0, 0, 6);
        Structure s = randomAtoms(cell, 30, 0, 1, rnd);
        double[] r = s.positions();
        r[0] += 2000 * 6;   // atom 0 diffused 2000 cells along a
        r[4] -= 700 * 6;    // atom 1 moved 4200 Å along −y
        Structure far = s.withPositions(r);
        NeighborList list = check(far, 4.0, 0.3, "atoms 2000 cells away");
        assertFalse(list.hasImageCodes());
        assertTrue(CellListNeighbors.build(s, 4.0, 0.3).hasImageCodes());
    }

    @Test
    void waterBoxFromDeepmdDataMatchesBruteForce() throws Exception {
        Path set = NeighborTestSupport.sharedDir().resolve("data/deepmd-water/data_0/set.000");
        double[] box = NeighborTestSupport.npyRow(set.resolve("box.npy"), 0);
        double[] coord = NeighborTestSupport.npyRow(set.resolve("coord.npy"), 0);
        String[] species = new String[coord.length / 3];
        Arrays.fill(species, "O");
        Structure water = new Structure(species, coord, Cell.periodic(box));
        assertEquals(192, water.size());
        NeighborList list = check(water, 6.0, 0.5, "water 192 atoms, r_c 6 (unwrapped coordinates)");
        // liquid water: ρ ≈ 0.1 atoms/Å³, so ≈ ρ·4/3·π·6.5³ ≈ 114 neighbors per atom within 6.5 Å
        double perAtom = list.pairs() / 192.0;
        assertTrue(perAtom > 100 && perAtom < 130, "neighbors per atom " + perAtom);
    }

    @Test
    void largerFccSupercellMatchesBruteForceAndExactCoordination() {
        Structure cu = fccCu(4);
        NeighborList list = check(cu, 5.2, 0.0, "256-atom fcc Cu r_c 5.2");
        for (int i = 0; i < cu.size(); i++) {
            assertEquals(12 + 6 + 24 + 12, list.end(i) - list.start(i), "first four shells of atom " + i);
        }
    }

    @Test
    void rowsAreSortedByNeighborAndDeterministic() {
        Random rnd = new Random(23);
        Structure s = randomAtoms(Cell.periodic(7, 0, 0, 1, 7, 0, 0, 1, 7), 40, -0.5, 1.5, rnd);
        NeighborList a = CellListNeighbors.build(s, 5, 0.5, true);
        NeighborList b = CellListNeighbors.build(s.withPositions(s.positions()), 5, 0.5, true);
        NeighborList fine = CellListNeighbors.build(s, 5, 0.5, 3, true);
        NeighborList fast1 = CellListNeighbors.build(s, 5, 0.5);
        NeighborList fast2 = CellListNeighbors.build(s, 5, 0.5);
        for (int p = 0; p < fast1.pairs(); p++) {
            assertEquals(fast1.neighbor(p), fast2.neighbor(p), "unsorted order is deterministic");
            assertEquals(fast1.imageCode(p), fast2.imageCode(p));
        }
        for (int i = 0; i < s.size(); i++) {
            for (int p = a.start(i); p < a.end(i); p++) {
                assertEquals(a.neighbor(p), b.neighbor(p));
                assertEquals(a.imageCode(p), b.imageCode(p));
                assertEquals(a.neighbor(p), fine.neighbor(p));
                assertEquals(a.imageCode(p), fine.imageCode(p));
                if (p > a.start(i)) {
                    boolean ordered = a.neighbor(p - 1) < a.neighbor(p)
                            || a.neighbor(p - 1) == a.neighbor(p) && a.imageCode(p - 1) < a.imageCode(p);
                    assertTrue(ordered, "row " + i + " not sorted at pair " + p);
                }
            }
        }
    }

    @Test
    void edgeCasesAndBadInput() {
        Structure empty = new Structure(new String[0], new double[0], Cell.orthorhombic(5, 5, 5));
        assertEquals(0, CellListNeighbors.build(empty, 3, 0).pairs());
        Structure one = new Structure(new String[] {"Cu"}, new double[] {0.3, 0.1, 0.2}, Cell.orthorhombic(2, 2, 2));
        // a single atom in a 2 Å cube sees its own images: 6 at 2 Å and 12 at 2√2 Å within 3 Å
        assertEquals(18, check(one, 3.0, 0.0, "single atom").pairs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CellListNeighbors.build(one, -1, 0));
        assertTrue(e.getMessage().contains("cutoff"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CellListNeighbors.build(one, 3, Double.NaN));
        Structure flake = one.withCell(Cell.periodic(5, 0, 0, 0, 5, 0, 0, 0, 0.001));
        e = assertThrows(IllegalArgumentException.class, () -> CellListNeighbors.build(flake, 6, 0));
        assertTrue(e.getMessage().contains("too thin along axis c"), e.getMessage());
    }
}
