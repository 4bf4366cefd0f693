package org.eelt.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eelt.deploy.campaign.CampaignSpec;
import org.eelt.deploy.campaign.CampaignSpecParser;
import org.junit.jupiter.api.Test;

class CampaignBenchTest {
    @Test
    void jsonHasTheKeysAndDeclaresTheSimulatedLatency() {
        CampaignBench.Config c = CampaignBench.Config.defaults(Path.of("/tmp/x"));
        CampaignBench.Result r = new CampaignBench.Result(c, new CampaignBench.Run("async", 100, 40, 0.05, 0.9, 48,
                java.util.Map.of("first_ensemble_s", 12.5)),
                new CampaignBench.Run("sync", 150, 80, 0.06, 0.5, 48, java.util.Map.of("phase_s",
                        java.util.Map.of("tail", 7.25))), 0.06);
        String json = r.toJson();
        for (String key : new String[] {"\"async_wall_s\": 40.000", "\"sync_wall_s\": 80.000", "\"ratio\": 0.5000",
                "\"async_labeler_utilization\": 0.9000", "\"sync_labeler_utilization\": 0.5000"}) {
            assertTrue(json.contains(key), key + " in " + json);
        }
        assertTrue(json.contains("SIMULATED log-normal"));
        assertTrue(json.contains("\"async_timings\": {\"first_ensemble_s\": 12.5000}"), json);
        assertTrue(json.contains("\"jvm_warmup_s\": 0.000"), json);
        assertTrue(json.contains("\"sync_timings\": {\"phase_s\": {\"tail\": 7.25000}}"), json);
    }

    @Test
    void randomSnapshotsAreOracleLabeledMdFrames() {
        CampaignBench.Config c = CampaignBench.Config.defaults(Path.of("."));
        CampaignSpec spec = CampaignSpecParser.parse(CampaignBench.spec(c, "async"), Path.of("."));
        var oracle = org.eelt.labeler.spec.Oracles.create("sutton-chen:", org.eelt.labeler.oracle.OracleSettings.defaults());
        var frames = RandomLabelSets.oracleMdSnapshots(spec, oracle, 12);
        assertEquals(12, frames.size());
        for (var f : frames) {
            var r = org.eelt.potential.builtin.SuttonChen.copper().compute(f.structure());
            assertEquals(r.energy(), f.energy(), 1e-9, "labels are the oracle's (eV)");
        }
    }

    @Test
    void bothModesUseTheSameCampaignExceptTheMode() {
        CampaignBench.Config c = CampaignBench.Config.defaults(Path.of("."));
        CampaignSpec a = CampaignSpecParser.parse(CampaignBench.spec(c, "async"), Path.of("."));
        CampaignSpec s = CampaignSpecParser.parse(CampaignBench.spec(c, "sync"), Path.of("."));
        assertEquals(CampaignSpec.Mode.ASYNC, a.mode());
        assertEquals(CampaignSpec.Mode.SYNC, s.mode());
        assertEquals(a.labeling(), s.labeling());
        assertEquals(a.convergence(), s.convergence());
        assertEquals(c.latencyMedianS(), a.labeling().simulatedLatencyMedianS(), 0);
    }
}
