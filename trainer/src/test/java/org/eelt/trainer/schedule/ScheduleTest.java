package org.eelt.trainer.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScheduleTest {
    @Test
    void exponentialStaircaseReachesStopLr() {
        LearningRate lr = LearningRate.exp(1e-3, 3.51e-8, 5000, 1_000_000);
        assertEquals(1e-3, lr.at(0), 0);
        assertEquals(1e-3, lr.at(4999), 0);
        assertEquals(1e-3 * lr.decayRate(), lr.at(5000), 1e-18);
        assertEquals(3.51e-8, lr.at(1_000_000), 1e-20);
        // λ = (stop/start)^(τ/T)
        assertEquals(Math.pow(3.51e-8 / 1e-3, 5000.0 / 1_000_000), lr.decayRate(), 1e-15);
        // DeePMD-kit's replacement of decay_steps >= numb_steps: 100 when T/10 > 100, else T/100 + 1
        assertEquals(100, LearningRate.exp(1e-3, 1e-8, 5000, 2000).decaySteps());
        assertEquals(6, LearningRate.exp(1e-3, 1e-8, 5000, 500).decaySteps());
    }

    @Test
    void prefactorsFollowTheLearningRate() {
        LossPrefactors p = LossPrefactors.defaults();
        assertArrayEquals(new double[] {0.02, 1000, 0}, p.at(1.0), 1e-15);
        assertArrayEquals(new double[] {1, 1, 0}, p.at(0.0), 1e-15);
        assertArrayEquals(new double[] {1 + (0.02 - 1) * 0.5, 1 + 999 * 0.5, 0}, p.at(0.5), 1e-12);
        // a term with a zero start or limit is off (DeePMD-kit's has_e/has_f/has_v)
        LossPrefactors q = new LossPrefactors(0, 1, 1000, 1, 0.02, 1);
        assertArrayEquals(new double[] {0, 500.5, 0.51}, q.at(0.5), 1e-12);
    }
}
