package org.eelt.deploy.bench;

import org.eelt.potential.ForceResult;
import org.eelt.potential.dp.DeepPotEvaluator;
import org.eelt.potential.dp.DeepPotFlops;
import org.eelt.potential.dp.DeepPotModel;
import org.eelt.potential.dp.DeepPotModels;
import org.eelt.potential.dp.DpArchitecture;
import org.eelt.potential.dp.Precision;
import org.eelt.potential.neighbor.NeighborList;
import org.eelt.potential.neighbor.Neighbors;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.DeepmdNpy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Deep Potential inference benchmark: energy + forces of one water frame (192 atoms, first frame
 * of DeePMD-kit's water example {@code data_0}) with a randomly initialised model of the example
 * architecture (sel [46, 92], r_c 6 Å, r_s 0.5 Å, embedding [25, 50, 100], axis 16, fitting
 * [240, 240, 240]). The rate in GFLOP/s uses {@link DeepPotFlops} (uncompressed network, forward
 * and backward); the DGEMM rate is measured by ND4J in the same JVM on a square product of size
 * {@code dgemmSize}, so {@code ratio} = gflops / dgemm_gflops says how close inference runs to
 * the machine's dense-matrix speed. The neighbor list is built once outside the timed loop.
 */
public final class DpInferBench {
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
        DeepPotEvaluator ev = new DeepPotEvaluator(model, config.precision(), config.blockAtoms());
        NeighborList nl = Neighbors.build(frame, model.rcut(), 0.0);
        int[] types = frame.types(model.typeMap());
        int[] perType = new int[model.ntypes()];
        for (int t : types) {
            perType[t]++;
        }
        long flops = DeepPotFlops.energyAndForces(model, perType);
        double sink = 0;
        for (int i = 0; i < config.warmup(); i++) {
            sink += ev.compute(frame, nl).energy();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < config.steps(); i++) {
            ForceResult r = ev.compute(frame, nl);
            sink += r.forces()[0];
        }
        double seconds = (System.nanoTime() - t0) * 1e-9 / config.steps();
        double dgemm = dgemmGflops(config.dgemmSize(), config.dgemmReps());
        int n = frame.size();
        double gflops = flops / seconds * 1e-9;
        return new Result(n, config.typeOneSide(), config.precision().name().toLowerCase(Locale.ROOT), config.steps(),
                seconds * 1e6 / n, seconds * 1e3, flops, gflops, dgemm, gflops / dgemm, config.dgemmSize(),
                Runtime.getRuntime().availableProcessors(), System.getenv().getOrDefault("OMP_NUM_THREADS", ""),
                Double.isFinite(sink));
    }

    /** @return ND4J DGEMM rate in GFLOP/s on size×size float64 matrices (2·n³ per product, best of reps). */
    public static double dgemmGflops(int size, int reps) {
        INDArray a = Nd4j.rand(DataType.DOUBLE, size, size);
        INDArray b = Nd4j.rand(DataType.DOUBLE, size, size);
        INDArray c = Nd4j.create(DataType.DOUBLE, new long[] {size, size}, 'f');
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        return 2.0 * size * size * (double) size / best * 1e-9;
    }

    /**
     * @param waterSystem  deepmd/npy system directory (192-atom water)
     * @param typeOneSide  embedding per neighbor type only (true) or per type pair
     * @param precision    arithmetic precision
     * @param blockAtoms   centre atoms per block
     * @param warmup       untimed evaluations
     * @param steps        timed evaluations
     * @param dgemmSize    square DGEMM size
     * @param dgemmReps    DGEMM repetitions (best is kept)
     * @param seed         model initialisation seed
     */
    public record Config(Path waterSystem, boolean typeOneSide, Precision precision, int blockAtoms, int warmup,
                         int steps, int dgemmSize, int dgemmReps, long seed) {
        /** @return the default configuration for a water system directory. */
        public static Config defaults(Path waterSystem) {
            return new Config(waterSystem, false, Precision.FLOAT64, DeepPotEvaluator.DEFAULT_BLOCK_ATOMS, 5, 20, 1024, 5,
                    1);
        }
    }

    /**
     * @param atoms          atoms in the frame
     * @param typeOneSide    embedding variant
     * @param precision      "float64" or "float32"
     * @param steps          timed evaluations
     * @param usPerStepAtom  µs per step per atom
     * @param msPerStep      ms per energy+forces evaluation
     * @param flopsPerStep   FLOPs per evaluation (uncompressed, forward + backward)
     * @param gflops         achieved GFLOP/s
     * @param dgemmGflops    ND4J DGEMM GFLOP/s in the same run
     * @param ratio          gflops / dgemmGflops
     * @param dgemmSize      DGEMM matrix size
     * @param cpus           available processors
     * @param ompThreads     OMP_NUM_THREADS as set
     * @param finite         whether all outputs were finite
     */
    public record Result(int atoms, boolean typeOneSide, String precision, int steps, double usPerStepAtom,
                         double msPerStep, long flopsPerStep, double gflops, double dgemmGflops, double ratio,
                         int dgemmSize, int cpus, String ompThreads, boolean finite) {
        /** @return the figures as one JSON object. */
        public String toJson() {
            return String.format(Locale.ROOT, "{\"benchmark\": \"dp-infer\", \"system\": \"water-192\", \"atoms\": %d, "
                            + "\"model\": \"se_e2_a sel[46,92] rcut6 emb[25,50,100] axis16 fit[240,240,240] random-init\", "
                            + "\"type_one_side\": %b, \"precision\": \"%s\", \"steps\": %d, \"ms_per_step\": %.3f, "
                            + "\"us_per_step_atom\": %.3f, \"flops_per_step\": %d, \"gflops\": %.3f, "
                            + "\"dgemm_gflops\": %.3f, \"dgemm_size\": %d, \"ratio\": %.4f, \"cpus\": %d, "
                            + "\"omp_num_threads\": \"%s\", \"finite\": %b}",
                    atoms, typeOneSide, precision, steps, msPerStep, usPerStepAtom, flopsPerStep, gflops, dgemmGflops,
                    dgemmSize, ratio, cpus, ompThreads, finite);
        }
    }

    /** Runs the benchmark on {@code args[0]} (default ../shared/data/deepmd-water/data_0) and prints JSON. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/deepmd-water/data_0");
        Config c = Config.defaults(dir);
        boolean oneSide = args.length > 1 && Boolean.parseBoolean(args[1]);
        Precision p = args.length > 2 ? Precision.valueOf(args[2].toUpperCase(Locale.ROOT)) : Precision.FLOAT64;
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : c.steps();
        System.out.println(run(new Config(dir, oneSide, p, c.blockAtoms(), c.warmup(), steps, c.dgemmSize(),
                c.dgemmReps(), c.seed())).toJson());
    }
}
