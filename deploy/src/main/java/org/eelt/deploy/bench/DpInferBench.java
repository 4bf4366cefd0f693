package org.eelt.deploy.bench;

import org.eelt.potential.ForceResult;
import org.eelt.potential.dp.CompressedEmbeddings;
import org.eelt.potential.dp.DeepPotEvaluator;
import org.eelt.potential.dp.DeepPotFlops;
import org.eelt.potential.dp.DeepPotModel;
import org.eelt.potential.dp.DeepPotModels;
import org.eelt.potential.dp.DpArchitecture;
import org.eelt.potential.dp.Precision;
import org.eelt.potential.dp.VectorMath;
import org.eelt.potential.neighbor.NeighborList;
import org.eelt.potential.neighbor.CellListNeighbors;
import org.eelt.potential.neighbor.Neighbors;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.DeepmdNpy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Deep Potential inference benchmark: energy + forces of one water frame (192 atoms, first frame
 * of DeePMD-kit's water example {@code data_0}) with a randomly initialised model of the example
 * architecture (sel [46, 92], r_c 6 Å, r_s 0.5 Å, embedding [25, 50, 100], axis 16, fitting
 * [240, 240, 240]). The rate in GFLOP/s uses {@link DeepPotFlops}: the multiply-adds the
 * evaluation performs (forward mode: real neighbor rows and one shared row per padded group,
 * {@link DeepPotFlops#performed}); for the reverse mode, float32 and the compressed model the
 * all-slot count of the uncompressed network ({@link DeepPotFlops#energyAndForces}, so the
 * compressed rate is an effective one). The DGEMM rate is measured by ND4J in the same JVM on a square product of size
 * {@code dgemmSize}, so {@code ratio} = gflops / dgemm_gflops says how close inference runs to
 * the machine's dense-matrix speed. The neighbor list is built once outside the timed loop.
 */
public final class DpInferBench {
    /** Untimed evaluations before the timed ones, by default. */
    public static final int DEFAULT_WARMUP = 60;

    private DpInferBench() {
    }

    /**
     * @param config         what to run
     * @return the measured figures
     * @throws IOException when the water system cannot be read
     */
    public static Result run(Config config) throws IOException {
        Structure frame = DeepmdNpy.read(config.waterSystem()).get(0).structure();
        DeepPotModel model = DeepPotModels.random(DpArchitecture.waterExample(config.typeOneSide()), config.seed());
        DeepPotEvaluator ev = new DeepPotEvaluator(model, config.precision(), config.blockAtoms(), config.threads(),
                config.compressed() ? CompressedEmbeddings.build(model.descriptor(), CompressedEmbeddings.DEFAULT_R_MIN,
                        CompressedEmbeddings.DEFAULT_STEP) : null);
        NeighborList nl = Neighbors.build(frame, model.rcut(), 0.0);
        int[] types = frame.types(model.typeMap());
        int[] perType = new int[model.ntypes()];
        for (int t : types) {
            perType[t]++;
        }
        long nominalFlops = DeepPotFlops.energyAndForces(model, perType);
        boolean forwardMode = !config.compressed() && config.precision() == Precision.FLOAT64
                && DeepPotEvaluator.forwardMode();
        long flops = forwardMode ? DeepPotFlops.performed(model, frame, nl, config.blockAtoms(), config.threads())
                : nominalFlops;
        double sink = 0;
        for (int i = 0; i < config.warmup(); i++) {
            sink += ev.compute(frame, nl).energy();
        }
        // the wall-time reference is the better of a series before and one after the timed steps
        double dgemmBefore = DgemmRate.wall(config.dgemmSize(), config.dgemmReps());
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        java.lang.management.ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        long c0 = os.getProcessCpuTime();
        long tc0 = tm.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < config.steps(); i++) {
            ForceResult r = ev.compute(frame, nl);
            sink += r.forces()[0];
        }
        double seconds = (System.nanoTime() - t0) * 1e-9 / config.steps();
        double cpuSeconds = (os.getProcessCpuTime() - c0) * 1e-9 / config.steps();
        double threadCpuSeconds = (tm.getCurrentThreadCpuTime() - tc0) * 1e-9 / config.steps();
        double dgemm = Math.max(dgemmBefore, DgemmRate.wall(config.dgemmSize(), config.dgemmReps()));
        double dgemmCpu = DgemmRate.threadCpu(config.dgemmSize(), config.dgemmReps());
        int n = frame.size();
        double gflops = flops / seconds * 1e-9;
        return new Result(n, config.threads(), config.blockAtoms(), config.compressed(), config.typeOneSide(), config.precision().name().toLowerCase(Locale.ROOT), config.steps(),
                seconds * 1e6 / n, seconds * 1e3, cpuSeconds * 1e3, flops / cpuSeconds * 1e-9,
                config.threads() == 1 ? threadCpuSeconds * 1e3 : Double.NaN, dgemmCpu, VectorMath.vectorized(), flops,
                nominalFlops, gflops, dgemm, gflops / dgemm, config.dgemmSize(),
                Runtime.getRuntime().availableProcessors(), System.getenv().getOrDefault("OMP_NUM_THREADS", ""),
                Double.isFinite(sink));
    }

    /**
     * Evaluates energy + forces once on the water frame replicated na×nb×nc times (192·na·nb·nc
     * atoms, cell-list neighbors) and reports the time and the peak Java heap, to check that
     * large frames stay within memory (blocks of {@code blockAtoms} centre atoms).
     *
     * @return JSON with atoms, seconds, peak_heap_mb (sum of the heap pools' peaks since the start
     * of the evaluation, an upper bound) and energy_per_atom
     */
    public static String largeFrame(Path waterSystem, int na, int nb, int nc, boolean typeOneSide, int blockAtoms)
            throws IOException {
        Structure frame = replicate(DeepmdNpy.read(waterSystem).get(0).structure(), na, nb, nc);
        DeepPotModel model = DeepPotModels.random(DpArchitecture.waterExample(typeOneSide), 1);
        DeepPotEvaluator ev = new DeepPotEvaluator(model, Precision.FLOAT64, blockAtoms);
        NeighborList nl = CellListNeighbors.build(frame, model.rcut(), 0.0);
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long t0 = System.nanoTime();
        ForceResult r = ev.compute(frame, nl);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return String.format(Locale.ROOT, "{\"benchmark\": \"dp-infer-large\", \"atoms\": %d, \"block_atoms\": %d, "
                        + "\"seconds\": %.2f, \"us_per_step_atom\": %.1f, \"peak_heap_mb\": %.0f, "
                        + "\"max_heap_mb\": %.0f, \"energy_per_atom\": %.6f}",
                frame.size(), blockAtoms, seconds, seconds * 1e6 / frame.size(), peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0, r.energy() / frame.size());
    }

    /** @return the structure replicated na×nb×nc times along its cell vectors. */
    static Structure replicate(Structure s, int na, int nb, int nc) {
        double[] h = s.cell().matrix();
        int n = s.size();
        int copies = na * nb * nc;
        String[] sp = new String[n * copies];
        double[] pos = new double[3 * n * copies];
        double[] p = s.positions();
        int k = 0;
        for (int a = 0; a < na; a++) {
            for (int b = 0; b < nb; b++) {
                for (int c = 0; c < nc; c++) {
                    for (int i = 0; i < n; i++) {
                        sp[k] = s.species(i);
                        for (int x = 0; x < 3; x++) {
                            pos[3 * k + x] = p[3 * i + x] + a * h[x] + b * h[3 + x] + c * h[6 + x];
                        }
                        k++;
                    }
                }
            }
        }
        double[] big = {na * h[0], na * h[1], na * h[2], nb * h[3], nb * h[4], nb * h[5], nc * h[6], nc * h[7], nc * h[8]};
        return new Structure(sp, pos, new Cell(big, s.cell().pbc()));
    }

    /** @return v with the given decimals, or JSON null when v is not finite. */
    private static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "null";
    }

    /**
     * @param waterSystem  deepmd/npy system directory (192-atom water)
     * @param typeOneSide  embedding per neighbor type only (true) or per type pair
     * @param precision    arithmetic precision
     * @param blockAtoms   centre atoms per block
     * @param threads      blocks evaluated concurrently
     * @param compressed   tabulated embedding nets (model compression) instead of the exact nets
     * @param warmup       untimed evaluations
     * @param steps        timed evaluations
     * @param dgemmSize    square DGEMM size
     * @param dgemmReps    DGEMM repetitions (best is kept)
     * @param seed         model initialisation seed
     */
    public record Config(Path waterSystem, boolean typeOneSide, Precision precision, int blockAtoms, int threads,
                         boolean compressed, int warmup,
                         int steps, int dgemmSize, int dgemmReps, long seed) {
        /** @return the default configuration for a water system directory. */
        public static Config defaults(Path waterSystem) {
            return new Config(waterSystem, false, Precision.FLOAT64, DeepPotEvaluator.DEFAULT_BLOCK_ATOMS, 1, false,
                    DEFAULT_WARMUP, 20,
                    1024, 5, 1);
        }
    }

    /**
     * @param atoms          atoms in the frame
     * @param threads        evaluator threads
     * @param blockAtoms     centre atoms per block
     * @param compressed     whether the embedding nets were tabulated (FLOPs still count the uncompressed
     *                       network, so gflops is then an effective rate)
     * @param typeOneSide    embedding variant
     * @param precision      "float64" or "float32"
     * @param steps          timed evaluations
     * @param usPerStepAtom  µs per step per atom
     * @param msPerStep      ms per energy+forces evaluation (wall clock)
     * @param cpuMsPerStep   ms of this process's CPU time per evaluation, all threads (robust when the
     *                       machine is shared; equals threads × wall time on an idle machine)
     * @param cpuGflops      FLOPs per CPU second
     * @param threadCpuMsPerStep ms of CPU time of the evaluating thread per evaluation (one thread only,
     *                       else NaN): excludes JIT compiler and GC threads, so it is the figure least
     *                       disturbed by other processes on a shared machine
     * @param dgemmThreadCpuGflops ND4J DGEMM FLOPs per second of the calling thread's CPU time (OMP_NUM_THREADS=1)
     * @param vectorized     whether the SIMD (jdk.incubator.vector) kernels ran
     * @param flopsPerStep   FLOPs per evaluation that gflops counts (performed; see the class doc)
     * @param nominalFlopsPerStep FLOPs of the uncompressed network on all N_c slots (DeePMD-kit's count)
     * @param gflops         achieved GFLOP/s
     * @param dgemmGflops    ND4J DGEMM GFLOP/s in the same run
     * @param ratio          gflops / dgemmGflops
     * @param dgemmSize      DGEMM matrix size
     * @param cpus           available processors
     * @param ompThreads     OMP_NUM_THREADS as set
     * @param finite         whether all outputs were finite
     */
    public record Result(int atoms, int threads, int blockAtoms, boolean compressed, boolean typeOneSide, String precision, int steps, double usPerStepAtom,
                         double msPerStep, double cpuMsPerStep, double cpuGflops, double threadCpuMsPerStep,
                         double dgemmThreadCpuGflops, boolean vectorized, long flopsPerStep,
                         long nominalFlopsPerStep, double gflops,
                         double dgemmGflops, double ratio,
                         int dgemmSize, int cpus, String ompThreads, boolean finite) {
        /** @return the figures as one JSON object. */
        public String toJson() {
            return String.format(Locale.ROOT, "{\"benchmark\": \"dp-infer\", \"system\": \"water-192\", \"atoms\": %d, "
                            + "\"threads\": %d, \"block_atoms\": %d, \"compressed\": %b, "
                            + "\"model\": \"se_e2_a sel[46,92] rcut6 emb[25,50,100] axis16 fit[240,240,240] random-init\", "
                            + "\"type_one_side\": %b, \"precision\": \"%s\", \"steps\": %d, \"ms_per_step\": %.3f, "
                            + "\"cpu_ms_per_step\": %.3f, \"cpu_gflops\": %.3f, \"thread_cpu_ms_per_step\": %s, "
                            + "\"thread_cpu_gflops\": %s, \"dgemm_thread_cpu_gflops\": %.3f, \"thread_cpu_ratio\": %s, "
                            + "\"vectorized\": %b, "
                            + "\"us_per_step_atom\": %.3f, \"flops_per_step\": %d, \"nominal_flops_per_step\": %d, "
                            + "\"gflops\": %.3f, "
                            + "\"dgemm_gflops\": %.3f, \"dgemm_size\": %d, \"ratio\": %.4f, \"cpus\": %d, "
                            + "\"omp_num_threads\": \"%s\", \"finite\": %b}",
                    atoms, threads, blockAtoms, compressed, typeOneSide, precision, steps, msPerStep, cpuMsPerStep, cpuGflops,
                    num(threadCpuMsPerStep, 3), num(flopsPerStep / threadCpuMsPerStep * 1e-6, 3), dgemmThreadCpuGflops,
                    num(flopsPerStep / threadCpuMsPerStep * 1e-6 / dgemmThreadCpuGflops, 4), vectorized, usPerStepAtom,
                    flopsPerStep, nominalFlopsPerStep, gflops, dgemmGflops,
                    dgemmSize, ratio, cpus, ompThreads, finite);
        }
    }

    /**
     * Runs the benchmark on {@code args[0]} (default ../shared/data/deepmd-water/data_0) and prints JSON;
     * further arguments: type_one_side (true/false), precision (float64/float32), steps, threads,
     * block atoms, compressed (true/false); or {@code large}
     * for the 10,368-atom frame.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/deepmd-water/data_0");
        if (args.length > 1 && args[1].equals("large")) {
            System.out.println(largeFrame(dir, 3, 3, 6, false, DeepPotEvaluator.DEFAULT_BLOCK_ATOMS));
            return;
        }
        Config c = Config.defaults(dir);
        boolean oneSide = args.length > 1 && Boolean.parseBoolean(args[1]);
        Precision p = args.length > 2 ? Precision.valueOf(args[2].toUpperCase(Locale.ROOT)) : Precision.FLOAT64;
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : c.steps();
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        int block = args.length > 5 ? Integer.parseInt(args[5]) : c.blockAtoms();
        boolean compressed = args.length > 6 && Boolean.parseBoolean(args[6]);
        System.out.println(run(new Config(dir, oneSide, p, block, threads, compressed, c.warmup(), steps, c.dgemmSize(),
                c.dgemmReps(), c.seed())).toJson());
    }
}
