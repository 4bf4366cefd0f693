package org.eelt.potential.neighbor;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.eelt.potential.neighbor.NeighborTestSupport.pairSet;
import static org.eelt.potential.neighbor.NeighborTestSupport.randomAtoms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Skin semantics, storage modes and accessors of {@link NeighborList}; {@link ImageCode} packing. */
class NeighborListTest {

    @Test
    void needsRebuildWhenOneAtomMovesMoreThanHalfTheSkin() {
        Random rnd = new Random(29);
        Structure s = randomAtoms(Cell.periodic(9, 0, 0, 1, 9, 0, 0, 0, 9), 50, 0, 1, rnd);
        double skin = 1.0;
        NeighborList list = CellListNeighbors.build(s, 4.0, skin);
        double[] r = s.positions();
        assertFalse(list.needsRebuild(r));
        double[] moved = r.clone();
        double[] u = {0.6, -0.48, 0.64};   // unit vector
        for (int k = 0; k < 3; k++) {
            moved[3 * 17 + k] += 0.49 * u[k];
        }
        assertFalse(list.needsRebuild(moved), "0.49 Å < skin/2");
        for (int k = 0; k < 3; k++) {
            moved[3 * 17 + k] = r[3 * 17 + k] + 0.51 * u[k];
        }
        assertTrue(list.needsRebuild(moved), "0.51 Å > skin/2");
        assertTrue(list.needsRebuild(new double[3]), "a different atom count always needs a rebuild");
        assertFalse(list.needsRebuild(s));
        assertTrue(list.needsRebuild(s.withPositions(moved)));
        Cell strained = s.cell().transformed(new double[] {1.01, 0, 0, 0, 1, 0, 0, 0, 1});
        assertTrue(list.needsRebuild(s.withCell(strained)), "a new cell needs a rebuild");
    }

    @Test
    void listWithSkinStaysCompleteWhileAtomsMoveLessThanHalfTheSkin() {
        Random rnd = new Random(31);
        Cell cell = Cell.periodic(8, 0, 0, 2, 8.5, 0, -1, 1, 9);
        Structure s = randomAtoms(cell, 60, -0.3, 1.3, rnd);
        double cutoff = 4.2, skin = 0.8;
        NeighborList list = CellListNeighbors.build(s, cutoff, skin);
        double[] moved = s.positions();
        for (int i = 0; i < moved.length; i++) {
            moved[i] += (2 * rnd.nextDouble() - 1) * 0.2;   // |Δr| ≤ 0.2·√3 ≈ 0.35 Å < skin/2
        }
        assertFalse(list.needsRebuild(moved));
        // every pair within the cutoff at the moved positions is in the old list with the same shift
        NeighborList fresh = BruteForceNeighbors.build(s.withPositions(moved), cutoff, 0);
        Set<String> old = pairSet(list);
        Set<String> needed = new HashSet<>(pairSet(fresh));
        needed.removeAll(old);
        assertTrue(needed.isEmpty(), "pairs missing from the skinned list: " + needed);
        // and without skin the old list would miss some of them (the test can fail)
        Set<String> noSkin = pairSet(CellListNeighbors.build(s, cutoff, 0));
        Set<String> missed = new HashSet<>(pairSet(fresh));
        missed.removeAll(noSkin);
        assertFalse(missed.isEmpty(), "moves should bring new pairs inside the cutoff");
    }

    @Test
    void imageCodesDecodeToTheShiftThroughTheCell() {
        Cell cell = Cell.periodic(3, 0.2, 0, 0.5, 2.8, 0, 0.1, 0.3, 3.2);
        Structure s = new Structure(new String[] {"Cu", "Cu"}, new double[] {0, 0, 0, 1.4, 1.2, 1.5}, cell);
        NeighborList list = CellListNeighbors.build(s, 5, 0);
        assertTrue(list.hasImageCodes());
        assertEquals(cell, list.cell());
        double[] h = cell.matrix();
        for (int p = 0; p < list.pairs(); p++) {
            int c = list.imageCode(p);
            for (int k = 0; k < 3; k++) {
                double expected = ImageCode.component(c, 0) * h[k] + ImageCode.component(c, 1) * h[3 + k]
                        + ImageCode.component(c, 2) * h[6 + k];
                assertEquals(expected, list.shift(p, k), 0.0);
            }
        }
        assertTrue(list.bytes() < 12L * list.pairs() + 1000, "8 bytes per pair with image codes");
    }

    @Test
    void explicitShiftListsKeepWorking() {
        int[] offsets = {0, 1, 2};
        NeighborList list = new NeighborList(offsets, new int[] {1, 0}, new double[] {0, 0, 0, 1, 2, 3}, 3, 0.5,
                new double[] {0, 0, 0, 1, 0, 0});
        assertFalse(list.hasImageCodes());
        assertNull(list.cell());
        assertEquals(2.0, list.shift(1, 1));
        double[] d = new double[3];
        assertEquals(Math.sqrt(0 + 4 + 9), list.displacement(1, 1, new double[] {0, 0, 0, 1, 0, 0}, d), 1e-15);
        assertEquals(-1.0 + 1.0, d[0]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> list.imageCode(0));
        assertTrue(e.getMessage().contains("shift(p, k)"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new NeighborList(offsets, new int[] {1, 0}, new double[5], 3, 0, new double[6]));
        assertTrue(bad.getMessage().contains("inconsistent"), bad.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new NeighborList(new int[] {0, 3}, new int[] {1, 0}, new int[2], Cell.nonPeriodic(), 3, 0,
                        new double[3]));
    }

    @Test
    void imageCodePacksEveryComponentInRangeAndAddsLinearly() {
        Random rnd = new Random(37);
        for (int t = 0; t < 2000; t++) {
            int a = rnd.nextInt(1024) - 512, b = rnd.nextInt(1024) - 512, c = rnd.nextInt(1024) - 512;
            int code = ImageCode.pack(a, b, c);
            assertTrue(code >= 0);
            assertEquals(a, ImageCode.component(code, 0));
            assertEquals(b, ImageCode.component(code, 1));
            assertEquals(c, ImageCode.component(code, 2));
            int a2 = rnd.nextInt(21) - 10, b2 = rnd.nextInt(21) - 10, c2 = rnd.nextInt(21) - 10;
            if (ImageCode.fits(a + a2, b + b2, c + c2)) {
                assertEquals(ImageCode.pack(a + a2, b + b2, c + c2), code + ImageCode.raw(a2, b2, c2));
            }
        }
        assertEquals(ImageCode.ZERO, ImageCode.pack(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ImageCode.pack(512, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ImageCode.pack(0, -513, 0));
    }
}
