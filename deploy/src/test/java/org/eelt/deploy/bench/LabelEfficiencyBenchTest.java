package org.eelt.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.eelt.potential.neighbor.NeighborList;
import org.eelt.potential.neighbor.Neighbors;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;
import org.eelt.store.ExplorationSample;
import org.junit.jupiter.api.Test;

/** The label-efficiency campaign and its random baseline's pool, without running the (minutes-long) bench. */
class LabelEfficiencyBenchTest {
    private static final Path DIR = Path.of(".");

    @Test
    void theCampaignRampsTheTemperatureOverBulkVacancyAndSurfaces() {
        CampaignSpec s = CampaignSpecParser.parse(LabelEfficiencyBench.spec(40, 480), DIR);
        List<CampaignSpec.Stage> stages = s.exploration().stages();
        assertEquals(3, stages.size());
        double previous = 0;
        for (int k = 0; k < stages.size(); k++) {
            CampaignSpec.Stage st = stages.get(k);
            double hottest = st.temperatures().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertTrue(hottest > previous, "each stage explores hotter than the one before (K)");
            previous = hottest;
            assertEquals(15, st.walkers(), "12 bulk walkers and one on each other system");
            int[] started = new int[4];
            for (int w = 0; w < st.walkers(); w++) {
                started[s.startSystem(k, w)]++;
            }
            assertArrayEquals(new int[] {12, 1, 1, 1}, started, "the bulk dominates the exploration in every stage");
        }
        assertEquals("{\"bulk\": 12, \"vacancy\": 1, \"fcc100\": 1, \"fcc111\": 1}",
                LabelEfficiencyBench.walkersPerSystem(s, LabelEfficiencyBench.SYSTEM_NAMES));
        CampaignSpec balanced = CampaignSpecParser.parse(LabelEfficiencyBench.spec(40, 480, 1), DIR);
        assertEquals("{\"bulk\": 1, \"vacancy\": 1, \"fcc100\": 1, \"fcc111\": 1}",
                LabelEfficiencyBench.walkersPerSystem(balanced, LabelEfficiencyBench.SYSTEM_NAMES), "--bulk-walkers 1");
        assertEquals(1, s.labeling().workers(), "one labeler, so candidates wait and max-devi can choose among them");
        assertEquals(1.0, s.labeling().simulatedLatencyMedianS(), 0);
        assertEquals(List.of(32, 31, 36, 36), s.systems().stream().map(Structure::size).toList(),
                "bulk, vacancy cell, (100) and (111) slabs");
        assertEquals(480, s.examination().reservoirFrames());
        assertEquals(40, s.convergence().maxLabels());
        assertEquals(7.5, s.training().model().rcut(), 1e-12);
    }

    @Test
    void theTestSetCoversEverySystemAtEveryStageTemperatureEqually() {
        CampaignSpec s = CampaignSpecParser.parse(LabelEfficiencyBench.spec(40, 480), DIR);
        assertTrue(s.test().allSystems());
        List<Double> explored = s.exploration().stages().stream().flatMap(st -> st.temperatures().stream()).toList();
        assertEquals(explored, s.test().temperatures(), "the test temperatures are the explored ones");
        assertEquals(4, s.test().frames());
        List<int[]> groups = SystemBreakdown.testGroups(s, 48);
        assertEquals(4, groups.size());
        assertArrayEquals(new int[] {36, 48}, groups.get(3));
    }

    @Test
    void theModelCutoffCoversTheOracleAndSelCoversEveryNeighborShell() {
        CampaignSpec s = CampaignSpecParser.parse(LabelEfficiencyBench.spec(40, 480), DIR);
        var model = s.training().model();
        assertTrue(model.rcut() >= 7.22, "the Sutton-Chen oracle interacts out to 7.22 A");
        int most = 0;
        for (Structure st : s.systems()) {
            // a 3 % compression (hot, dense fluctuations) still fits in sel
            Structure dense = org.eelt.explorer.build.Perturbations.deform(st, new double[] {0.97, 0, 0, 0, 0.97, 0, 0, 0, 0.97});
            NeighborList nl = Neighbors.build(dense, model.rcut(), 0);
            for (int i = 0; i < dense.size(); i++) {
                most = Math.max(most, nl.end(i) - nl.start(i));
            }
        }
        assertTrue(most > 140 && most <= model.sel()[0], "neighbors within rcut: " + most + ", sel " + model.sel()[0]);
    }

