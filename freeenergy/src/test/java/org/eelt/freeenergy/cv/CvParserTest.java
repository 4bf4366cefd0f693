package org.eelt.freeenergy.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CV definitions parse back from their names; bad definitions get clear errors. */
class CvParserTest {
    @Test
    void namesRoundTrip() {
        List<CollectiveVariable> cvs = List.of(new Distance(0, 3), new Angle(1, 2, 4), new Dihedral(4, 6, 8, 14),
                new Cartesian(0, 1), new CoordinationNumber(new int[] {0, 1}, new int[] {2, 3}, 1.5, 6, 12),
                new CoordinationNumber(new int[] {0, 1, 5}, null, 2.0, 8, 14));
        double[] x = CvGradientTest.randomPositions(15, 3, 5);
        for (CollectiveVariable cv : cvs) {
            CollectiveVariable back = CvParser.parse(cv.name());
            assertEquals(cv.name(), back.name());
            assertEquals(cv.value(x, null), back.value(x, null), 0);
        }
        CvSet set = CvParser.parseAll(List.of("dihedral(4, 6, 8, 14)", "dihedral(6,8,14,16)"));
        assertEquals(2, set.dimension());
        assertTrue(set.get(0).periodic());
    }

    @Test
    void badDefinitionsAreExplained() {
        for (String bad : new String[] {"dihedral(1,2,3)", "volume(1)", "distance(a,b)", "coordination(A=1,2)", "x"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CvParser.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("dihedral(i,j,k,l)"),
                    e.getMessage());
        }
    }
}
