package org.eelt.examiner.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.eelt.protocol.messages.AtomsData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The selection a synchronous campaign persists: {@link Examiner.GetCandidates} lists every
 * candidate not yet labeled (waiting and in flight, not finished ones), and
 * {@link Examiner.RequeueCandidates} offers stored candidates again exactly as they were.
 */
class ExaminerSelectionTest {
    static final ActorTestKit KIT = ActorTestKit.create();

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    @Test
    void listsWaitingAndInFlightCandidatesButNotFinishedOnes() {
        ActorRef<Examiner.Command> ex = ExaminerFixture.examiner(KIT);
        ex.tell(new Examiner.SeedCandidates(ExaminerFixture.dimers(4), "bootstrap"));
        TestProbe<Examiner.Candidate> labeler = KIT.createTestProbe(Examiner.Candidate.class);
        ex.tell(new Examiner.RequestWork("a", labeler.getRef()));
        Examiner.Candidate done = labeler.receiveMessage();
        ex.tell(new Examiner.WorkDone(done.id(), true));
        ex.tell(new Examiner.RequestWork("a", labeler.getRef()));
        Examiner.Candidate flying = labeler.receiveMessage();

        TestProbe<Examiner.CandidateList> lists = KIT.createTestProbe(Examiner.CandidateList.class);
        ex.tell(new Examiner.GetCandidates(lists.getRef()));
        List<Examiner.Candidate> all = lists.receiveMessage().candidates();
        assertEquals(3, all.size(), "2 waiting + 1 in flight");
        assertEquals(false, all.stream().anyMatch(c -> c.id().equals(done.id())), "a labeled candidate is not listed");
        assertEquals(true, all.stream().anyMatch(c -> c.id().equals(flying.id())), "the in-flight one is listed");
    }

    @Test
    void requeuedCandidatesAreOfferedAsTheyWere() {
        ActorRef<Examiner.Command> ex = ExaminerFixture.examiner(KIT);
        List<AtomsData> d = ExaminerFixture.dimers(2);
        List<Examiner.Candidate> stored = List.of(new Examiner.Candidate("old-1", d.get(0), "sync-i3-s0-w1", 3, 0.21),
                new Examiner.Candidate("old-2", d.get(1), "sync-i3-s0-w0", 3, 0.17));
        ex.tell(new Examiner.RequeueCandidates(stored));
        TestProbe<Examiner.Candidate> labeler = KIT.createTestProbe(Examiner.Candidate.class);
        for (Examiner.Candidate expected : stored) {
            ex.tell(new Examiner.RequestWork("a", labeler.getRef()));
            assertEquals(expected, labeler.receiveMessage(Duration.ofSeconds(5)),
                    "id, structure, walker, generation and deviation kept");
        }
        ex.tell(new Examiner.RequestWork("a", labeler.getRef()));
        labeler.expectNoMessage(Duration.ofMillis(300));
    }
}
