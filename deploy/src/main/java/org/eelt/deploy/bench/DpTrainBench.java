package org.eelt.deploy.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eelt.trainer.data.DeepmdSystem;
import org.eelt.trainer.data.EnergyBias;
import org.eelt.trainer.data.EnvStatistics;
import org.eelt.trainer.loss.EnergyForceVirialLoss;
import org.eelt.trainer.loss.TrainFrame;
import org.eelt.trainer.model.DpModel;
import org.eelt.trainer.model.DpSpec;
import org.eelt.trainer.model.Layer;
import org.eelt.trainer.model.ParamInit;
import org.eelt.trainer.model.ParamLayout;
import org.eelt.trainer.optim.Adam;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training-step benchmark of the se_e2_a trainer on DeePMD-kit's water data: one optimizer
 * step = energy/force loss and its exact weight gradient on one 192-atom frame + Adam.
 *
 * <p>Prints one JSON line: {@code steps_per_s}, {@code gflops} (explicit FLOP count of the
 * uncompressed network per step × steps/s), {@code dgemm_gflops} (ND4J/OpenBLAS DGEMM,
 * 1024³, same thread count) and {@code ratio} = gflops / dgemm_gflops, plus the settings.
 *
 * <p>FLOP count: for one frame, F = forward FLOPs of the dense layers over all N·N_c embedding
 * rows (padded slots included, as an uncompressed DeePMD-kit network computes them:
 * Σ_layers 2·in·out per row), plus T = (1/N_c)ĜᵀR̂ (8·M per row), D = T·T&lt;ᵀ (8·M·M₂ per atom) and
 * the fitting net (Σ 2·in·out per atom). One training step of this trainer does a value pass
 * (forward + input backward = 2F) and a dual-number pass (forward with tangents 2F, backward with
 * tangents and weight gradients 5F): 9F per frame, which is what {@code gflops} counts.
 *
 * <p>Usage: {@code DpTrainBench [--arch small|water] [--steps n] [--threads t] [--data dir]}.
 */
public final class DpTrainBench {
    private DpTrainBench() {
    }

    /** Entry point; see the class documentation for arguments. */
    public static void main(String[] args) throws Exception {
        String arch = "small";
        int steps = 10, threads = 1;
        Path data = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--arch" -> arch = args[++i];
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --arch small|water, --steps n, --threads t, --data dir");
            }
        }
        if (data == null) {
            data = findShared().resolve("data/deepmd-water/data_0");
        }
        DpSpec spec = spec(arch);
        DeepmdSystem sys = DeepmdSystem.load(data, spec.typeMap());
        double[][] st = EnvStatistics.compute(spec, List.of(sys), 10);
        ParamLayout lay = new ParamLayout(spec);
        DpModel model = new DpModel(spec, ParamInit.draw(lay, 1, EnergyBias.leastSquares(List.of(sys), spec.typeMap())),
                st[0], st[1]);
        List<TrainFrame> frames = new ArrayList<>();
        for (int k = 0; k < Math.min(sys.frames(), steps + 2); k++) {
            frames.add(sys.trainFrame(k, spec));
        }
        Adam adam = new Adam(lay.size());
        double[] p = model.parameters(), g = new double[p.length];
        double seconds;
        try (EnergyForceVirialLoss loss = new EnergyForceVirialLoss(lay, threads)) {
            for (int w = 0; w < 2; w++) {
                loss.evaluate(model, List.of(frames.get(w)), new double[] {0.02, 1000, 0}, g);
            }
            long t0 = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                loss.evaluate(model, List.of(frames.get((s + 2) % frames.size())), new double[] {0.02, 1000, 0}, g);
                adam.step(p, g, 1e-3);
                model = model.withParameters(p);
            }
            seconds = (System.nanoTime() - t0) * 1e-9;
        }
        double stepsPerS = steps / seconds;
        double flopsPerStep = 9 * forwardFlops(lay, sys.natoms());
        double gflops = stepsPerS * flopsPerStep * 1e-9;
        double dgemm = dgemmGflops(1024);
        System.out.println(String.format(Locale.ROOT,
                "{\"bench\": \"dp_train\", \"arch\": \"%s\", \"atoms\": %d, \"params\": %d, \"threads\": %d, \"steps\": %d, "
                        + "\"steps_per_s\": %.4f, \"flops_per_step\": %.4e, \"gflops\": %.3f, \"dgemm_gflops\": %.3f, \"ratio\": %.4f}",
                arch, sys.natoms(), lay.size(), threads, steps, stepsPerS, flopsPerStep, gflops, dgemm, gflops / dgemm));
    }

    /** @return the architecture: DeePMD-kit's water example, or a small one (10, 20, 40 / 4 / 60³). */
    static DpSpec spec(String arch) {
        return switch (arch) {
            case "water" -> new DpSpec(List.of("O", "H"), new int[] {46, 92}, 6.0, 0.5, new int[] {25, 50, 100}, 16,
                    new int[] {240, 240, 240}, false, true, false);
            case "small" -> new DpSpec(List.of("O", "H"), new int[] {46, 92}, 6.0, 0.5, new int[] {10, 20, 40}, 4,
                    new int[] {60, 60, 60}, false, true, false);
            default -> throw new IllegalArgumentException("--arch must be small or water, got " + arch);
        };
    }

    /** @return forward FLOPs of the uncompressed network for one frame of n atoms. */
    static double forwardFlops(ParamLayout lay, int n) {
        DpSpec s = lay.spec();
        double rows = (double) n * s.nnei();
        double emb = 0;
        for (Layer l : lay.embedding(0)) {
            emb += 2.0 * l.in() * l.out();
        }
        int m = s.embedWidth();
        double fit = 0;
        for (Layer l : lay.fitting(0)) {
            fit += 2.0 * l.in() * l.out();
        }
        return rows * (emb + 8.0 * m) + n * (8.0 * m * s.axisNeuron() + fit);
    }

    /** @return the DGEMM rate (GFLOP/s) of ND4J on n×n doubles, best of 3. */
    static double dgemmGflops(int n) {
        INDArray a = Nd4j.rand(DataType.DOUBLE, n, n), b = Nd4j.rand(DataType.DOUBLE, n, n);
        INDArray c = Nd4j.zeros(DataType.DOUBLE, n, n);
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 3; r++) {
            long t0 = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        return 2.0 * n * n * n / best * 1e-9;
    }

    private static Path findShared() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (p.resolve("shared/DESIGN.md").toFile().isFile()) {
                return p.resolve("shared");
            }
            p = p.getParent();
        }
        return Path.of("/work/shared");
    }
}
