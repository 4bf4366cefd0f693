package org.eelt.deploy.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small-size run of the neighbor benchmark: physics of the counts, fit and JSON form. */
class NeighborBenchTest {

    @Test
    void smallRunCountsTheFccShellsAndReportsJson() {
        NeighborBench.Result r = new NeighborBench(6.0, 0.0, 2, false).run(new int[] {4000, 500});
        assertEquals(2, r.points().size());
        NeighborBench.Point small = r.points().get(0);
        assertEquals(4 * 5 * 5 * 5, small.atoms(), "500 atoms → 5×5×5 cells");
        assertEquals(4 * 10 * 10 * 10, r.points().get(1).atoms());
        for (NeighborBench.Point p : r.points()) {
            // fcc shells within 6 Å: 12 + 6 + 24 + 12 + 24
            assertEquals(78.0, p.pairsPerAtom(), 0.0);
            assertEquals(78L * p.atoms(), p.pairs());
            assertTrue(p.buildMs() > 0 && p.nsPerAtom() > 0);
            assertEquals(p.buildMs() * 1e6 / p.atoms(), p.nsPerAtom(), 1e-9 * p.nsPerAtom());
        }
        assertTrue(Double.isFinite(r.scalingExponent()));
        String json = r.toJson();
        for (String key : List.of("\"cutoff_A\": 6", "\"scaling_exponent\"", "\"pairs_per_atom\": 78",
                "\"atoms\": 500", "\"atoms\": 4000", "\"ns_per_atom\"", "\"cpu_ms\"")) {
            assertTrue(json.contains(key), key + " missing from " + json);
        }
        assertTrue(json.trim().startsWith("{") && json.trim().endsWith("}"));
    }

    @Test
    void slopeOfExactPowerLawIsItsExponent() {
        List<NeighborBench.Point> pts = List.of(
                new NeighborBench.Point(1000, 0, 2.0, 1.0, 0, 0, 0, 0, 0),
                new NeighborBench.Point(10000, 0, 2.0 * Math.pow(10, 1.1), 10.0, 0, 0, 0, 0, 0),
                new NeighborBench.Point(100000, 0, 2.0 * Math.pow(100, 1.1), 100.0, 0, 0, 0, 0, 0));
        assertEquals(1.1, NeighborBench.slope(pts, false), 1e-12);
        assertEquals(1.0, NeighborBench.slope(pts, true), 1e-12);
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new NeighborBench(0, 0, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new NeighborBench().run(new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> new NeighborBench().run(new int[0]));
    }
}
