package org.eelt.deploy.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eelt.trainer.data.DeepmdSystem;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.eelt.trainer.data.EnergyBias;
import org.eelt.trainer.data.EnvStatistics;
import org.eelt.trainer.loss.EnergyForceVirialLoss;
import org.eelt.trainer.loss.TrainFrame;
import org.eelt.trainer.model.DpModel;
import org.eelt.trainer.model.DpSpec;
import org.eelt.trainer.model.ParamInit;
import org.eelt.trainer.model.ParamLayout;
import org.eelt.trainer.model.TrainStepFlops;
import org.eelt.trainer.optim.Adam;

/**
 * Training-step benchmark of the se_e2_a trainer on DeePMD-kit's water data: one optimizer
 * step = energy/force loss and its exact weight gradient on one 192-atom frame + Adam.
 *
 * <p>JSON keys: {@code steps_per_s}, {@code gflops} (explicit FLOP count of the uncompressed
 * network per step × steps/s), {@code dgemm_gflops} (ND4J DGEMM, {@link DgemmRate#wall})
 * and {@code ratio} = gflops / dgemm_gflops, plus the settings and
 * {@code main_thread_cpu_steps_per_s}, the rate from the calling thread's CPU time (with one
 * thread the whole step runs there), which stays meaningful on a loaded machine, and the same
 * comparison from CPU time: {@code cpu_gflops}, {@code dgemm_cpu_gflops}, {@code cpu_ratio}.
 *
 * <p>FLOP count: {@link TrainStepFlops#perFrame}, the multiply-adds (× 2) of the matrix products
 * and contractions that the step performs on the rows it actually evaluates (real neighbors
 * plus one row per padded block, as the kernel does), in its two passes (value pass for the
 * forces, dual-number pass for the gradient), averaged over the timed frames. Element-wise work
 * (tanh etc.) is not counted.
 */
public final class DpTrainBench {
    private DpTrainBench() {
    }

    /**
     * @param waterSystem deepmd/npy water system (192 atoms)
     * @param arch        "small" (10, 20, 40 / 4 / 60³) or "water" (DeePMD-kit's example, 25, 50, 100 / 16 / 240³)
     * @param warmup      untimed steps first (the JIT compiles the step's kernels meanwhile: with
     *                    only 2, C2 was still compiling during the timed steps and, on one core,
     *                    took up to a third of their wall time)
     * @param steps       timed steps
     * @param threads     loss threads (atoms of a frame split between them)
     * @param dgemmSize   square DGEMM size
     */
    public record Config(Path waterSystem, String arch, int warmup, int steps, int threads, int dgemmSize) {
        /** @return small architecture, 10 warm-up and 20 timed steps, 1 thread, DGEMM 1024. */
        public static Config defaults(Path waterSystem) {
            return new Config(waterSystem, "small", 10, 20, 1, 1024);
        }
    }

    /**
     * @param arch                    architecture name
     * @param atoms                   atoms per frame
     * @param params                  trainable parameters
     * @param threads                 loss threads
     * @param warmup                  untimed steps before the timed ones
     * @param steps                   timed steps
     * @param stepsPerS               wall-clock steps/s
     * @param flopsPerStep            counted FLOPs per step
     * @param gflops                  counted GFLOP/s
     * @param dgemmGflops             DGEMM GFLOP/s
     * @param mainThreadCpuStepsPerS  steps per CPU-second of the calling thread
     * @param dgemmCpuGflops          DGEMM GFLOP/s from the calling thread's CPU time (ND4J's DGEMM runs
     *                                on the calling thread with OMP_NUM_THREADS=1)
     */
    public record Result(String arch, int atoms, int params, int threads, int warmup, int steps, double stepsPerS,
                         double flopsPerStep, double gflops, double dgemmGflops, double mainThreadCpuStepsPerS,
                         double dgemmCpuGflops) {
        /** @return gflops / dgemm_gflops. */
        public double ratio() {
            return gflops / dgemmGflops;
        }

        /**
         * @return the same ratio from CPU time: counted FLOPs × steps per CPU-second over DGEMM's
         *         CPU-time rate (meaningful with one thread; robust when other processes share the cores)
         */
        public double cpuRatio() {
            return flopsPerStep * mainThreadCpuStepsPerS * 1e-9 / dgemmCpuGflops;
        }

        /** @return one JSON line. */
        public String toJson() {
            return String.format(Locale.ROOT, "{\"bench\": \"dp_train\", \"arch\": \"%s\", \"atoms\": %d, \"params\": %d, "
                            + "\"threads\": %d, \"warmup_steps\": %d, \"steps\": %d, \"steps_per_s\": %.4f, \"flops_per_step\": %.4e, "
                            + "\"gflops\": %.3f, \"dgemm_gflops\": %.3f, \"ratio\": %.4f, \"main_thread_cpu_steps_per_s\": %.4f, "
                            + "\"cpu_gflops\": %.3f, \"dgemm_cpu_gflops\": %.3f, \"cpu_ratio\": %.4f}",
                    arch, atoms, params, threads, warmup, steps, stepsPerS, flopsPerStep, gflops, dgemmGflops, ratio(),
                    mainThreadCpuStepsPerS, flopsPerStep * mainThreadCpuStepsPerS * 1e-9, dgemmCpuGflops, cpuRatio());
        }
    }

