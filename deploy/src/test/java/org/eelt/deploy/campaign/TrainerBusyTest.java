package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Trainer busy-time accounting mirrors TrainerMember's coalescing and counts rounds in progress. */
class TrainerBusyTest {
    private static final long S = 1_000_000_000L;

    @Test
    void firstRoundCountsWhileItRuns() {
        TrainerBusy b = new TrainerBusy(4);
        b.requestedAll(8, 0);
        assertEquals(4, b.running());
        // 10 s into the first round, nothing published yet: all 4 members were busy all the time
        assertEquals(40.0, b.busyS(10 * S), 1e-9);
        assertEquals(1.0, b.utilization(10 * S, 10.0), 1e-12);
        b.published(0, 12 * S);
        assertEquals(3, b.running());
        assertEquals(12 + 3 * 14.0, b.busyS(14 * S), 1e-9);
    }

    @Test
    void requestsDuringARoundCoalesceIntoOneFollowUp() {
        TrainerBusy b = new TrainerBusy(1);
        b.requested(0, 5, 0);
        b.requested(0, 6, 1 * S);
        b.requested(0, 7, 2 * S); // coalesced with 6
        b.published(0, 4 * S);    // round on 5 ends, the follow-up on 7 starts at once
        assertEquals(1, b.running());
        b.published(0, 9 * S);
        assertEquals(0, b.running(), "nothing newer than 7 was requested");
        assertEquals(9.0, b.busyS(20 * S), 1e-9);
        b.requested(0, 7, 20 * S);
        assertEquals(0, b.running(), "the snapshot it already trained on starts no round");
        b.requested(0, 8, 21 * S);
        assertEquals(11.0, b.busyS(23 * S), 1e-9);
        b.published(7, 23 * S); // no such member: ignored
        assertEquals(0.25, b.utilization(24 * S, 48.0), 1e-12);
    }
}
