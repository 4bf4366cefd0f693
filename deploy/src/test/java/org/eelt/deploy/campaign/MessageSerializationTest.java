package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;





import org.eelt.examiner.agent.Examiner;
import org.eelt.examiner.agent.ExaminationTally;
import org.eelt.examiner.selection.TrustLevels;
import org.eelt.explorer.agent.Walker;
import org.eelt.labeler.agent.Labeler;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.deploy.testing.CborRoundTrip;
import org.eelt.protocol.messages.DatasetGrew;
import org.eelt.protocol.messages.FrameLabeled;
import org.eelt.protocol.messages.LabelFailed;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.trainer.agent.TrainerMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Explicit jackson-cbor round trips of every cross-node message type (those not exercised in AgentsTest too). */
class MessageSerializationTest {
    @RegisterExtension
    static final CborRoundTrip CBOR = CborRoundTrip.local();
    static final ActorTestKit KIT = CBOR.kit();

    static Object roundTrip(Object msg) {
        return CBOR.roundTrip(msg);
    }

    @Test
    void everyMessageRoundTrips() {
        AtomsData atoms = AgentsTest.frames(1, 1).get(0);
        ActorRef<Examiner.FramesExamined> ref = KIT.createTestProbe(Examiner.FramesExamined.class).getRef();
        List<Object> messages = List.of(
                atoms,
                new Examiner.FramesVisited("w", 2, List.of(atoms), ref),
                new Examiner.FramesExamined("w", 1, 2, 3, 0, 2),
                new Examiner.StartStage(1, 4),
                new Examiner.Candidate("c", atoms, "w", 2, 0.12),
                new Examiner.Stats(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0.5, 12, true, 13, 14, 0.07, 15),
                new ModelPublished(1, 3, 40, "format: eelt-dp", 0.01, 0.05, 500, 12.5),
                new FrameLabeled("c", "l0", atoms, -100.5, new double[3 * atoms.size()], new double[9], "sutton-chen",
                        "sutton-chen:", 2, "w", 0.12, 1, 15, 14),
                new LabelFailed("c", "l0", atoms, "sutton-chen:", "timeout after 1 s", 2, true, 1000),
                new DatasetGrew(10, 2),
                new Walker.Progress("w", 100, 10, 50, 0, 2, false),
                new Walker.ModelArrived(new ModelPublished(0, 1, 1, "y", 0, 0, 0, 0)),
                new TrainerMember.DatasetGrew(12),
                new DatasetRecorder.SaveState(Map.of("campaign/stage", "1")),
                new DatasetRecorder.SaveState(Map.of("campaign/status", "converged"),
                        KIT.createTestProbe(DatasetRecorder.StateSaved.class).getRef()),
                new DatasetRecorder.StateSaved(1),
                new DatasetRecorder.Recorded("c", "w", true, true, false, 10, 5),
                new Campaign.Stop("stopped", "stopped over the API"),
                new Campaign.Pause(),
                new Campaign.Resume(),
                new Campaign.GetStatus(KIT.createTestProbe(CampaignStatus.class).getRef()),
                new Walker.SetPaused(true),
                new Labeler.SetPaused(false),
                new Examiner.GetTally(KIT.createTestProbe(ExaminationTally.Tally.class).getRef()),
                new Examiner.GetCandidates(KIT.createTestProbe(Examiner.CandidateList.class).getRef()),
                new Examiner.CandidateList(List.of(new Examiner.Candidate("c", atoms, "w", 2, 0.12))),
                new Examiner.RequeueCandidates(List.of(new Examiner.Candidate("c", atoms, "w", 2, 0.12))),
                new ExaminationTally.GenerationCounts(3, 10, 2, 1));
        for (Object m : messages) {
            Object back = roundTrip(m);
            assertEquals(m.getClass(), back.getClass());
            if (m instanceof FrameLabeled f) {
                FrameLabeled b = (FrameLabeled) back;
                assertEquals(f.energy(), b.energy(), 0);
                assertArrayEquals(f.atoms().positions(), b.atoms().positions(), 0);
            } else if (!(m instanceof Examiner.FramesVisited)) {
                assertEquals(m, back, m.getClass().getSimpleName());
            }
        }
    }

    @Test
    void statusSnapshotRoundTripsWithArrays() {
        ExaminationTally t = new ExaminationTally();
        t.add(1, 0.07, TrustLevels.Verdict.ACCURATE);
        t.add(2, 0.2, TrustLevels.Verdict.CANDIDATE);
        t.add(2, Double.POSITIVE_INFINITY, TrustLevels.Verdict.FAILED);
        CampaignMetrics metrics = new CampaignMetrics();
        metrics.onLabel(0.3);
        metrics.onModel(new ModelPublished(1, 1, 10, "y", 0.01, 0.2, 500, 3));
        metrics.onModel(new ModelPublished(1, 2, 20, "y", 0.01, 0.1, 300, 3));
        CampaignStatus s = new CampaignStatus("running", 0, 2, 12.5, 100, 90, 9, 5, 20, 1, 8, 2, 0.8,
                new CampaignStatus.Utilization(0.9, 0.5, 0.4), 1, 3, 1, Map.of("s0-w0-x", 1L), t.snapshot(),
                metrics.curves(), metrics.latency(), List.of(new CampaignResult.Sample(1, 10, 2, 0, 1, 0.5, 0)));
        CampaignStatus b = (CampaignStatus) roundTrip(s);
        assertEquals(s.labeled(), b.labeled());
        assertEquals(s.staleness(), b.staleness());
        assertEquals(s.history(), b.history());
        assertEquals(s.tally().perGeneration(), b.tally().perGeneration());
        assertArrayEquals(s.tally().counts(), b.tally().counts());
        assertArrayEquals(s.tally().edges(), b.tally().edges(), 0);
        assertEquals(1, b.tally().overflow());
        assertArrayEquals(new long[] {500, 800}, b.lcurves().get(0).steps());
        assertArrayEquals(new double[] {0.2, 0.1}, b.lcurves().get(0).rmseF(), 0);
        assertArrayEquals(s.labelLatency().counts(), b.labelLatency().counts());
        assertEquals(0.3, b.labelLatency().sum(), 0);
    }
}
