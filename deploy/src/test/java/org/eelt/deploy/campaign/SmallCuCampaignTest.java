package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The HOCON written by {@link SmallCuCampaign} parses to the campaign it was given. */
class SmallCuCampaignTest {
    private static final Path BASE = Path.of(".");

    @Test
    void everySettingReachesTheParsedSpec() {
        CampaignSpec s = CampaignSpecParser.parse(SmallCuCampaign.named("full").mode("sync").seed(17)
                .strains(-0.03, 0, 0.03).chunks(30, 6).failedBatchesRestart(2).maxInFlight(3)
                .stage(new double[] {300, 750.5}, 3, 12345)
                .examination(0.07, 0.45, 5)
                .labeling("sutton-chen:", 2).timeoutS(12.5).retries(2, 0.3).simulatedLatency(0.25, 0.4)
                .model(4.5, 2, 8, 12).firstRoundSteps(300).rounds(70, 5)
                .initialData(6, 0.01).accuracy(0.95, 150).budget(42, 77.5)
                .test(new double[] {300, 600}, 3).testSpacing(40, 9).hocon(), BASE);
        assertEquals("full", s.name());
        assertEquals(CampaignSpec.Mode.SYNC, s.mode());
        assertEquals(17, s.seed());
        assertEquals(List.of("Cu"), s.typeMap());
        assertEquals(3, s.systems().size(), "one 32-atom cell per strain");
        assertEquals(32, s.systems().get(0).size());
        CampaignSpec.Exploration e = s.exploration();
        assertEquals(List.of(new CampaignSpec.Stage(List.of(300.0, 750.5), 3, 12345)), e.stages());
        assertEquals(30, e.chunkSteps());
        assertEquals(6, e.sampleInterval());
        assertEquals(2, e.failedBatchesRestart());
        assertEquals(3, e.maxInFlight());
        assertEquals(0.07, s.examination().trust().lo());
        assertEquals(0.45, s.examination().trust().hi());
        assertEquals(5, s.examination().maxCandidatesPerModel());
        assertEquals(0.02, s.examination().dedupeThreshold());
        CampaignSpec.Labeling l = s.labeling();
        assertEquals("sutton-chen:", l.oracle());
        assertEquals(2, l.workers());
        assertEquals(12.5, l.timeoutS());
        assertEquals(2, l.retries());
        assertEquals(0.3, l.backoffS());
        assertEquals(0.25, l.simulatedLatencyMedianS());
        assertEquals(0.4, l.simulatedLatencySigma());
        CampaignSpec.Training t = s.training();
        assertEquals(2, t.ensembleSize());
        assertEquals(4.5, t.model().rcut());
        assertEquals(2, t.model().axisNeuron());
        assertArrayEquals(new int[] {8, 12}, t.model().fitting());
        assertArrayEquals(new int[] {60}, t.model().sel());
        assertEquals(300, t.firstRoundSteps());
        assertEquals(70, t.stepsPerRound());
        assertEquals(5, t.triggerNewLabels());
        assertEquals(new CampaignSpec.InitialData(List.of(), 6, 0.05, 0.01), s.initialData());
        assertEquals(new CampaignSpec.Convergence(0.95, 150, 42, 77.5), s.convergence());
        assertEquals(List.of(300.0, 600.0), s.test().temperatures());
        assertEquals(3, s.test().frames());
        assertEquals(40, s.test().equilibrationSteps());
        assertEquals(9, s.test().stepsBetween());
    }

    @Test
    void keysLeftUnsetTakeTheParserDefaults() {
        String text = SmallCuCampaign.named("minimal").budget(10, 60).hocon();
        for (String key : List.of("mode", "strains", "chunk-steps", "examination", "timeout-s", "simulated-latency",
                "steps-per-round", "trigger", "accurate-ratio", "equilibration-steps")) {
            assertFalse(text.contains(key + " "), key + " is left out: " + text);
        }
        CampaignSpec s = CampaignSpecParser.parse(text, BASE);
        CampaignSpec d = CampaignSpecParser.parse("eelt.campaign { name = d, type-map = [Cu],"
                + " systems = [{builder = fcc, element = Cu, a = 3.615, repeat = 2}],"
                + " exploration { stages = [{temperatures = [300], walkers = 1, steps-per-walker = 1000}] },"
                + " labeling { oracle = \"sutton-chen:\" }, training { model { sel = [60] } } }", BASE);
        assertEquals(d.labeling().timeoutS(), s.labeling().timeoutS());
        assertEquals(d.exploration().chunkSteps(), s.exploration().chunkSteps());
        assertEquals(d.examination().trust(), s.examination().trust());
        assertEquals(d.convergence().accurateRatio(), s.convergence().accurateRatio());
        assertEquals(1, s.systems().size(), "no strains: the one unstrained cell");
    }

    @Test
    void labelingIsOneReplaceableLine() {
        String text = SmallCuCampaign.named("r").labeling("sutton-chen:", 1).timeoutS(30).budget(5, 20).hocon();
        String line = "labeling { oracle = \"sutton-chen:\", workers = 1, timeout-s = 30 }";
        assertTrue(text.contains(line), text);
        CampaignSpec s = CampaignSpecParser.parse(text.replace(line, "labeling { oracle = \"sutton-chen:\","
                + " workers = 3, quarantine-after = 4 }"), BASE);
        assertEquals(3, s.labeling().workers());
        assertEquals(4, s.labeling().quarantineAfter());
    }
}
