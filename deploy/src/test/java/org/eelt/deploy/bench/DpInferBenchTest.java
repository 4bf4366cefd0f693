package org.eelt.deploy.bench;

import org.eelt.potential.dp.DeepPotEvaluator;
import org.eelt.potential.dp.DeepPotFlops;
import org.eelt.potential.dp.DeepPotModels;
import org.eelt.potential.dp.DpArchitecture;
import org.eelt.potential.dp.Precision;
import org.eelt.potential.neighbor.NeighborList;
import org.eelt.potential.neighbor.Neighbors;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.DeepmdNpy;
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

    /**
     * The forward-mode count, by hand from brute-force distances: every real neighbor within
     * r_c is one embedding row (values and derivatives), and each (centre type, neighbor type)
     * group with padded slots adds one shared row; contractions as in the class doc.
     */
    @Test
    void performedFlopCountIsTheHandCountOfRealNeighborsPlusOneSharedPaddedRowPerGroup() throws Exception {
        var model = DeepPotModels.random(DpArchitecture.waterExample(false), 1);
        Structure frame = DeepmdNpy.read(water()).get(0).structure();
        int[] types = frame.types(model.typeMap());
        int n = frame.size();
        int[] sel = {46, 92};
        long[][] real = new long[2][2];
        boolean[][] padded = new boolean[2][2];
        long[][] atomsWithPad = new long[2][2];
        double[] x = frame.positions();
        for (int i = 0; i < n; i++) {
            int[] count = new int[2];
            for (int j = 0; j < n; j++) {
                double[] d = {x[3 * j] - x[3 * i], x[3 * j + 1] - x[3 * i + 1], x[3 * j + 2] - x[3 * i + 2]};
                frame.cell().minimumImage(d);
                if (j != i && d[0] * d[0] + d[1] * d[1] + d[2] * d[2] < 36.0) {
                    count[types[j]]++;
                }
            }
            for (int tj = 0; tj < 2; tj++) {
                real[types[i]][tj] += Math.min(count[tj], sel[tj]);
                if (count[tj] < sel[tj]) {
                    padded[types[i]][tj] = true;
                    atomsWithPad[types[i]][tj]++;
                }
            }
        }
        long perRow = 2L * (25 + 25 * 50 + 50 * 100);
        long expected = 192L * (2L * 100 * 16 * 4 * 3 + 2 * 2L * (1600 * 240 + 240 * 240 * 2 + 240));
        long rowsTotal = 0;
        for (int ti = 0; ti < 2; ti++) {
            for (int tj = 0; tj < 2; tj++) {
                long rows = real[ti][tj] + (padded[ti][tj] ? 1 : 0);
                rowsTotal += rows;
                expected += 2 * perRow * rows + (real[ti][tj] + atomsWithPad[ti][tj]) * 2 * 100 * 4
                        + real[ti][tj] * 2 * (2 * 100 * 4);
            }
        }
        NeighborList nl = Neighbors.build(frame, model.rcut(), 0.0);
        assertEquals(expected, DeepPotFlops.performed(model, frame, nl, DeepPotEvaluator.DEFAULT_BLOCK_ATOMS, 1));
        assertTrue(rowsTotal < 192L * 138, "water at 6 Å fills only part of the 138 slots: " + rowsTotal + " rows");
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
