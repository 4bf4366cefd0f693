package org.eelt.freeenergy.mb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.eelt.freeenergy.cv.Cartesian;
import org.eelt.freeenergy.cv.CvSet;
import org.eelt.protocol.atoms.MeanForceLabel;
import org.eelt.freeenergy.label.RestrainedMd;
import org.eelt.freeenergy.label.RestrainedMdSettings;
import org.eelt.freeenergy.net.FeatureMap;
import org.eelt.freeenergy.net.FreeEnergyEnsemble;
import org.eelt.freeenergy.net.FreeEnergyTrainer;
import org.eelt.freeenergy.net.TrainSettings;
import org.junit.jupiter.api.Test;

/**
 * End to end without actors: restrained-MD mean forces at random centers of the low region of the
 * Müller–Brown system, a 4-member ensemble trained on them, and the learned A against the exact
 * one on a grid: RMSE ≤ 0.3 k_BT where A_exact &lt; 10 k_BT (the acceptance level).
 */
class MullerBrownLearningTest {
    @Test
    void learnedFreeEnergyMatchesTheExactSurface() {
        double kT = MullerBrownPotential.kT();
        double amin = MullerBrownPotential.exactFreeEnergy(-0.558, 1.442);
        CvSet xy = CvSet.of(new Cartesian(0, 0), new Cartesian(0, 1));
        MullerBrownPotential mb = new MullerBrownPotential();
        SplittableRandom r = new SplittableRandom(1);
        List<MeanForceLabel> labels = new ArrayList<>();
        while (labels.size() < 200) {
            double x = -1.5 + 2.5 * r.nextDouble(), y = -0.5 + 2.5 * r.nextDouble();
            if (MullerBrownPotential.exactFreeEnergy(x, y) - amin > 13 * kT) {
                continue;
            }
            RestrainedMd.Outcome o = RestrainedMd.label(mb, mb.toString(), MullerBrownPotential.structure(x, y), null, xy,
                    new double[] {x, y}, RestrainedMdSettings.of(new double[] {100, 100}, 300, 0.001, 4000, 0.05,
                            labels.size()).withSampleEvery(4), "");
            assertTrue(o.accepted(), o.rejection());
            labels.add(o.label());
        }
        FeatureMap fm = FeatureMap.fit(new boolean[] {false, false}, labels.stream().map(MeanForceLabel::center).toList(),
                labels.stream().map(MeanForceLabel::meanForce).toList());
        FreeEnergyEnsemble e = FreeEnergyEnsemble.initial(fm, new int[] {24, 24, 24}, 4, 3);
        for (int m = 0; m < e.size(); m++) {
            e = e.withMember(m, FreeEnergyTrainer.train(e.members().get(m), labels,
                    new TrainSettings(1500, 32, 3e-3, 1e-4, m), "1").net());
        }
        double[] xs = FesGrid.linspace(-1.5, 1.0, 51), ys = FesGrid.linspace(-0.5, 2.0, 51);
        double rmse = FesGrid.of(e, xs, ys).rmseKt(FesGrid.mullerBrownExact(xs, ys), kT, 10);
        assertTrue(rmse <= 0.3, "RMSE " + rmse + " kT");
        // an untrained ensemble is far off: the check can fail
        double untrained = FesGrid.of(FreeEnergyEnsemble.initial(fm, new int[] {24, 24, 24}, 4, 3), xs, ys)
                .rmseKt(FesGrid.mullerBrownExact(xs, ys), kT, 10);
        assertTrue(untrained > 1, "untrained RMSE " + untrained + " kT");
    }
}
