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
    void negativeOrInfiniteBudgetsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TrainOptions(null, null, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new TrainOptions(null, null, 1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new TrainOptions(null, null, 1, Double.NaN));
    }
}
