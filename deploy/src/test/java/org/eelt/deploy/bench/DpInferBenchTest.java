package org.eelt.deploy.bench;

import org.eelt.potential.dp.DeepPotEvaluator;
import org.eelt.potential.dp.DeepPotFlops;
import org.eelt.potential.dp.DeepPotModels;
import org.eelt.potential.dp.DpArchitecture;
import org.eelt.potential.dp.Precision;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DpInferBenchTest {
    static Path water() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("shared/DESIGN.md"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("shared/DESIGN.md not found above the working directory");
        }
        return p.resolve("shared/data/deepmd-water/data_0");
    }

    @Test
    void flopCountOfTheWaterExampleIsTheHandCount() {
        var model = DeepPotModels.random(DpArchitecture.waterExample(false), 1);
        long perRow = 2L * (25 + 25 * 50 + 50 * 100);
        long embedding = 2 * perRow * 138;
        long tAndGram = 138L * 2 * 100 * 4 * 3 + 2L * 100 * 16 * 4 * 3;
        long fitting = 2 * 2L * (1600 * 240 + 240 * 240 * 2 + 240);
        long perAtom = embedding + tAndGram + fitting;
        assertEquals(perAtom * 192, DeepPotFlops.energyAndForces(model, new int[] {64, 128}));
    }

    @Test
    void benchmarkRunsAndReportsTheRequiredKeys() throws Exception {
        DpInferBench.Config c = new DpInferBench.Config(water(), true, Precision.FLOAT64,
                DeepPotEvaluator.DEFAULT_BLOCK_ATOMS, 2, true, 0, 1, 128, 1, 3);
        DpInferBench.Result r = DpInferBench.run(c);
        String json = r.toJson();
        for (String key : new String[] {"\"us_per_step_atom\"", "\"gflops\"", "\"dgemm_gflops\"", "\"ratio\""}) {
            assertTrue(json.contains(key), key + " in " + json);
        }
        // two evaluator threads: the per-thread CPU figures are not defined and must be JSON null, not NaN
        assertTrue(json.contains("\"thread_cpu_ms_per_step\": null"), json);
        assertTrue(json.contains("\"dgemm_thread_cpu_gflops\"") && json.contains("\"vectorized\": true"), json);
        assertTrue(!json.contains("NaN"), json);
        assertEquals(192, r.atoms());
        assertTrue(r.finite());
        assertTrue(r.gflops() > 0 && r.dgemmGflops() > 0);
        assertEquals(r.gflops() / r.dgemmGflops(), r.ratio(), 1e-12);
    }
}
