package org.eelt.examiner.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The examiner watches the labelers that pull work: when one stops (or its node is removed from
 * the cluster) the candidates it held are offered again, and candidates reported done are not.
 */
class ExaminerRequeueTest {
    static final ActorTestKit KIT = ActorTestKit.create();

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    @Test
    void inFlightWorkOfAStoppedLabelerIsOfferedAgain() {
        ActorRef<Examiner.Command> ex = ExaminerFixture.examiner(KIT);
        ex.tell(new Examiner.SeedCandidates(ExaminerFixture.dimers(3), "bootstrap"));
        TestProbe<Examiner.Candidate> a = KIT.createTestProbe(Examiner.Candidate.class);
        TestProbe<Examiner.Candidate> b = KIT.createTestProbe(Examiner.Candidate.class);
        ex.tell(new Examiner.RequestWork("a", a.getRef()));
        Examiner.Candidate ca = a.receiveMessage();
        ex.tell(new Examiner.RequestWork("b", b.getRef()));
        Examiner.Candidate cb = b.receiveMessage();
        assertNotEquals(ca.id(), cb.id());
        ex.tell(new Examiner.WorkDone(cb.id(), true));

        a.stop(); // labeler a dies holding ca; b finished cb and then dies too
        b.stop();
        TestProbe<Examiner.Candidate> c = KIT.createTestProbe(Examiner.Candidate.class);
        Set<String> offered = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            ex.tell(new Examiner.RequestWork("c", c.getRef()));
            offered.add(c.receiveMessage(Duration.ofSeconds(5)).id());
        }
        assertEquals(2, offered.size());
        assertEquals(true, offered.contains(ca.id()), "the lost candidate is offered again");
        assertEquals(false, offered.contains(cb.id()), "a finished candidate is not offered again");
        ex.tell(new Examiner.RequestWork("c", c.getRef()));
        c.expectNoMessage(Duration.ofMillis(300));

        TestProbe<Examiner.Stats> stats = KIT.createTestProbe(Examiner.Stats.class);
        ex.tell(new Examiner.GetStats(stats.getRef()));
        Examiner.Stats s = stats.receiveMessage();
        assertEquals(0, s.queued());
        assertEquals(2, s.inFlight());
    }

    @Test
    void waitingRequestsOfAStoppedLabelerGetNoWork() {
        ActorRef<Examiner.Command> ex = ExaminerFixture.examiner(KIT);
        TestProbe<Examiner.Candidate> a = KIT.createTestProbe(Examiner.Candidate.class);
        ex.tell(new Examiner.RequestWork("a", a.getRef()));
        a.stop();
        TestProbe<Examiner.Stats> stats = KIT.createTestProbe(Examiner.Stats.class);
        ex.tell(new Examiner.GetStats(stats.getRef())); // after the stop has been processed
        stats.receiveMessage();
        TestProbe<Examiner.Candidate> b = KIT.createTestProbe(Examiner.Candidate.class);
        ex.tell(new Examiner.RequestWork("b", b.getRef()));
        ex.tell(new Examiner.SeedCandidates(ExaminerFixture.dimers(1), "bootstrap"));
        b.receiveMessage(Duration.ofSeconds(5));
        ex.tell(new Examiner.GetStats(stats.getRef()));
        assertEquals(1, stats.receiveMessage().inFlight(), "the seed went to the live labeler");
    }
}
