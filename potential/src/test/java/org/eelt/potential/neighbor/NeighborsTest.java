package org.eelt.potential.neighbor;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.eelt.potential.neighbor.NeighborTestSupport.assertSamePairs;
import static org.eelt.potential.neighbor.NeighborTestSupport.randomAtoms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The entry point returns the exact pairs whichever algorithm it picks. */
class NeighborsTest {

    @Test
    void everySizeAndPeriodicityGivesTheBruteForcePairs() {
        Random rnd = new Random(41);
        for (int n : new int[] {1, 2, 5, 15, 16, 17, 60}) {
            Structure mol = randomAtoms(Cell.nonPeriodic(), n, 0, Math.cbrt(n / 0.1), rnd);
            assertSamePairs(BruteForceNeighbors.build(mol, 3.0, 0.5), Neighbors.build(mol, 3.0, 0.5), "molecule " + n);
            double l = Math.cbrt(n / 0.1);
            Structure box = randomAtoms(Cell.periodic(l, 0, 0, 0.3 * l, l, 0, 0, 0, l), n, 0, 1, rnd);
            assertSamePairs(BruteForceNeighbors.build(box, 3.0, 0.5), Neighbors.build(box, 3.0, 0.5), "box " + n);
        }
    }

    @Test
    void sortedRowsWhenAsked() {
        Structure s = randomAtoms(Cell.orthorhombic(9, 9, 9), 70, 0, 1, new Random(43));
        NeighborList list = Neighbors.build(s, 4.5, 0.0, true);
        for (int i = 0; i < s.size(); i++) {
            for (int p = list.start(i) + 1; p < list.end(i); p++) {
                assertTrue(list.neighbor(p - 1) <= list.neighbor(p), "row " + i + " sorted");
            }
        }
        assertEquals(list.pairs(), Neighbors.build(s, 4.5, 0.0).pairs());
    }

    @Test
    void badCutoffIsRejectedByBothPaths() {
        Structure tiny = new Structure(new String[] {"H", "H"}, new double[] {0, 0, 0, 0.74, 0, 0}, Cell.nonPeriodic());
        assertThrows(IllegalArgumentException.class, () -> Neighbors.build(tiny, 0, 0));
        Structure box = tiny.withCell(Cell.orthorhombic(5, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> Neighbors.build(box, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Neighbors.build(null, 1, 0));
    }
}
