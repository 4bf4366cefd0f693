package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eelt.explorer.agent.Walker;
import org.eelt.protocol.messages.ModelPublished;
import org.junit.jupiter.api.Test;

/** The campaign's clock (paused time excluded, resumed runs continue) and its walker accounts. */
class CampaignAccountsTest {
    private static final long S = 1_000_000_000L;

    @Test
    void pausedTimeIsNotCampaignTime() {
        PausableClock c = new PausableClock(0, 100.0); // a resumed run: 100 s before this process
        assertEquals(110.0, c.wallS(10 * S), 1e-9);
        c.setPaused(true, 10 * S);
        assertEquals(110.0, c.wallS(25 * S), 1e-9, "the clock stands while paused");
        c.setPaused(true, 20 * S); // pausing again changes nothing
        c.setPaused(false, 30 * S);
        assertEquals(115.0, c.wallS(35 * S), 1e-9);
    }

    @Test
    void stagesAddUpFramesBusyTimeAndStaleness() {
        WalkerTally t = new WalkerTally(50);
        t.stageStarted(2, 0);
        assertFalse(t.report(new Walker.Progress("a", 500, 100, 1000, 0, 4, true)));
        assertTrue(t.report(new Walker.Progress("b", 300, 60, 3000, 0, 2, true)), "both walkers finished");
        assertEquals(210, t.explored());
        // 4 busy seconds of 2 walkers × 10 s
        assertEquals(0.2, t.utilization(10 * S), 1e-12);
        ModelPublished newest = new ModelPublished(0, 5, 0, "", 0, 0, 0, 0);
        assertEquals(Map.of("a", 1L, "b", 3L), t.staleness(Map.of("a", 0, "b", 0), Map.of(0, newest)));
        t.stageEnded(10 * S);
        assertEquals(210, t.explored(), "an ended stage's frames stay counted");
        assertEquals(0.2, t.utilization(99 * S), 1e-12, "no stage running: no more alive time");
    }
}
