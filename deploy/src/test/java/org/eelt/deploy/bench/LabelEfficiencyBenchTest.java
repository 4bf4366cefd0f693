package org.eelt.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.eelt.deploy.campaign.CampaignSpec;
import org.eelt.deploy.campaign.CampaignSpecParser;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.spec.Oracles;
import org.eelt.potential.builtin.SuttonChen;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;
import org.eelt.store.ExplorationSample;
import org.junit.jupiter.api.Test;

/** The label-efficiency campaign and its random baseline's pool, without running the (minutes-long) bench. */
class LabelEfficiencyBenchTest {
    private static final Path DIR = Path.of(".");

    @Test
    void theCampaignRampsTheTemperatureAndKeepsTheCampaignBenchTestSet() {
        CampaignSpec s = CampaignSpecParser.parse(LabelEfficiencyBench.spec(40, 480), DIR);
        List<CampaignSpec.Stage> stages = s.exploration().stages();
        assertEquals(4, stages.size());
        double previous = 0;
        for (CampaignSpec.Stage st : stages) {
            double hottest = st.temperatures().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertTrue(hottest > previous, "each stage explores hotter than the one before (K)");
            previous = hottest;
            assertEquals(3, st.walkers(), "one walker per strained cell");
        }
        assertEquals(480, s.examination().reservoirFrames());
        assertEquals(40, s.convergence().maxLabels());
        // the independent test set as the bench always had it: 4 oracle-MD frames at each of 300/600/900 K
        assertEquals(List.of(300.0, 600.0, 900.0), s.test().temperatures());
        assertEquals(4, s.test().frames());
        assertEquals(100, s.test().equilibrationSteps());
        assertEquals(25, s.test().stepsBetween());
        assertEquals(3, s.systems().size(), "the 32-atom cell at -3, 0 and +3 % strain");
    }

    @Test
    void overridesMayNotTouchTheTestSet(@org.junit.jupiter.api.io.TempDir Path tmp) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LabelEfficiencyBench.run(tmp, 40, 12, "eelt.campaign.test.frames = 1"));
        assertTrue(e.getMessage().contains("eelt.campaign.test"), e.getMessage());
        assertEquals(List.of(), java.util.Arrays.asList(tmp.toFile().list()), "nothing ran");
    }

    @Test
    void theRandomPoolIsTheReservoirLabeledByTheOracleInItsShuffledOrder() {
        CampaignSpec s = CampaignSpecParser.parse(LabelEfficiencyBench.spec(40, 480), DIR);
        List<ExplorationSample> samples = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 6; i++) {
            Structure st = s.systems().get(i % s.systems().size());
            double[] p = st.positions().clone();
            for (int k = 0; k < p.length; k++) {
                p[k] += 0.05 * (2 * rng.nextDouble() - 1);
            }
            samples.add(new ExplorationSample(i, "s0-w0-x", 1, 0.2, st.withPositions(p)));
        }
        List<ExplorationSample> shuffled = new ArrayList<>(samples);
        LabelEfficiencyBench.shuffle(shuffled, new SplittableRandom(7));
        assertEquals(samples.size(), shuffled.stream().distinct().count());
        var pool = new LabelEfficiencyBench.LabeledPool(shuffled,
                Oracles.create("sutton-chen:", OracleSettings.defaults()), s.typeMap());
        List<Frame> four = new ArrayList<>(pool.first(4));
        assertEquals(4, four.size());
        assertEquals(four, pool.first(6).subList(0, 4), "a larger set extends the smaller one");
        for (int i = 0; i < 4; i++) {
            assertEquals(shuffled.get(i).structure(), four.get(i).structure());
            var ref = SuttonChen.copper().compute(four.get(i).structure());
            assertEquals(ref.energy(), four.get(i).energy(), 1e-9, "the oracle's energy, eV");
        }
        assertEquals(0, pool.failed());
        String c = LabelEfficiencyBench.composition(s, samples);
        assertTrue(c.contains("\"reservoir_frames\": 6") && c.contains("\"reservoir_candidate\": 6")
                && c.contains("\"0\": 6"), c);
    }
}
