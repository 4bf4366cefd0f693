package org.eelt.potential.dp;

import org.eelt.potential.ForceResult;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.DeepmdNpy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tabulated ("compressed") embedding nets: exact at the nodes, accurate between, forces consistent. */
class CompressedEmbeddingsTest {
    @Test
    void tableMatchesNetAtNodesAndBetween() {
        DeepPotModel m = TestSystems.smallRandomModel(false, new int[] {6, 12}, 5);
        DenseNet net = m.descriptor().embedding(1, 0);
        EmbeddingTable t = EmbeddingTable.build(net, -2.0, 8.0, 0.01);
        int mm = net.out();
        double[] x = {-2.0, -1.99, 0.0, 0.005, 3.14159, 7.999, 8.0, 9.5, -3.0};
        double[] g = new double[x.length * mm], dg = new double[x.length * mm];
        t.eval(x, x.length, g, dg);
        double[][] exact = EmbeddingTable.valueAndDerivatives(net, x);
        for (int i = 0; i < x.length * mm; i++) {
            assertEquals(exact[0][i], g[i], 1e-12, "G at " + x[i / mm]);
            assertEquals(exact[1][i], dg[i], 1e-9, "dG/dx at " + x[i / mm]);
        }
        double[] fd = new double[mm];
        double h = 1e-6;
        double[][] p = EmbeddingTable.valueAndDerivatives(net, new double[] {1.3 + h});
        double[][] q = EmbeddingTable.valueAndDerivatives(net, new double[] {1.3 - h});
        double[][] c = EmbeddingTable.valueAndDerivatives(net, new double[] {1.3});
        for (int k = 0; k < mm; k++) {
            fd[k] = (p[0][k] - q[0][k]) / (2 * h);
            assertEquals(fd[k], c[1][k], 1e-8, "forward-mode dG/dx");
            assertEquals((p[1][k] - q[1][k]) / (2 * h), c[2][k], 1e-7, "forward-mode d²G/dx²");
        }
    }

    @Test
    void compressedWaterMatchesExactAndForcesAreGradients() throws Exception {
        DeepPotModel model = DpModelYaml.read(SharedData.file("fixtures/deepmd/deeppot_sea.yaml"));
        Structure water = DeepmdNpy.read(SharedData.file("data/deepmd-water/data_0")).get(0).structure();
        ForceResult exact = new DeepPotEvaluator(model).compute(water);
        ForceResult comp = DeepPotEvaluator.compressed(model).compute(water);
        double fmax = 0;
        for (int i = 0; i < exact.forces().length; i++) {
            fmax = Math.max(fmax, Math.abs(exact.forces()[i] - comp.forces()[i]));
        }
        double de = Math.abs(exact.energy() - comp.energy()) / water.size();
        System.out.printf("compressed vs exact (water 192, deeppot_sea, step 0.01): |ΔE|/N = %.2e eV, max|ΔF| = %.2e eV/Å%n",
                de, fmax);
        assertTrue(de < 1e-10, "energy per atom " + de);
        assertTrue(fmax < 1e-9, "forces " + fmax);

        DeepPotModel big = DeepPotModels.random(DpArchitecture.waterExample(false), 1);
        ForceResult bx = new DeepPotEvaluator(big).compute(water);
        ForceResult bc = DeepPotEvaluator.compressed(big).compute(water);
        double bf = 0;
        for (int i = 0; i < bx.forces().length; i++) {
            bf = Math.max(bf, Math.abs(bx.forces()[i] - bc.forces()[i]));
        }
        double bde = Math.abs(bx.energy() - bc.energy()) / water.size();
        System.out.printf("compressed vs exact (water 192, random [25,50,100] model): |ΔE|/N = %.2e eV, max|ΔF| = %.2e eV/Å%n",
                bde, bf);
        assertTrue(bde < 1e-8 && bf < 1e-6, bde + " " + bf);

        DeepPotModel small = TestSystems.smallRandomModel(false, new int[] {12, 24}, 7);
        DeepPotEvaluator ev = DeepPotEvaluator.compressed(small);
        Structure s = TestSystems.randomWater(4, Cell.orthorhombic(6.2, 6.2, 6.2), 1.0, 0.95, 4);
        ForceResult r = ev.compute(s);
        ForceResult rx = new DeepPotEvaluator(small).compute(s);
        double sf = 0;
        for (int i = 0; i < r.forces().length; i++) {
            sf = Math.max(sf, Math.abs(r.forces()[i] - rx.forces()[i]));
        }
        System.out.printf("compressed vs exact (small model, dstd 0.1-0.2): |ΔE| = %.2e eV, max|ΔF| = %.2e eV/Å%n",
                Math.abs(r.energy() - rx.energy()), sf);
        assertEquals(rx.energy(), r.energy(), 1e-8);
        assertTrue(sf < 1e-7, "forces " + sf);
        DeepPotEvaluator coarse = new DeepPotEvaluator(small, Precision.FLOAT64, 64, 1,
                CompressedEmbeddings.build(small.descriptor(), 0.5, 0.5));
        double coarseError = Math.abs(coarse.compute(s).energy() - rx.energy());
        System.out.printf("coarse table (step 0.5): |ΔE| = %.2e eV%n", coarseError);
        assertTrue(coarseError > 1e-12 && coarseError < 1e-2, "the table path is active and converges: " + coarseError);
        double[] pos = s.positions();
        double h = 1e-5;
        for (int k = 0; k < pos.length; k += 5) {
            double[] pp = pos.clone();
            pp[k] += h;
            double ep = ev.compute(s.withPositions(pp)).energy();
            pp[k] -= 2 * h;
            double em = ev.compute(s.withPositions(pp)).energy();
            assertEquals(-(ep - em) / (2 * h), r.forces()[k], 1e-6, "compressed force " + k);
        }
    }
}
