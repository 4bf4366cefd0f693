package org.eelt.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DpTrainBenchTest {
    @Test
    void benchmarkRunsAndReportsTheRequiredKeys() throws Exception {
        var c = new DpTrainBench.Config(DpInferBenchTest.water(), "small", 2, 1, 1, 128);
        DpTrainBench.Result r = DpTrainBench.run(c);
        String json = r.toJson();
        for (String key : new String[] {"\"steps_per_s\"", "\"gflops\"", "\"dgemm_gflops\"", "\"ratio\"", "\"cpu_ratio\""}) {
            assertTrue(json.contains(key), json);
        }
        assertTrue(r.stepsPerS() > 0 && r.gflops() > 0 && r.dgemmGflops() > 0, json);
        assertEquals(r.gflops() / r.dgemmGflops(), r.ratio(), 1e-12);
    }
}
