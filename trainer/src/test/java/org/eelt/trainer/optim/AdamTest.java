package org.eelt.trainer.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdamTest {
    @Test
    void firstStepIsLrTimesSignAndStateRestores() {
        Adam a = new Adam(3);
        double[] p = {1, 2, 3};
        a.step(p, new double[] {0.5, -2, 0}, 0.1);
        // bias-corrected m̂ = g, v̂ = g²: Δ = −lr·g/(|g| + ε)
        assertEquals(1 - 0.1 * 0.5 / (0.5 + 1e-8), p[0], 1e-15);
        assertEquals(2 + 0.1 * 2 / (2 + 1e-8), p[1], 1e-15);
        assertEquals(3, p[2], 0);
        Adam b = new Adam(3);
        b.restore(a.firstMoment(), a.secondMoment(), a.steps());
        double[] q = p.clone();
        double[] g = {0.1, 0.2, -0.3};
        a.step(p, g, 0.01);
        b.step(q, g, 0.01);
        assertArrayEquals(p, q, 0);
        assertEquals(2, b.steps());
    }

    @Test
    void minimizesAnIllConditionedQuadratic() {
        Adam a = new Adam(2);
        double[] p = {3, -2};
        for (int k = 0; k < 3000; k++) {
            double[] g = {2 * p[0], 200 * p[1]};
            a.step(p, g, 0.01 * Math.pow(0.999, k));
        }
        assertTrue(Math.abs(p[0]) < 1e-3 && Math.abs(p[1]) < 1e-3, p[0] + " " + p[1]);
    }
}
