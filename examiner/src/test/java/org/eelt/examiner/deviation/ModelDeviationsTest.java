package org.eelt.examiner.deviation;

import org.eelt.potential.ForceResult;
import org.eelt.potential.dp.DeepPotEvaluator;
import org.eelt.potential.dp.DeepPotModels;
import org.eelt.potential.dp.DpArchitecture;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModelDeviationsTest {
    static ForceResult result(double e, double[] f, double[] v) {
        return new ForceResult(e, f, v, new double[f.length / 3], null);
    }

    @Test
    void handComputedTwoModelsTwoAtoms() {
        ForceResult a = result(2.0, new double[] {1, 0, 0, 0, 0, 0}, new double[9]);
        ForceResult b = result(4.0, new double[] {3, 0, 0, 0, 4, 2}, new double[] {4, 0, 0, 0, -2, 0, 0, 0, 0});
        ModelDeviation d = ModelDeviations.compute(10, List.of(a, b));
        // atom 0: std(Fx) = 1 → ε = 1; atom 1: std(Fy) = 2, std(Fz) = 1 → ε = √5
        assertEquals(1.0, d.atomDeviF()[0], 1e-15);
        assertEquals(Math.sqrt(5), d.atomDeviF()[1], 1e-15);
        assertEquals(Math.sqrt(5), d.maxDeviF(), 1e-15);
        assertEquals(1.0, d.minDeviF(), 1e-15);
        assertEquals((1 + Math.sqrt(5)) / 2, d.avgDeviF(), 1e-15);
        // E/N = 1 and 2 → std 0.5
        assertEquals(0.5, d.deviE(), 1e-15);
        // Ξ/N: xx 0 vs 2 → 1; yy 0 vs −1 → 0.5; others 0
        assertEquals(1.0, d.maxDeviV(), 1e-15);
        assertEquals(0.0, d.minDeviV(), 1e-15);
        assertEquals(Math.sqrt(1.25) / 3, d.avgDeviV(), 1e-15);
        assertEquals("          10       1.000000e+00       0.000000e+00       3.726780e-01       2.236068e+00"
                + "       1.000000e+00       1.618034e+00       5.000000e-01", d.format());
    }

    @Test
    void threeModelsUsePopulationStd() {
        ForceResult a = result(0.0, new double[] {0, 0, 0}, new double[9]);
        ForceResult b = result(3.0, new double[] {1, 0, 0}, new double[9]);
        ForceResult c = result(6.0, new double[] {2, 0, 0}, new double[9]);
        ModelDeviation d = ModelDeviations.compute(0, List.of(a, b, c));
        // values 0, 1, 2: population variance 2/3
        assertEquals(Math.sqrt(2.0 / 3.0), d.maxDeviF(), 1e-15);
        // E/N values 0, 3, 6: std = 3·√(2/3)
        assertEquals(3 * Math.sqrt(2.0 / 3.0), d.deviE(), 1e-14);
    }

    @Test
    void identicalModelsGiveZeros() {
        ForceResult a = result(-12.5, new double[] {0.3, -0.2, 0.1, 1.5, 2.5, -3.5},
                new double[] {1, 2, 3, 2, 5, 6, 3, 6, 9});
        ModelDeviation d = ModelDeviations.compute(5, List.of(a, a, a, a));
        for (double v : new double[] {d.maxDeviV(), d.minDeviV(), d.avgDeviV(), d.maxDeviF(), d.minDeviF(),
                d.avgDeviF(), d.deviE()}) {
            assertEquals(0.0, v, 0.0);
        }
    }

    @Test
    void deepPotEnsembleOfIdenticalModelsHasZeroDeviationAndDifferentSeedsDoNot() {
        DpArchitecture arch = new DpArchitecture(List.of("O", "H"), 4.0, 0.5, new int[] {8, 16}, new int[] {4, 8},
                4, true, false, new int[] {8}, true);
        DeepPotEvaluator a = new DeepPotEvaluator(DeepPotModels.random(arch, 1));
        DeepPotEvaluator b = new DeepPotEvaluator(DeepPotModels.random(arch, 2));
        Structure s = new Structure(new String[] {"O", "H", "H", "O", "H", "H"},
                new double[] {0, 0, 0, 0.96, 0, 0, -0.24, 0.93, 0, 2.8, 0.1, 0.2, 3.5, 0.7, 0.1, 3.1, -0.8, 0.3},
                Cell.orthorhombic(8, 8, 8));
        ModelDeviation same = ModelDeviations.compute(0, List.of(a, a, a), s);
        assertEquals(0.0, same.maxDeviF(), 0.0);
        assertEquals(0.0, same.deviE(), 0.0);
        ModelDeviation diff = ModelDeviations.compute(0, List.of(a, b), s);
        ForceResult ra = a.compute(s), rb = b.compute(s);
        double dx = ra.forces()[0] - rb.forces()[0], dy = ra.forces()[1] - rb.forces()[1], dz = ra.forces()[2] - rb.forces()[2];
        assertEquals(0.5 * Math.sqrt(dx * dx + dy * dy + dz * dz), diff.atomDeviF()[0], 1e-12);
        assertEquals(Math.abs(ra.energy() - rb.energy()) / 12.0, diff.deviE(), 1e-12);
    }

    @Test
    void headerMatchesDeepmdColumns() {
        assertEquals("#       step         max_devi_v         min_devi_v         avg_devi_v         max_devi_f"
                + "         min_devi_f         avg_devi_f             devi_e", ModelDeviation.header());
    }

    @Test
    void mismatchedAtomCountsAreRejected() {
        ForceResult a = result(0, new double[3], new double[9]);
        ForceResult b = result(0, new double[6], new double[9]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelDeviations.compute(0, List.of(a, b)));
        assertEquals(true, e.getMessage().contains("model 1"));
        assertThrows(IllegalArgumentException.class, () -> ModelDeviations.compute(0, List.of()));
    }
}