    @Test
    void framesAreCountedByTheSystemTheirWalkerStartedFrom() {
        CampaignSpec s = CampaignSpecParser.parse(LabelEfficiencyBench.spec(40, 480, 1), DIR);
        SystemTally t = new SystemTally(s, SystemBreakdown.systemNames(s, LabelEfficiencyBench.SYSTEM_NAMES));
        t.add("s0-w0-abc");
        t.add("s2-w2-abc");
        t.add("s1-w3-xyz");
        t.add("s2-w3-xyz");
        t.add("bootstrap");
        assertEquals(java.util.Map.of("bulk", 1, "fcc100", 1, "fcc111", 2, "bootstrap", 1), t.counts());
        // the default exploration: walkers 0-11 of a stage on the bulk, 12-14 on the vacancy cell and the slabs
        CampaignSpec weighted = CampaignSpecParser.parse(LabelEfficiencyBench.spec(40, 480), DIR);
        SystemTally u = new SystemTally(weighted, LabelEfficiencyBench.SYSTEM_NAMES);
        List.of("s0-w0-a", "s0-w11-a", "s0-w12-a", "s1-w13-a", "s2-w14-a").forEach(u::add);
        assertEquals(java.util.Map.of("bulk", 2, "vacancy", 1, "fcc100", 1, "fcc111", 1), u.counts());
        assertEquals("s0-w0", SystemBreakdown.walkerOf("candidate=c1;walker=s0-w0;generation=2"));
        assertEquals("unknown", SystemBreakdown.walkerOf(""));
    }

    @Test
    void overridesMayNotTouchTheTestSet(@org.junit.jupiter.api.io.TempDir Path tmp) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LabelEfficiencyBench.run(tmp, 40, 12, "eelt.campaign.test.frames = 1"));
        assertTrue(e.getMessage().contains("eelt.campaign.test"), e.getMessage());
        assertEquals(List.of(), java.util.Arrays.asList(tmp.toFile().list()), "nothing ran");
    }

    @Test
    void aReusedCampaignNeedsItsSummaryAndKeepsItsFacts(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LabelEfficiencyBench.run(new LabelEfficiencyBench.Config(tmp, 40, 12, "", 100, false, true, 12)));
        assertTrue(e.getMessage().contains("summary.json"), e.getMessage());
        java.nio.file.Files.createDirectories(tmp.resolve("eelt"));
        java.nio.file.Files.writeString(tmp.resolve("eelt/summary.json"), """
                {"status": "converged", "explored": 1504, "model_versions": 20, "test_force_rmse": 0.0477317,
                 "timings": {"first_ensemble_s": 22.7}}
                """);
        assertEquals(new LabelEfficiencyBench.CampaignFacts(20, 0.0477317, 1504, "converged"),
                LabelEfficiencyBench.CampaignFacts.read(tmp.resolve("eelt")));
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
        RandomLabelSets.shuffle(shuffled, new SplittableRandom(7));
        assertEquals(samples.size(), shuffled.stream().distinct().count());
        var pool = new RandomLabelSets.LabeledPool(shuffled,
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
        // a random set shares EELT's bootstrap labels and draws the rest from the reservoir
        List<Frame> boot = List.of(four.get(3), four.get(2));
        assertEquals(List.of(four.get(3)), RandomLabelSets.withBootstrap(boot, pool, 1));
        List<Frame> five = RandomLabelSets.withBootstrap(boot, pool, 5);
        assertEquals(5, five.size());
        assertEquals(boot, five.subList(0, 2), "the bootstrap first");
        assertEquals(four.subList(0, 3), five.subList(2, 5), "then the reservoir in its shuffled order");
        String c = LabelEfficiencyBench.composition(s, samples);
        assertTrue(c.contains("\"reservoir_frames\": 6") && c.contains("\"reservoir_candidate\": 6")
                && c.contains("\"0\": 6"), c);
    }
}
