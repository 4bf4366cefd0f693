package org.eelt.trainer.model;

import java.util.List;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;

/** Small random models and structures for gradient tests. */
public final class TinyModels {
    private TinyModels() {
    }

    /** Two types, embedding 1→3→3→6 (none, identity and concat skips), fitting 24→5→5→1. */
    public static DpSpec spec(boolean typeOneSide) {
        return new DpSpec(List.of("O", "H"), new int[] {3, 5}, 3.2, 1.0, new int[] {3, 3, 6}, 4,
                new int[] {5, 5}, true, true, typeOneSide);
    }

    /**
     * Two types with layers wide enough for OpenBLAS and SIMD: embedding 1→8→8→16 (none,
     * identity and concat skips), fitting 64→8→8→1.
     */
    public static DpSpec wideSpec(boolean typeOneSide) {
        return new DpSpec(List.of("O", "H"), new int[] {3, 5}, 3.2, 1.0, new int[] {8, 8, 16}, 4,
                new int[] {8, 8}, true, true, typeOneSide);
    }

    /** A random model with non-trivial davg/dstd. */
    public static DpModel model(DpSpec spec, long seed) {
        ParamLayout lay = new ParamLayout(spec);
        // small biases keep E = O(1 eV) so finite differences of ΔE² are not lost to round-off
        double[] bias = new double[spec.ntypes()];
        for (int t = 0; t < bias.length; t++) {
            bias[t] = -0.3 - 0.2 * t;
        }
        double[] p = ParamInit.draw(lay, seed, bias);
        Rng r = new Rng(seed + 1);
        double[] davg = new double[4 * spec.ntypes()];
        double[] dstd = new double[4 * spec.ntypes()];
        for (int t = 0; t < spec.ntypes(); t++) {
            // DeePMD-kit's structure: only the radial column is shifted, one std for x, y, z
            davg[4 * t] = 0.05 + 0.05 * r.nextDouble();
            dstd[4 * t] = 0.05 + 0.15 * r.nextDouble();
            double sa = 0.05 + 0.15 * r.nextDouble();
            dstd[4 * t + 1] = sa;
            dstd[4 * t + 2] = sa;
            dstd[4 * t + 3] = sa;
        }
        return new DpModel(spec, p, davg, dstd);
    }

    /** Random positions with a minimum distance of 0.9 Å, periodic (cell edge ~4 Å) or not. */
    public static Structure structure(int n, boolean periodic, long seed) {
        Rng r = new Rng(seed);
        double box = periodic ? 4.3 : 3.6;
        double[] pos = new double[3 * n];
        String[] sp = new String[n];
        Cell cell = periodic ? Cell.periodic(box, 0, 0, 0.3, box * 1.05, 0, -0.2, 0.4, box * 0.95) : Cell.nonPeriodic();
        for (int i = 0; i < n; i++) {
            sp[i] = i % 3 == 0 ? "O" : "H";
            boolean ok;
            do {
                double[] f = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
                double[] x = new double[3];
                if (periodic) {
                    cell.toCartesian(f[0], f[1], f[2], x);
                } else {
                    x = new double[] {box * f[0], box * f[1], box * f[2]};
                }
                System.arraycopy(x, 0, pos, 3 * i, 3);
                ok = true;
                for (int j = 0; j < i && ok; j++) {
                    double[] d = {pos[3 * j] - x[0], pos[3 * j + 1] - x[1], pos[3 * j + 2] - x[2]};
                    cell.minimumImage(d);
                    ok = d[0] * d[0] + d[1] * d[1] + d[2] * d[2] > 0.81;
                }
            } while (!ok);
        }
        return new Structure(sp, pos, cell);
    }
}
