package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eelt.examiner.agent.EnsembleModels;
import org.eelt.explorer.build.Bulk;
import org.eelt.explorer.build.Perturbations;
import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.potential.builtin.SuttonChen;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.trainer.agent.TrainerSettings;
import org.eelt.trainer.agent.TrainingRound;
import org.eelt.trainer.model.DpSpec;
import org.eelt.trainer.schedule.LossPrefactors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training round on Sutton–Chen labels learns forces; a warm-started round improves on it. */
class TrainingRoundTest {
    static List<Frame> frames(int n, long seed) {
        SuttonChen sc = SuttonChen.copper();
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Structure s = Perturbations.rattle(Perturbations.strain(Bulk.fcc("Cu", 3.615, 2), 0.03, seed + i), 0.1,
                    seed + 1000 + i);
            ForceResult r = sc.compute(s);
            out.add(new Frame(s, r.energy(), r.forces(), r.virial(), null));
        }
        return out;
    }

    static double forceRmse(Potential p, List<Frame> test) {
        double s = 0;
        int n = 0;
        for (Frame f : test) {
            double[] a = p.compute(f.structure()).forces();
            for (int i = 0; i < a.length; i++) {
                s += (a[i] - f.forces()[i]) * (a[i] - f.forces()[i]);
                n++;
            }
        }
        return Math.sqrt(s / n);
    }

    @Test
    void roundsLearnForcesAndWarmStartImproves(@TempDir Path dir) throws Exception {
        DpSpec spec = new DpSpec(List.of("Cu"), new int[] {90}, 6.0, 2.0, new int[] {8, 16}, 4, new int[] {32, 32},
                false, false, true);
        TrainerSettings s = new TrainerSettings(0, spec, Long.getLong("eelt.test.steps1", 2500),
                Long.getLong("eelt.test.steps2", 300), Double.parseDouble(System.getProperty("eelt.test.lr", "1e-2")), Double.parseDouble(System.getProperty("eelt.test.lrw", "3e-3")), Double.parseDouble(System.getProperty("eelt.test.lrs", "1e-4")), LossPrefactors.defaults(), 32, true, 3, dir);
        List<Frame> train = frames(24, 10);
        List<Frame> test = frames(8, 500);
        double rms = 0;
        int n = 0;
        for (Frame f : test) {
            for (double x : f.forces()) {
                rms += x * x;
                n++;
            }
        }
        rms = Math.sqrt(rms / n);
        long t0 = System.nanoTime();
        ModelPublished m1 = TrainingRound.run(s, train, 1);
        double t1 = (System.nanoTime() - t0) * 1e-9;
        double e1 = forceRmse(EnsembleModels.potentialOf(m1), test);
        ModelPublished m2 = TrainingRound.run(s, train, 2);
        double e2 = forceRmse(EnsembleModels.potentialOf(m2), test);
        System.out.printf("force rms %.4f; round 1 (%d steps, %.1f s) test RMSE %.4f; warm round 2 %.4f eV/Å%n", rms,
                m1.steps(), t1, e1, e2);
        assertEquals(1, m1.generation());
        assertTrue(e1 < 0.25 * rms, "round 1 learns forces: RMSE " + e1 + " vs force RMS " + rms);
        assertTrue(e2 < e1, "the warm-started round improves: " + e2 + " vs " + e1);
    }
}
