package org.eelt.examiner.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.eelt.examiner.deviation.ModelDeviations;
import org.eelt.examiner.selection.SelectionPolicy;
import org.eelt.examiner.selection.TrustLevels;
import org.eelt.potential.Potential;
import org.eelt.potential.builtin.SuttonChen;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.ModelPublished;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A {@link Examiner.WatchScored} observer gets every scored frame, whatever its verdict, with the
 * deviation the examiner classified it by. The ensemble is two Sutton–Chen Cu potentials whose
 * ε differs by 3 % (a real force deviation, eV/Å), so rattled fcc frames span accurate,
 * candidate and failed.
 */
class ExaminerScoredObserverTest {
    static final ActorTestKit KIT = ActorTestKit.create();

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    /** Member m is Sutton–Chen Cu with ε scaled by 1 + 0.03 m (the model text is ignored). */
    static final class TwoSuttonChen implements EnsembleScorer {
        @Override
        public Object parse(ModelPublished model) {
            SuttonChen.Parameters p = SuttonChen.copper().parameters();
            return new SuttonChen(new SuttonChen.Parameters(p.element(), p.epsilon() * (1 + 0.03 * model.member()),
                    p.c(), p.a(), p.n(), p.m(), p.rOn(), p.rCut()));
        }

        @Override
        public double deviation(List<Object> members, AtomsData frame) {
            List<Potential> ps = members.stream().map(Potential.class::cast).toList();
            return ModelDeviations.compute(0, ps, frame.toStructure()).maxDeviF();
        }
    }

    private static List<AtomsData> rattledFcc(int count) {
        double a = 3.615;
        List<Double> pos = new ArrayList<>();
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        for (int x = 0; x < 2; x++) {
            for (int y = 0; y < 2; y++) {
                for (int z = 0; z < 2; z++) {
                    for (double[] b : basis) {
                        pos.add((x + b[0]) * a);
                        pos.add((y + b[1]) * a);
                        pos.add((z + b[2]) * a);
                    }
                }
            }
        }
        SplittableRandom rng = new SplittableRandom(3);
        List<AtomsData> out = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            double amp = 0.02 + 0.08 * f; // Å: from nearly perfect to strongly rattled
            double[] p = new double[pos.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = pos.get(i) + amp * (2 * rng.nextDouble() - 1);
            }
            String[] sp = new String[p.length / 3];
            java.util.Arrays.fill(sp, "Cu");
            out.add(AtomsData.of(new Structure(sp, p, new Cell(new double[] {2 * a, 0, 0, 0, 2 * a, 0, 0, 0, 2 * a},
                    new boolean[] {true, true, true}))));
        }
        return out;
    }

    @Test
    void theObserverGetsEveryScoredFrameWithItsDeviation() {
        TwoSuttonChen scorer = new TwoSuttonChen();
        TrustLevels trust = new TrustLevels(0.01, 0.05);
        ActorRef<Examiner.Command> ex = KIT.spawn(Examiner.create(new ExaminerSettings(2, trust, SelectionPolicy.FIXED,
                100, 0.0, 100, 0.1, 0.01), null, scorer, CandidateFilter.structures(0.0)));
        TestProbe<Examiner.ScoredBatch> observer = KIT.createTestProbe(Examiner.ScoredBatch.class);
        ex.tell(new Examiner.WatchScored(observer.getRef()));
        for (int m = 0; m < 2; m++) {
            ex.tell(new Examiner.ModelArrived(new ModelPublished(m, 1, 8, "unused", 0, 0, 0, 0)));
        }
        TestProbe<Examiner.FramesExamined> walker = KIT.createTestProbe(Examiner.FramesExamined.class);
        List<AtomsData> frames = rattledFcc(12);
        ex.tell(new Examiner.FramesVisited("w0", 1, frames.subList(0, 7), walker.getRef()));
        ex.tell(new Examiner.FramesVisited("w1", 1, frames.subList(7, 12), walker.getRef()));

        int[] verdicts = new int[3];
        List<AtomsData> seen = new ArrayList<>();
        for (String w : new String[] {"w0", "w1"}) {
            Examiner.FramesExamined ack = walker.receiveMessage(Duration.ofSeconds(20));
            Examiner.ScoredBatch b = observer.receiveMessage(Duration.ofSeconds(20));
            assertEquals(w, ack.walker());
            assertEquals(w, b.walker());
            assertEquals(b.frames().size(), b.deviations().length);
            List<Object> members = List.of(scorer.parse(new ModelPublished(0, 1, 0, "", 0, 0, 0, 0)),
                    scorer.parse(new ModelPublished(1, 1, 0, "", 0, 0, 0, 0)));
            int acc = 0, cand = 0, fail = 0;
            for (int i = 0; i < b.frames().size(); i++) {
                assertEquals(scorer.deviation(members, b.frames().get(i)), b.deviations()[i], 1e-12,
                        "the deviation the examiner used, eV/Å");
                switch (trust.classify(b.deviations()[i])) {
                    case ACCURATE -> acc++;
                    case CANDIDATE -> cand++;
                    default -> fail++;
                }
            }
            assertArrayEquals(new int[] {ack.accurate(), ack.candidates(), ack.failed()}, new int[] {acc, cand, fail});
            verdicts[0] += acc;
            verdicts[1] += cand;
            verdicts[2] += fail;
            seen.addAll(b.frames());
        }
        assertEquals(frames, seen, "every frame, in scoring order");
        assertTrue(verdicts[0] > 0 && verdicts[1] > 0 && verdicts[2] > 0,
                "the frames span all three verdicts: " + java.util.Arrays.toString(verdicts));
    }
}
