package org.eelt.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The label count at which random selection reaches EELT's test RMSE, between two grid counts. */
class LabelCurveTest {
    private static LabelCurve.Result result(int labels, boolean reached, int below, double... curve) {
        TreeMap<Integer, Double> c = new TreeMap<>();
        for (int i = 0; i < curve.length; i += 2) {
            c.put((int) curve[i], curve[i + 1]);
        }
        return new LabelCurve.Result(labels, c.get(labels), reached, below, c, new TreeMap<>());
    }

    @Test
    void theCrossingIsInterpolatedInTheLogarithmOfTheCount() {
        // 48 labels: 0.02239 eV/Å (above the target), 72 labels: 0.02091 (below it)
        LabelCurve.Result r = result(72, true, 48, 24, 0.02573, 48, 0.02239, 72, 0.02091);
        assertTrue(r.bracketed());
        double f = (0.02239 - 0.02196) / (0.02239 - 0.02091);
        assertEquals(48 * Math.pow(72 / 48.0, f), r.crossing(0.02196), 1e-9);
        assertEquals(54.0, r.crossing(0.02196), 0.1);
        assertEquals(72, r.crossing(0.02091), 1e-9, "a target equal to the reaching RMSE gives its count");
        assertEquals(48, r.crossing(0.02239 - 1e-13), 1e-6, "a target just below the RMSE above it gives that count");
    }

    @Test
    void withoutABracketTheGridCountStands() {
        LabelCurve.Result notReached = result(96, false, 96, 24, 0.03, 48, 0.029, 96, 0.028);
        assertFalse(notReached.bracketed());
        assertEquals(96, notReached.crossing(0.02), 0, "random never reached: the ratio stays an upper bound");
        LabelCurve.Result smallest = result(5, true, 0, 5, 0.01, 10, 0.009);
        assertFalse(smallest.bracketed());
        assertEquals(5, smallest.crossing(0.02), 0, "the grid's smallest count reached: a lower bound");
    }
}