    /** Runs the benchmark. */
    public static Result run(Config c) throws IOException {
        DpSpec spec = spec(c.arch());
        DeepmdSystem sys = DeepmdSystem.load(c.waterSystem(), spec.typeMap());
        double[][] st = EnvStatistics.compute(spec, List.of(sys), 10);
        ParamLayout lay = new ParamLayout(spec);
        DpModel model = new DpModel(spec, ParamInit.draw(lay, 1, EnergyBias.leastSquares(List.of(sys), spec.typeMap())),
                st[0], st[1]);
        List<TrainFrame> frames = new ArrayList<>();
        for (int k = 0; k < Math.min(sys.frames(), c.steps() + c.warmup()); k++) {
            frames.add(sys.trainFrame(k, spec));
        }
        Adam adam = new Adam(lay.size());
        double[] p = model.parameters(), g = new double[p.length];
        double[] pref = {0.02, 1000, 0};
        ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
        double seconds, cpuSeconds, dgemmBefore;
        try (EnergyForceVirialLoss loss = new EnergyForceVirialLoss(lay, c.threads())) {
            for (int w = 0; w < c.warmup(); w++) {
                loss.evaluate(model, List.of(frames.get(w % frames.size())), pref, g);
            }
            dgemmBefore = DgemmRate.wall(c.dgemmSize(), 3);
            long t0 = System.nanoTime(), c0 = tmx.getCurrentThreadCpuTime();
            for (int s = 0; s < c.steps(); s++) {
                loss.evaluate(model, List.of(frames.get((s + c.warmup()) % frames.size())), pref, g);
                adam.step(p, g, 1e-3);
                model = model.withParameters(p);
            }
            seconds = (System.nanoTime() - t0) * 1e-9;
            cpuSeconds = (tmx.getCurrentThreadCpuTime() - c0) * 1e-9;
        }
        double stepsPerS = c.steps() / seconds;
        double flops = 0;
        for (int s = 0; s < c.steps(); s++) {
            flops += TrainStepFlops.perFrame(lay, frames.get((s + c.warmup()) % frames.size()).env());
        }
        double flopsPerStep = flops / c.steps();
        return new Result(c.arch(), sys.natoms(), lay.size(), c.threads(), c.warmup(), c.steps(), stepsPerS, flopsPerStep,
                stepsPerS * flopsPerStep * 1e-9, Math.max(dgemmBefore, DgemmRate.wall(c.dgemmSize(), 3)),
                c.steps() / cpuSeconds,
                DgemmRate.threadCpu(c.dgemmSize(), 3));
    }

    /** @return the architecture: DeePMD-kit's water example, or a small one (10, 20, 40 / 4 / 60³). */
    public static DpSpec spec(String arch) {
        return switch (arch) {
            case "water" -> new DpSpec(List.of("O", "H"), new int[] {46, 92}, 6.0, 0.5, new int[] {25, 50, 100}, 16,
                    new int[] {240, 240, 240}, false, true, false);
            case "small" -> new DpSpec(List.of("O", "H"), new int[] {46, 92}, 6.0, 0.5, new int[] {10, 20, 40}, 4,
                    new int[] {60, 60, 60}, false, true, false);
            default -> throw new IllegalArgumentException("arch must be small or water, got " + arch);
        };
    }

    /**
     * Runs on {@code args[0]} (default ../shared/data/deepmd-water/data_0) and prints JSON; further
     * arguments: arch (small/water), steps, threads.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/deepmd-water/data_0");
        Config d = Config.defaults(dir);
        Config c = new Config(dir, args.length > 1 ? args[1] : d.arch(), d.warmup(),
                args.length > 2 ? Integer.parseInt(args[2]) : d.steps(),
                args.length > 3 ? Integer.parseInt(args[3]) : d.threads(), d.dgemmSize());
        System.out.println(run(c).toJson());
    }
}
