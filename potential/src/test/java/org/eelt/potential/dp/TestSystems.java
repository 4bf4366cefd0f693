package org.eelt.potential.dp;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;

import java.util.List;
import java.util.Random;

/** Small test structures and models. */
final class TestSystems {
    private TestSystems() {
    }

    /** Random O/H configuration with minimum distance dmin (Å) in the given cell (fractional sampling). */
    static Structure randomWater(int nO, Cell cell, double extent, double dmin, long seed) {
        Random rng = new Random(seed);
        int n = 3 * nO;
        String[] sp = new String[n];
        double[] pos = new double[3 * n];
        for (int i = 0; i < n; i++) {
            sp[i] = i < nO ? "O" : "H";
            boolean ok;
            do {
                ok = true;
                for (int k = 0; k < 3; k++) {
                    pos[3 * i + k] = extent * rng.nextDouble();
                }
                if (cell.isPeriodic()) {
                    double[] c = cell.toCartesian(new double[] {pos[3 * i] / extent, pos[3 * i + 1] / extent,
                            pos[3 * i + 2] / extent});
                    System.arraycopy(c, 0, pos, 3 * i, 3);
                }
                for (int j = 0; j < i && ok; j++) {
                    double[] d = {pos[3 * j] - pos[3 * i], pos[3 * j + 1] - pos[3 * i + 1], pos[3 * j + 2] - pos[3 * i + 2]};
                    cell.minimumImage(d);
                    ok = d[0] * d[0] + d[1] * d[1] + d[2] * d[2] > dmin * dmin;
                }
            } while (!ok);
        }
        return new Structure(sp, pos, cell);
    }

    /**
     * A small random model with resnet_dt embeddings and non-trivial statistics of the physical form
     * DeePMD-kit produces (davg zero and one dstd for the three angular columns), so it is rotation invariant.
     */
    static DeepPotModel smallRandomModel(boolean typeOneSide, int[] sel, long seed) {
        DpArchitecture arch = new DpArchitecture(List.of("O", "H"), 4.0, 1.0, sel, new int[] {4, 8, 16}, 4,
                typeOneSide, true, new int[] {12, 12}, true);
        DeepPotModel m = DeepPotModels.random(arch, seed);
        int nnei = arch.nnei();
        double[] davg = new double[2 * nnei * 4];
        double[] dstd = new double[2 * nnei * 4];
        Random rng = new Random(seed + 1);
        for (int i = 0; i < davg.length; i += 4) {
            davg[i] = 0.3 + 0.01 * rng.nextGaussian();
            dstd[i] = 0.2 * (1 + 0.1 * rng.nextDouble());
            double angular = 0.1 * (1 + 0.1 * rng.nextDouble());
            dstd[i + 1] = dstd[i + 2] = dstd[i + 3] = angular;
        }
        return DeepPotModels.withStatistics(m, davg, dstd, new double[] {-93.5, -187.1});
    }
}
