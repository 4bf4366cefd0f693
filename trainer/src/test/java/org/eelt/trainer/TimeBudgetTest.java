package org.eelt.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The schedule position of a time-budgeted run and the validation of the budget. */
class TimeBudgetTest {
    @Test
    void withoutBudgetTheScheduleFollowsTheStep() {
        assertEquals(17, Trainer.schedulePosition(17, 0, 1000, 5000.0, 0));
    }

    @Test
    void aSlowRunIsDrivenByElapsedTimeAndEndsAtTheLastStep() {
        // a quarter of the budget spent after 10 of 1000 steps: the schedule is at step 250
        assertEquals(250, Trainer.schedulePosition(10, 0, 1000, 25.0, 100.0));
        // past the budget the position saturates at the last step
        assertEquals(999, Trainer.schedulePosition(10, 0, 1000, 150.0, 100.0));
        // a restart from step 400 maps the budget onto the remaining 600 steps
        assertEquals(700, Trainer.schedulePosition(410, 400, 1000, 50.0, 100.0));
    }

    @Test
    void aFastRunIsDrivenByItsSteps() {
        assertEquals(600, Trainer.schedulePosition(600, 0, 1000, 10.0, 100.0));
    }

    @Test
    void theProgressBarAndEtaFollowTheBudgetWhenItEndsTheRunFirst() {
        // 10 of 200000 steps after 25 s of a 100 s budget: 25 % done, 75 s left (not 6 days)
        TrainProgress p = new TrainProgress(10, 200_000, 0, 1e-3, 1.0, 25.0, 100.0);
        assertEquals(0.25, p.fraction(), 1e-12);
        assertEquals(75.0, p.etaSeconds(), 1e-9);
        assertEquals(true, p.bar(20).contains(" 25.0% 10/200000") && p.bar(20).endsWith("ETA 0:01:15"), p.bar(20));
        // without a budget: steps decide
        TrainProgress q = new TrainProgress(500, 1000, 0, 1e-3, 1.0, 10.0, 0);
        assertEquals(0.5, q.fraction(), 1e-12);
        assertEquals(10.0, q.etaSeconds(), 1e-9);
        // a fast run whose steps end before the budget
        assertEquals(10.0, new TrainProgress(500, 1000, 0, 1e-3, 1.0, 10.0, 100.0).etaSeconds(), 1e-9);
    }

    @Test
    void negativeOrInfiniteBudgetsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TrainOptions(null, null, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new TrainOptions(null, null, 1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new TrainOptions(null, null, 1, Double.NaN));
    }
}
