package org.eelt.deploy.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;





import org.eelt.deploy.campaign.CampaignResult;
import org.eelt.deploy.campaign.CampaignStatus;
import org.eelt.examiner.agent.ExaminationTally;
import org.eelt.deploy.testing.CborRoundTrip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** jackson-cbor round trips of every campaign-manager message (the manager may run as a cluster singleton). */
class ServiceMessageSerializationTest {
    @RegisterExtension
    static final CborRoundTrip CBOR = CborRoundTrip.local();
    static final ActorTestKit KIT = CBOR.kit();

    static Object roundTrip(Object msg) {
        return CBOR.roundTrip(msg);
    }

    static CampaignStatus status() {
        ExaminationTally t = new ExaminationTally();
        t.add(1, 0.12, org.eelt.examiner.selection.TrustLevels.Verdict.CANDIDATE);
        return new CampaignStatus("paused", 1, 2, 30.5, 400, 380, 20, 8, 30, 2, 12, 3, 0.91,
                new CampaignStatus.Utilization(0.8, 0.6, 0.5), 2, 4, 1, Map.of("s1-w0-a", 2L), t.snapshot(),
                List.of(new CampaignStatus.MemberCurve(0, new long[] {100, 160}, new double[] {0.3, 0.2})),
                new CampaignStatus.LatencyHistogram(new double[] {0.1, 1}, new long[] {3, 2, 1}, 2.5, 6),
                List.of(new CampaignResult.Sample(1.5, 10, 4, 1, 1, 0.2, 0)));
    }

    @Test
    void everyManagerMessageRoundTrips() {
        CampaignView running = new CampaignView("c1", "cu", "dp", "paused", null, 123, status(), null);
        CampaignView done = new CampaignView("c2", "cu", "dp", "converged", "ok", 456, null, "{\"status\": \"converged\"}");
        List<Object> equalAfter = List.of(
                new ManagerProtocol.Submit("eelt.campaign {}", "n",
                        KIT.createTestProbe(ManagerProtocol.SubmitReply.class).getRef()),
                new ManagerProtocol.SubmitReply("c1", null),
                new ManagerProtocol.SubmitReply(null, "eelt.campaign.type-map: is empty"),
                new ManagerProtocol.ListCampaigns(KIT.createTestProbe(ManagerProtocol.CampaignList.class).getRef()),
                new ManagerProtocol.GetCampaign("c1", KIT.createTestProbe(ManagerProtocol.CampaignReply.class).getRef()),
                new ManagerProtocol.CampaignReply(done),
                new ManagerProtocol.CampaignReply(null),
                new ManagerProtocol.Control("c1", ManagerProtocol.Action.PAUSE,
                        KIT.createTestProbe(ManagerProtocol.ControlReply.class).getRef()),
                new ManagerProtocol.ControlReply(409, "campaign c1 is stopped"),
                new ManagerProtocol.Download("c1", ManagerProtocol.What.DEEPMD, -1,
                        KIT.createTestProbe(ManagerProtocol.DownloadReply.class).getRef()),
                new ManagerProtocol.Shutdown(KIT.createTestProbe(ManagerProtocol.ShutdownDone.class).getRef()),
                new ManagerProtocol.ShutdownDone(2));
        for (Object m : equalAfter) {
            assertEquals(m, roundTrip(m), m.getClass().getSimpleName());
        }
        ManagerProtocol.CampaignList list = (ManagerProtocol.CampaignList) roundTrip(
                new ManagerProtocol.CampaignList(List.of(running, done)));
        assertEquals(done, list.campaigns().get(1));
        CampaignView back = list.campaigns().get(0);
        assertEquals("paused", back.live().state());
        assertArrayEquals(new long[] {100, 160}, back.live().lcurves().get(0).steps());
        assertEquals(running.live().staleness(), back.live().staleness());
        byte[] zip = {80, 75, 3, 4, 0, -1};
        ManagerProtocol.DownloadReply d = (ManagerProtocol.DownloadReply) roundTrip(new ManagerProtocol.DownloadReply(200,
                null, "application/zip", "deepmd.zip", zip, Map.of("X-EELT-Frames", "3")));
        assertArrayEquals(zip, d.bytes());
        assertEquals(Map.of("X-EELT-Frames", "3"), d.headers());
    }
}
