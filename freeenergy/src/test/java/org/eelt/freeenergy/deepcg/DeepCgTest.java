package org.eelt.freeenergy.deepcg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.eelt.potential.ForceResult;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;
import org.eelt.trainer.TrainListener;
import org.eelt.trainer.TrainOptions;
import org.eelt.trainer.TrainResult;
import org.eelt.trainer.Trainer;
import org.eelt.trainer.config.DataConfig;
import org.eelt.trainer.config.TrainConfig;
import org.eelt.trainer.data.DeepmdSystem;
import org.eelt.trainer.model.DpModel;
import org.eelt.trainer.model.DpSpec;
import org.eelt.trainer.schedule.LearningRate;
import org.eelt.trainer.schedule.LossPrefactors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DeePCG path: a free energy over the positions of equivalent coarse-grained sites, learned
 * with the trainer module's DeepPot-SE from mean forces alone (energy prefactor 0), is invariant
 * under relabeling of the sites, and its force is −∇A.
 *
 * <p>Stand-in mean forces: 8 "O" sites in a 7 Å periodic box with the smooth pair free energy
 * A = Σ_{i&lt;j} a·exp(−r²/(2w²))·(1 − (r/r_c)²)² (a = 0.5 eV, w = 1 Å, r_c = 4 Å), whose forces
 * f = −∇A are exact. The trainer requires an energy column; it is 0 for every frame and does not
 * enter the loss (p_e = 0), so the model learns A from forces only.
 */
class DeepCgTest {
    static final double BOX = 7.0, A = 0.5, W = 1.0, RC = 4.0;

    @TempDir
    Path tmp;

    /** @return {A, forces...} of the stand-in pair free energy (eV, eV/Å). */
    static double[] pairFreeEnergy(Structure s) {
        int n = s.size();
        double[] x = s.positions();
        double[] out = new double[1 + 3 * n];
        double[] d = new double[3];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                for (int k = 0; k < 3; k++) {
                    d[k] = x[3 * j + k] - x[3 * i + k];
                }
                s.cell().minimumImage(d);
                double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                if (r2 >= RC * RC) {
                    continue;
                }
                double g = A * Math.exp(-r2 / (2 * W * W)), c = 1 - r2 / (RC * RC);
                out[0] += g * c * c;
                // dA/d(r2) = g·[−c²/(2w²) − 2c/rc²]; dA/dx_j = 2 d · dA/d(r2)
                double dr2 = g * (-c * c / (2 * W * W) - 2 * c / (RC * RC));
                for (int k = 0; k < 3; k++) {
                    out[1 + 3 * j + k] -= 2 * d[k] * dr2;
                    out[1 + 3 * i + k] += 2 * d[k] * dr2;
                }
            }
        }
        return out;
    }

    static Structure sites(SplittableRandom r) {
        double[] x = new double[24];
        int placed = 0;
        Cell cell = Cell.orthorhombic(BOX, BOX, BOX);
        while (placed < 8) {
            double[] p = {BOX * r.nextDouble(), BOX * r.nextDouble(), BOX * r.nextDouble()};
            boolean ok = true;
            for (int j = 0; j < placed && ok; j++) {
                double[] d = {p[0] - x[3 * j], p[1] - x[3 * j + 1], p[2] - x[3 * j + 2]};
                cell.minimumImage(d);
                ok = d[0] * d[0] + d[1] * d[1] + d[2] * d[2] > 1.2 * 1.2;
            }
            if (ok) {
                System.arraycopy(p, 0, x, 3 * placed++, 3);
            }
        }
        String[] sp = new String[8];
        java.util.Arrays.fill(sp, "O");
        return new Structure(sp, x, cell);
    }

    static double forceRmse(DpModel m, List<Structure> frames) {
        double sq = 0;
        int n = 0;
        for (Structure s : frames) {
            double[] f = m.compute(s).forces(), ref = pairFreeEnergy(s);
            for (int k = 0; k < f.length; k++) {
                sq += (f[k] - ref[1 + k]) * (f[k] - ref[1 + k]);
                n++;
            }
        }
        return Math.sqrt(sq / n);
    }

    @Test
    void forceOnlyTrainingOnCgSitesGivesAPermutationInvariantFreeEnergy() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        List<Frame> frames = new ArrayList<>();
        List<Structure> test = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            Structure s = sites(r);
            double[] a = pairFreeEnergy(s);
            frames.add(new Frame(s, 0.0, java.util.Arrays.copyOfRange(a, 1, a.length), null, null));
        }
        for (int k = 0; k < 5; k++) {
            test.add(sites(r));
        }
        DpSpec spec = new DpSpec(List.of("O"), new int[] {16}, RC, 0.5, new int[] {4, 8}, 4, new int[] {16, 16},
                false, false, true);
        long steps = 400;
        TrainConfig config = new TrainConfig(spec, 1, 2, LearningRate.exp(5e-3, 5e-4, 20, steps),
                new LossPrefactors(0, 0, 1, 1, 0, 0), new DataConfig(List.of(), 0, new int[] {2}, 1), null, steps, 7,
                tmp.resolve("lcurve.out"), (int) steps, (int) steps, tmp.resolve("model.ckpt"));
        List<DeepmdSystem> systems = List.of(DeepmdSystem.fromFrames("cg-sites", frames, spec.typeMap()));
        DpModel initial = Trainer.initialModel(config, systems);
        TrainResult result = Trainer.train(config, TrainListener.NONE, TrainOptions.fresh(), systems, List.of());
        DpModel model = result.model();
        double before = forceRmse(initial, test), after = forceRmse(model, test);
        assertTrue(after < 0.5 * before, "force RMSE on unseen configurations " + before + " -> " + after + " eV/Å");

        // relabeling equivalent sites leaves A unchanged and permutes the forces
        int[] perm = {5, 2, 7, 0, 3, 6, 1, 4};
        for (Structure s : test) {
            double[] x = s.positions(), px = new double[24];
            for (int i = 0; i < 8; i++) {
                System.arraycopy(x, 3 * perm[i], px, 3 * i, 3);
            }
            ForceResult a = model.compute(s), b = model.compute(s.withPositions(px));
            assertEquals(a.energy(), b.energy(), 1e-10, "A under relabeling");
            for (int i = 0; i < 8; i++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(a.forces()[3 * perm[i] + k], b.forces()[3 * i + k], 1e-10, "force of site " + i);
                }
            }
        }
        // force = −∇A by central differences
        Structure s = test.get(0);
        ForceResult fr = model.compute(s);
        double[] x = s.positions();
        double h = 1e-5;
        for (int k = 0; k < x.length; k++) {
            double[] xp = x.clone(), xm = x.clone();
            xp[k] += h;
            xm[k] -= h;
            double fd = -(model.compute(s.withPositions(xp)).energy() - model.compute(s.withPositions(xm)).energy()) / (2 * h);
            assertEquals(fd, fr.forces()[k], 1e-6, "dA/dx_" + k);
        }
        // the stand-in's own forces are −∇A too (the labels are exact mean forces)
        double[] ref = pairFreeEnergy(s);
        double[] xp = x.clone(), xm = x.clone();
        xp[4] += h;
        xm[4] -= h;
        assertEquals(-(pairFreeEnergy(s.withPositions(xp))[0] - pairFreeEnergy(s.withPositions(xm))[0]) / (2 * h), ref[5],
                1e-7);
    }
}
