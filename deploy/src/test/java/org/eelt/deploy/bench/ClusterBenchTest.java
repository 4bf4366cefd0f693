package org.eelt.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The cluster benchmark's JSON: efficiencies are rate_n / (n·rate_1), the latency is declared simulated. */
class ClusterBenchTest {
    @Test
    void jsonCarriesRatesEfficienciesAndTheDeclaredLatencyModel() {
        ClusterBench.Config c = ClusterBench.Config.defaults(Path.of("/tmp/x"));
        ClusterBench.Result r = new ClusterBench.Result(c, List.of(
                new ClusterBench.Run(1, 80, 9.0, 8.0, 10.0, new long[] {80}, 0.21),
                new ClusterBench.Run(2, 160, 17.1, 15.0, 10.7, new long[] {81, 79}, 0.21),
                new ClusterBench.Run(4, 320, 32.4, 28.0, 11.4, new long[] {80, 80, 81, 79}, 0.21)));
        String json = r.toJson();
        assertEquals(0.95, ClusterBench.number(json, "efficiency_2"), 1e-4);
        assertEquals(0.90, ClusterBench.number(json, "efficiency_4"), 1e-4);
        assertEquals(32.4, ClusterBench.number(json, "labels_per_s_4"), 1e-9);
        assertTrue(json.contains("\"simulated\": true"), json);
        assertTrue(json.contains("\"latency_model\": \"log-normal, median 0.200 s, sigma 0.300\""), json);
        assertTrue(json.contains("\"oracle_bound_labels_per_s\": 38.0952"), json);
    }

    @Test
    void campaignOfARunLabelsExactlyItsBudget() {
        String spec = ClusterBench.campaign(ClusterBench.Config.defaults(Path.of("/tmp/x")), 160);
        assertTrue(spec.contains("bootstrap = 160") && spec.contains("max-labels = 160"), spec);
        assertTrue(spec.contains("median-s = 0.2"), spec);
    }
}
