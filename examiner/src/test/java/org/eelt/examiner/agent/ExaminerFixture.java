package org.eelt.examiner.agent;

import java.util.ArrayList;
import java.util.List;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.eelt.examiner.selection.SelectionPolicy;
import org.eelt.examiner.selection.TrustLevels;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.AtomsData;

/** Shared fixture of the examiner's work-queue tests: distinct Cu dimers and an examiner without models. */
final class ExaminerFixture {
    private ExaminerFixture() {
    }

    /** @return n Cu dimers at separations 2.0, 2.1, … Å (non-periodic), distinct structures */
    static List<AtomsData> dimers(int n) {
        List<AtomsData> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(AtomsData.of(new Structure(new String[] {"Cu", "Cu"},
                    new double[] {0, 0, 0, 2.0 + 0.1 * i, 0, 0}, Cell.nonPeriodic())));
        }
        return out;
    }

    /** @return an examiner of a 2-member ensemble (trust 0.05/0.3 eV/Å, fixed policy) that hands out seeds */
    static ActorRef<Examiner.Command> examiner(ActorTestKit kit) {
        return kit.spawn(Examiner.create(new ExaminerSettings(2, new TrustLevels(0.05, 0.3), SelectionPolicy.FIXED,
                10, 0.0, 10, 0.1, 0.01), null));
    }
}
