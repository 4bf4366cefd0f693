package org.eelt.potential.dp;

import org.eelt.potential.ForceResult;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.DeepmdNpy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Float32 evaluation against float64 on the first water frame (192 atoms) with the fixture model,
 * and sel overflow handling.
 */
class DeepPotPrecisionTest {
    @Test
    void float32AccuracyIsMeasuredAndBounded() throws Exception {
        DeepPotModel model = DpModelYaml.read(SharedData.file("fixtures/deepmd/deeppot_sea.yaml"));
        Structure water = DeepmdNpy.read(SharedData.file("data/deepmd-water/data_0")).get(0).structure();
        ForceResult r64 = new DeepPotEvaluator(model).compute(water);
        ForceResult r32 = new DeepPotEvaluator(model, Precision.FLOAT32, 64).compute(water);
        int n = water.size();
        double de = Math.abs(r32.energy() - r64.energy()) / n;
        double fmax = 0, frms = 0, fscale = 0;
        for (int i = 0; i < 3 * n; i++) {
            double d = r32.forces()[i] - r64.forces()[i];
            fmax = Math.max(fmax, Math.abs(d));
            frms += d * d;
            fscale = Math.max(fscale, Math.abs(r64.forces()[i]));
        }
        frms = Math.sqrt(frms / (3 * n));
        System.out.printf("float32 vs float64 (water 192, deeppot_sea): |ΔE|/N = %.3e eV, max|ΔF| = %.3e eV/Å, "
                + "rms ΔF = %.3e eV/Å (max|F| %.3e)%n", de, fmax, frms, fscale);
        assertTrue(de > 0, "float32 path must actually round");
        assertTrue(de < 1e-5, "energy error per atom " + de);
        assertTrue(fmax < 1e-4 * Math.max(1, fscale), "force error " + fmax);
    }

    @Test
    void selOverflowDropsFarthestNeighborsAndStillEvaluates() {
        DeepPotModel small = TestSystems.smallRandomModel(true, new int[] {2, 3}, 4);
        DeepPotModel big = TestSystems.smallRandomModel(true, new int[] {40, 80}, 4);
        Structure s = TestSystems.randomWater(6, org.eelt.protocol.atoms.Cell.orthorhombic(6.5, 6.5, 6.5), 1.0, 0.95, 2);
        int[] types = s.types(List.of("O", "H"));
        var nl = org.eelt.potential.neighbor.Neighbors.build(s, 4.0, 0);
        NeighborSelection full = NeighborSelection.build(s.positions(), types, nl, big, 0, s.size());
        NeighborSelection cut = NeighborSelection.build(s.positions(), types, nl, small, 0, s.size());
        assertEquals(0, full.dropped);
        long expectedDropped = 0;
        for (int i = 0; i < s.size(); i++) {
            int[] count = new int[2];
            for (int slot = 0; slot < full.nnei; slot++) {
                int j = full.atom[i * full.nnei + slot];
                if (j >= 0) {
                    count[types[j]]++;
                }
            }
            expectedDropped += Math.max(0, count[0] - 2) + Math.max(0, count[1] - 3);
            for (int t = 0; t < 2; t++) {
                int keep = Math.min(count[t], t == 0 ? 2 : 3);
                for (int k = 0; k < keep; k++) {
                    int fs = i * full.nnei + (t == 0 ? 0 : 40) + k;
                    int cs = i * cut.nnei + (t == 0 ? 0 : 2) + k;
                    assertEquals(full.r[fs], cut.r[cs], 0.0, "nearest neighbors are kept in order");
                }
            }
        }
        assertTrue(expectedDropped > 0);
        assertEquals(expectedDropped, cut.dropped);
        ForceResult r = new DeepPotEvaluator(small).compute(s);
        assertTrue(Double.isFinite(r.energy()));
    }
}
