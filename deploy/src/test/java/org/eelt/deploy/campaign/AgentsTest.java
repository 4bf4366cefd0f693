package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.eelt.examiner.agent.Examiner;
import org.eelt.examiner.agent.ExaminerSettings;
import org.eelt.examiner.selection.SelectionPolicy;
import org.eelt.examiner.selection.TrustLevels;
import org.eelt.explorer.build.Bulk;
import org.eelt.explorer.build.Perturbations;
import org.eelt.labeler.agent.Labeler;
import org.eelt.labeler.agent.LabelerSettings;
import org.eelt.labeler.oracle.BuiltinOracle;
import org.eelt.labeler.oracle.CalculationFailedException;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleResult;
import org.eelt.labeler.oracle.Property;
import org.eelt.potential.builtin.SuttonChen;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.FrameLabeled;
import org.eelt.protocol.messages.LabelFailed;
import org.eelt.protocol.messages.LabelOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Examiner and labeler actors with ActorTestKit and TestProbes. {@code serialize-messages = on}:
 * every message sent between actors in these tests is serialized with jackson-cbor and back.
 */
class AgentsTest {
    static final ActorTestKit KIT = ActorTestKit.create(ConfigFactory.parseString(
            "pekko.actor.serialize-messages = on")
            .withFallback(ConfigFactory.load()));

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    static List<AtomsData> frames(int n, long seed) {
        List<AtomsData> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Structure s = Perturbations.rattle(Bulk.fcc("Cu", 3.615, 2), 0.08, seed + i);
            out.add(AtomsData.of(s));
        }
        return out;
    }

    static ExaminerSettings settings(double lo, double hi, int cap) {
        return new ExaminerSettings(2, new TrustLevels(lo, hi), SelectionPolicy.FIXED, cap, 0.01, 10, 0.1, 0.01);
    }

    @Test
    void identicalModelsMakeEveryFrameAccurate() {
        ActorRef<Examiner.Command> ex = KIT.spawn(Examiner.create(settings(0.05, 0.3, 5), null));
        ex.tell(new Examiner.ModelArrived(TestModels.model(0, 1, 11)));
        ex.tell(new Examiner.ModelArrived(TestModels.model(1, 1, 11)));
        TestProbe<Examiner.FramesExamined> acks = KIT.createTestProbe();
        ex.tell(new Examiner.FramesVisited("w0", 1, frames(4, 1), acks.getRef()));
        Examiner.FramesExamined r = acks.receiveMessage(Duration.ofSeconds(60));
        assertEquals(4, r.accurate());
        assertEquals(0, r.candidates());
        assertEquals(3, r.lastAccurateIndex());
        TestProbe<Examiner.Stats> stats = KIT.createTestProbe();
        ex.tell(new Examiner.GetStats(stats.getRef()));
        Examiner.Stats s = stats.receiveMessage();
        assertEquals(4, s.examined());
        assertEquals(1.0, s.windowRatio(), 0);
        assertEquals(0.0, s.windowMedianDeviation(), 0, "identical members deviate by exactly zero");
    }

    @Test
    void differentModelsGiveCandidatesCappedDedupedAndPulled() {
        ActorRef<Examiner.Command> ex = KIT.spawn(Examiner.create(settings(1e-9, 1e9, 2), null));
        ex.tell(new Examiner.ModelArrived(TestModels.model(0, 1, 11)));
        ex.tell(new Examiner.ModelArrived(TestModels.model(1, 1, 12)));
        TestProbe<Examiner.FramesExamined> acks = KIT.createTestProbe();
        List<AtomsData> batch = frames(3, 5);
        ex.tell(new Examiner.FramesVisited("w0", 1, batch, acks.getRef()));
        Examiner.FramesExamined r = acks.receiveMessage(Duration.ofSeconds(60));
        assertEquals(3, r.candidates());
        assertEquals(-1, r.lastAccurateIndex());
        TestProbe<Examiner.Stats> stats = KIT.createTestProbe();
        ex.tell(new Examiner.GetStats(stats.getRef()));
        Examiner.Stats s = stats.receiveMessage();
        assertEquals(2, s.selected(), "cap of 2 candidates per generation");
        assertEquals(1, s.capped());
        // the same frames again are exact duplicates
        ex.tell(new Examiner.FramesVisited("w1", 1, batch.subList(0, 1), acks.getRef()));
        acks.receiveMessage(Duration.ofSeconds(60));
        ex.tell(new Examiner.GetStats(stats.getRef()));
        assertEquals(1, stats.receiveMessage().duplicates());
        // labelers pull: two candidates, then the third request waits
        TestProbe<Examiner.Candidate> work = KIT.createTestProbe();
        ex.tell(new Examiner.RequestWork("l0", work.getRef()));
        ex.tell(new Examiner.RequestWork("l0", work.getRef()));
        Examiner.Candidate c1 = work.receiveMessage();
        Examiner.Candidate c2 = work.receiveMessage();
        assertTrue(c1.deviation() > 0 && c2.deviation() > 0);
        ex.tell(new Examiner.RequestWork("l0", work.getRef()));
        work.expectNoMessage(Duration.ofMillis(200));
        ex.tell(new Examiner.SeedCandidates(frames(1, 99), "bootstrap"));
        assertEquals("bootstrap", work.receiveMessage().walker());
        ex.tell(new Examiner.WorkDone(c1.id(), true));
    }

    @Test
    void everyMemberPublicationIsANewModelVersionWithItsOwnCandidateQuota() {
        ActorRef<Examiner.Command> ex = KIT.spawn(Examiner.create(settings(1e-9, 1e9, 1), null));
        ex.tell(new Examiner.ModelArrived(TestModels.model(0, 1, 11)));
        ex.tell(new Examiner.ModelArrived(TestModels.model(1, 1, 12)));
        TestProbe<Examiner.FramesExamined> acks = KIT.createTestProbe();
        TestProbe<Examiner.Stats> stats = KIT.createTestProbe();
        ex.tell(new Examiner.FramesVisited("w0", 1, frames(2, 5), acks.getRef()));
        assertEquals(2, acks.receiveMessage(Duration.ofSeconds(60)).candidates());
        ex.tell(new Examiner.GetStats(stats.getRef()));
        Examiner.Stats s = stats.receiveMessage();
        assertEquals(1, s.selected(), "quota of 1 per model version");
        assertEquals(1, s.capped());
        assertEquals(2, s.modelVersion());
        // member 0 alone retrains: the ensemble generation stays 1, but the model version is new
        ex.tell(new Examiner.ModelArrived(TestModels.model(0, 2, 13)));
        long version = 0;
        for (int i = 0; i < 600 && version < 3; i++) {
            ex.tell(new Examiner.GetStats(stats.getRef()));
            version = stats.receiveMessage().modelVersion();
            if (version < 3) {
                stats.expectNoMessage(Duration.ofMillis(100));
            }
        }
        assertEquals(3, version, "member 0's publication is model version 3");
        ex.tell(new Examiner.FramesVisited("w0", 1, frames(2, 77), acks.getRef()));
        acks.receiveMessage(Duration.ofSeconds(60));
        ex.tell(new Examiner.GetStats(stats.getRef()));
        s = stats.receiveMessage();
        assertEquals(1, s.generation(), "ensemble generation = the oldest member's");
        assertEquals(2, s.selected(), "the new version selects one more candidate");
        assertEquals(2, s.capped());
    }

    @Test
    void eachWalkerGetsItsShareOfAModelVersionsQuota() {
        ActorRef<Examiner.Command> ex = KIT.spawn(Examiner.create(settings(1e-9, 1e9, 2), null));
        ex.tell(new Examiner.StartStage(0, 2));
        ex.tell(new Examiner.ModelArrived(TestModels.model(0, 1, 11)));
        ex.tell(new Examiner.ModelArrived(TestModels.model(1, 1, 12)));
        TestProbe<Examiner.FramesExamined> acks = KIT.createTestProbe();
        TestProbe<Examiner.Stats> stats = KIT.createTestProbe();
        ex.tell(new Examiner.FramesVisited("w0", 1, frames(3, 5), acks.getRef()));
        assertEquals(3, acks.receiveMessage(Duration.ofSeconds(60)).candidates());
        ex.tell(new Examiner.GetStats(stats.getRef()));
        assertEquals(1, stats.receiveMessage().selected(), "w0 may fill only half of the quota of 2");
        ex.tell(new Examiner.FramesVisited("w1", 1, frames(3, 50), acks.getRef()));
        acks.receiveMessage(Duration.ofSeconds(60));
        ex.tell(new Examiner.GetStats(stats.getRef()));
        Examiner.Stats s = stats.receiveMessage();
        assertEquals(2, s.selected(), "w1 fills the other half");
        assertEquals(4, s.capped());
        TestProbe<Examiner.Candidate> work = KIT.createTestProbe();
        ex.tell(new Examiner.RequestWork("l0", work.getRef()));
        ex.tell(new Examiner.RequestWork("l0", work.getRef()));
        assertEquals(java.util.Set.of("w0", "w1"), java.util.Set.of(work.receiveMessage().walker(),
                work.receiveMessage().walker()));
    }

    /** Fails the first {@code failures} calls, then computes Sutton–Chen. */
    static final class FlakyOracle implements Oracle {
        final BuiltinOracle inner = new BuiltinOracle("sutton-chen", "sutton-chen:test", SuttonChen.copper());
        final AtomicInteger calls = new AtomicInteger();
        final int failures;

        FlakyOracle(int failures) {
            this.failures = failures;
        }

        public String name() {
            return inner.name();
        }

        public Set<Property> implementedProperties() {
            return inner.implementedProperties();
        }

        public String settings() {
            return inner.settings();
        }

        public OracleResult calculate(Structure s, Set<Property> p) {
            if (calls.incrementAndGet() <= failures) {
                throw new CalculationFailedException("flaky", "SCF did not converge (test)", "", null);
            }
            return inner.calculate(s, EnumSet.copyOf(p));
        }
    }

    @Test
    void labelerRetriesWithBackoffThenLabels() {
        FlakyOracle oracle = new FlakyOracle(1);
        TestProbe<Examiner.Command> examiner = KIT.createTestProbe();
        TestProbe<LabelOutcome> sink = KIT.createTestProbe();
        LabelerSettings s = new LabelerSettings("l0", Duration.ofSeconds(30), 2, Duration.ofMillis(50), 5,
                Duration.ofMillis(100));
        KIT.spawn(Labeler.create(s, () -> oracle, examiner.getRef(), sink.getRef()));
        Examiner.RequestWork req = examiner.expectMessageClass(Examiner.RequestWork.class);
        AtomsData atoms = frames(1, 3).get(0);
        req.replyTo().tell(new Examiner.Candidate("c1", atoms, "w0", 1, 0.1));
        LabelFailed f = (LabelFailed) sink.receiveMessage(Duration.ofSeconds(10));
        assertFalse(f.finalFailure());
        assertTrue(f.reason().contains("SCF did not converge"), f.reason());
        FrameLabeled l = (FrameLabeled) sink.receiveMessage(Duration.ofSeconds(10));
        assertEquals(2, l.attempts());
        assertEquals("c1", l.candidateId());
        double e = SuttonChen.copper().compute(atoms.toStructure()).energy();
        assertEquals(e, l.energy(), 1e-12, "the label is the oracle's energy (eV)");
        assertEquals(new Examiner.WorkDone("c1", true), examiner.expectMessageClass(Examiner.WorkDone.class));
        examiner.expectMessageClass(Examiner.RequestWork.class);
    }

    @Test
    void labelerGivesUpAfterRetriesAndReportsEveryFailure() {
        FlakyOracle oracle = new FlakyOracle(Integer.MAX_VALUE);
        TestProbe<Examiner.Command> examiner = KIT.createTestProbe();
        TestProbe<LabelOutcome> sink = KIT.createTestProbe();
        LabelerSettings s = new LabelerSettings("l1", Duration.ofSeconds(30), 1, Duration.ofMillis(20), 10,
                Duration.ofMillis(100));
        KIT.spawn(Labeler.create(s, () -> oracle, examiner.getRef(), sink.getRef()));
        Examiner.RequestWork req = examiner.expectMessageClass(Examiner.RequestWork.class);
        req.replyTo().tell(new Examiner.Candidate("c2", frames(1, 4).get(0), "w0", 1, 0.1));
        assertFalse(((LabelFailed) sink.receiveMessage(Duration.ofSeconds(10))).finalFailure());
        LabelFailed last = (LabelFailed) sink.receiveMessage(Duration.ofSeconds(10));
        assertTrue(last.finalFailure());
        assertEquals(2, last.attempts());
        assertEquals(new Examiner.WorkDone("c2", false), examiner.expectMessageClass(Examiner.WorkDone.class));
        examiner.expectMessageClass(Examiner.RequestWork.class);
    }
}
