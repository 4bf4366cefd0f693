package org.eelt.examiner.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;

class SelectionTest {
    private static Structure pair(double dx) {
        return new Structure(new String[] {"Cu", "Cu"}, new double[] {0.1, 0, 0, 1.9 + dx, 0, 0},
                Cell.orthorhombic(4, 4, 4));
    }

    @Test
    void trustLevelsClassifyByDeviation() {
        TrustLevels t = new TrustLevels(0.05, 0.3);
        assertEquals(TrustLevels.Verdict.ACCURATE, t.classify(0.0499));
        assertEquals(TrustLevels.Verdict.CANDIDATE, t.classify(0.05));
        assertEquals(TrustLevels.Verdict.CANDIDATE, t.classify(0.2999));
        assertEquals(TrustLevels.Verdict.FAILED, t.classify(0.3));
        assertEquals(TrustLevels.Verdict.FAILED, t.classify(Double.NaN));
        assertEquals(TrustLevels.Verdict.CANDIDATE, t.classify(0.03, 0.02), "adaptive lower level");
        assertThrows(IllegalArgumentException.class, () -> new TrustLevels(0.3, 0.05));
    }

    @Test
    void policiesParseByConfigName() {
        for (SelectionPolicy p : SelectionPolicy.values()) {
            assertEquals(p, SelectionPolicy.parse(p.configName()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SelectionPolicy.parse("top"));
        assertTrue(e.getMessage().contains("adaptive-lower"));
    }

    @Test
    void windowKeepsTheLastMFrames() {
        AccurateWindow w = new AccurateWindow(4);
        w.add(false, 0.2);
        w.add(true, 0.01);
        assertEquals(0.5, w.ratio(), 0);
        assertFalse(w.full());
        w.add(true, 0.02);
        w.add(true, 0.03);
        assertTrue(w.full());
        assertEquals(0.75, w.ratio(), 0);
        w.add(true, 0.04); // evicts the inaccurate first frame
        assertEquals(1.0, w.ratio(), 0);
        assertEquals(0.02, w.quantile(0.34), 0);
        assertEquals(0.04, w.quantile(1.0), 0);
        w.clear();
        assertEquals(0, w.filled());
    }

    @Test
    void nearDuplicatesUseMinimumImageRmsd() {
        Structure a = pair(0);
        Structure b = pair(0.2);
        // one atom moved by 0.2 Å: rmsd = sqrt(0.04 / 2)
        assertEquals(Math.sqrt(0.02), NearDuplicates.rmsd(a, b), 1e-12);
        Structure wrapped = new Structure(a.species(), new double[] {4.1, 0, 0, 1.9, 0, 0}, a.cell());
        assertEquals(0, NearDuplicates.rmsd(a, wrapped), 1e-12, "a lattice translation is no displacement");
        NearDuplicates nd = new NearDuplicates(0.1, 8);
        nd.remember(a);
        assertTrue(nd.isDuplicate(pair(0.05)));
        assertFalse(nd.isDuplicate(b));
        assertEquals(Double.POSITIVE_INFINITY, NearDuplicates.rmsd(a, new Structure(new String[] {"Cu", "Ag"},
                a.positions(), a.cell())));
    }

    @Test
    void exactKeysRoundPositions() {
        Structure a = pair(0);
        Structure b = pair(1e-9);
        assertEquals(ExactKey.of(a, 1e-6), ExactKey.of(b, 1e-6));
        assertNotEquals(ExactKey.of(a, 1e-6), ExactKey.of(pair(1e-4), 1e-6));
    }
}
