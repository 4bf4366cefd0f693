package org.eelt.deploy.cli;

import org.eelt.deploy.bench.CampaignBench;
import org.eelt.deploy.bench.ClusterBench;
import org.eelt.deploy.bench.DpInferBench;
import org.eelt.deploy.bench.LabelEfficiencyBench;
import org.eelt.deploy.bench.LoadBench;
import org.eelt.deploy.bench.DpTrainBench;
import org.eelt.deploy.bench.GromacsFeBench;
import org.eelt.deploy.bench.MdEamBench;
import org.eelt.deploy.bench.NeighborBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code eelt bench ...}: speed and memory benchmarks that print one JSON object. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks. Each prints one JSON object on stdout (progress goes to stderr).",
                "Speed targets live here, never in unit tests."},
        subcommands = {BenchCommand.Neighbors.class, BenchCommand.MdEam.class, BenchCommand.DpInfer.class, BenchCommand.DpTrain.class,
                BenchCommand.CampaignAsyncSync.class, BenchCommand.LabelEfficiency.class, BenchCommand.Load.class,
                BenchCommand.Fe.class,
                BenchCommand.GromacsFe.class, BenchCommand.ClusterScaling.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Shared {@code --json} flag: JSON is the only output form, the flag is accepted for scripts. */
    static class JsonFlag {
        @Option(names = "--json", description = "print JSON (the only output form; accepted for scripts)")
        boolean json;
    }

    @Command(name = "neighbors", mixinStandardHelpOptions = true,
            description = {"Neighbor-list build time per atom for fcc Cu (a = 3.615 Å, r_c = 6 Å, skin 0) from 10^3 to",
                    "10^6 atoms, with the log-log slope of time vs N (1 = linear scaling). Needs about 3 GB heap",
                    "for 10^6 atoms."})
    static final class Neighbors extends JsonFlag implements Callable<Integer> {
        @Option(names = "--atoms", split = ",", paramLabel = "N", description = "atom counts (default: 1000,10000,100000,1000000)")
        int[] atoms = NeighborBench.DEFAULT_ATOMS;

        @Option(names = "--cutoff", defaultValue = "6.0", paramLabel = "Å", description = "cutoff (default: ${DEFAULT-VALUE})")
        double cutoff;

        @Option(names = "--repeats", defaultValue = "3", description = "timed builds per size, best taken (default: ${DEFAULT-VALUE})")
        int repeats;

        @Override
        public Integer call() {
            System.out.println(new NeighborBench(cutoff, 0.0, repeats, false).run(atoms).toJson());
            return 0;
        }
    }

    /** @return the shared reference data folder: {@code $EELT_SHARED}, else {@code ../shared} beside the checkout. */
    static Path sharedDir() {
        String env = System.getenv("EELT_SHARED");
        if (env != null) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("eelt.home", ".")).toAbsolutePath().resolve("../shared").normalize();
    }

    /** @return {@code given}, or DeePMD-kit's water example data_0 in the shared reference data. */
    static Path waterSystem(Path given) {
        return given != null ? given : sharedDir().resolve("data/deepmd-water/data_0");
    }

    @Command(name = "md-eam", mixinStandardHelpOptions = true,
            description = {"Our NVT MD vs LAMMPS (when installed) on the same fcc Cu system, potential file, steps and",
                    "timestep, in one run: µs/step/atom for both and ours/LAMMPS. Both use a Langevin thermostat",
                    "(Debian's LAMMPS has no temp/csvr) and a 1 Å skin. Headline figures are CPU time."})
    static final class MdEam extends JsonFlag implements Callable<Integer> {
        @Option(names = "--potential", paramLabel = "FILE", description = "EAM file (default: /usr/share/lammps/potentials/Cu_u3.eam)")
        Path potential;

        @Option(names = "--cells", defaultValue = "10", description = "fcc cells per edge, 4 atoms each (default: ${DEFAULT-VALUE} = 4000 atoms)")
        int cells;

        @Option(names = "--steps", defaultValue = "1000", description = "MD steps (default: ${DEFAULT-VALUE})")
        int steps;

        @Option(names = "--repeats", defaultValue = "2", description = "alternating timed runs of each code, best kept (default: ${DEFAULT-VALUE})")
        int repeats;

        @Override
        public Integer call() throws Exception {
            MdEamBench.Settings d = MdEamBench.Settings.defaults();
            MdEamBench.Settings s = new MdEamBench.Settings(potential != null ? potential : d.potential(), cells, steps,
                    d.timestep(), d.temperature(), d.skin(), repeats);
            System.out.println(MdEamBench.run(s).toJson());
            return 0;
        }
    }

    @Command(name = "dp-infer", mixinStandardHelpOptions = true,
            description = {"Deep Potential inference speed on DeePMD-kit's water example (192 atoms, sel [46, 92],",
                    "embedding [25, 50, 100], axis 16, fitting [240, 240, 240]): µs per step per atom for energy +",
                    "forces, GFLOP/s from an explicit FLOP count of the uncompressed network, the DGEMM GFLOP/s ND4J",
                    "reaches in the same run, and their ratio."})
    static final class DpInfer extends JsonFlag implements Callable<Integer> {
        @Option(names = "--system", paramLabel = "DIR", description = "deepmd/npy water system (default: ../shared/data/deepmd-water/data_0)")
        Path system;

        @Option(names = "--compressed", description = "tabulate the embedding nets (model compression); FLOPs still count "
                + "the uncompressed network, so the rate is an effective one")
        boolean compressed;

        @Option(names = "--threads", defaultValue = "1", description = "evaluator threads (default: ${DEFAULT-VALUE})")
        int threads;

        @Option(names = "--type-one-side", description = "embedding nets per neighbor type only (default: per type pair)")
        boolean typeOneSide;

        @Option(names = "--steps", defaultValue = "20", description = "timed evaluations (default: ${DEFAULT-VALUE})")
        int steps;

        @Option(names = "--warmup", paramLabel = "N", description = "untimed evaluations first, while the JIT compiles "
                + "(default: " + DpInferBench.DEFAULT_WARMUP + ")")
        Integer warmup;

        @Override
        public Integer call() throws Exception {
            Path sys = waterSystem(system);
            DpInferBench.Config d = DpInferBench.Config.defaults(sys);
            DpInferBench.Config c = new DpInferBench.Config(sys, typeOneSide, d.precision(), d.blockAtoms(), threads,
                    compressed, warmup != null ? warmup : d.warmup(), steps, d.dgemmSize(), d.dgemmReps(), d.seed());
            System.out.println(DpInferBench.run(c).toJson());
            return 0;
        }
    }

    @Command(name = "dp-train", mixinStandardHelpOptions = true,
            description = {"Deep Potential training speed (energy + force loss, exact gradients) on DeePMD-kit's water",
                    "example: steps/s, GFLOP/s from an explicit FLOP count, ND4J's DGEMM GFLOP/s in the same run, ratio."})
    static final class DpTrain extends JsonFlag implements Callable<Integer> {
        @Option(names = "--system", paramLabel = "DIR", description = "deepmd/npy water system (default: ../shared/data/deepmd-water/data_0)")
        Path system;

        @Option(names = "--arch", defaultValue = "water", description = "water (25,50,100 / 16 / 240^3, the example) or small "
                + "(10,20,40 / 4 / 60^3) (default: ${DEFAULT-VALUE})")
        String arch;

        @Option(names = "--warmup", defaultValue = "10", description = "untimed steps first, while the JIT compiles "
                + "(default: ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--steps", defaultValue = "20", description = "timed steps (default: ${DEFAULT-VALUE})")
        int steps;

        @Option(names = "--threads", defaultValue = "1", description = "loss threads (default: ${DEFAULT-VALUE})")
        int threads;

        @Override
        public Integer call() throws Exception {
            Path sys = waterSystem(system);
            DpTrainBench.Config d = DpTrainBench.Config.defaults(sys);
            System.out.println(DpTrainBench.run(new DpTrainBench.Config(sys, arch, warmup, steps, threads,
                    d.dgemmSize())).toJson());
            return 0;
        }
    }

    @Command(name = "campaign", mixinStandardHelpOptions = true,
            description = {"Runs the same Cu campaign asynchronously (EELT) and synchronously (DP-GEN-style barriers) with the",
                    "same oracle (built-in Sutton-Chen) and label budget. The oracle's cost gets a declared, SIMULATED",
                    "log-normal latency (so that labeling dominates, as with DFT); the JSON says so. Reports wall time to",
                    "the same test force RMSE, async/sync ratio, and labeler utilization in each mode."})
    static final class CampaignAsyncSync extends JsonFlag implements Callable<Integer> {
        @Option(names = "--work-dir", paramLabel = "DIR", description = "where the two runs go (default: a temporary directory)")
        Path workDir;

        @Option(names = "--labels", defaultValue = "48", description = "label budget of each run (default: ${DEFAULT-VALUE})")
        int labels;

        @Option(names = "--workers", defaultValue = "2", description = "labelers (default: ${DEFAULT-VALUE})")
        int workers;

        @Option(names = "--latency-median-s", defaultValue = "4.0", description = "simulated oracle latency median, s (default: ${DEFAULT-VALUE})")
        double latencyMedian;

        @Option(names = "--latency-sigma", defaultValue = "0.8", description = "log-normal sigma of the latency (default: ${DEFAULT-VALUE})")
        double latencySigma;

        @Option(names = "--max-wall-s", defaultValue = "420", description = "wall budget of each run, s (default: ${DEFAULT-VALUE})")
        double maxWall;

        @Override
        public Integer call() throws Exception {
            Path dir = workDir != null ? workDir : Files.createTempDirectory("eelt-campaign-bench");
            CampaignBench.Config c = new CampaignBench.Config(dir, labels, workers, latencyMedian, latencySigma, maxWall);
            System.out.println(CampaignBench.run(c).toJson());
            return 0;
        }
    }

    @Command(name = "label-efficiency", mixinStandardHelpOptions = true,
            description = {"Compares EELT's selection with random snapshots of the same exploration (a uniform reservoir",
                    "of every frame the campaign's examiner scored): trains the same fresh model on each and reports the",
                    "label counts at equal test force RMSE and their ratio; oracle-MD snapshots as an extra baseline."})
    static final class LabelEfficiency extends JsonFlag implements Callable<Integer> {
        @Option(names = "--work-dir", paramLabel = "DIR", description = "working directory (default: a temporary directory)")
        Path workDir;

        @Option(names = "--labels", defaultValue = "40", description = "EELT label budget (default: ${DEFAULT-VALUE})")
        int labels;

        @Option(names = "--max-multiple", defaultValue = "12", description = "largest random label count as a multiple of --labels "
                + "(default: ${DEFAULT-VALUE})")
        int maxMultiple;

        @Option(names = "--override", paramLabel = "HOCON", description = "campaign keys appended to the bench campaign, e.g."
                + " 'eelt.campaign.examination.policy = fixed' (repeatable; the test set is fixed)")
        java.util.List<String> overrides = new java.util.ArrayList<>();

        @Option(names = "--training-steps", defaultValue = "20000", description = "optimizer steps of every fresh model,"
                + " EELT's and random's alike; 0 = as many as ensemble member 0 got in the campaign (default: ${DEFAULT-VALUE})")
        long trainingSteps;

        @Option(names = "--oracle-md", description = "also train on random snapshots of oracle-driven MD (oracle_md_*;"
                + " doubles the trainings)")
        boolean oracleMd;

        @Option(names = "--reuse-campaign", description = "compare on the finished campaign already in --work-dir"
                + " (DIR/eelt) instead of running a new one, e.g. with other --training-steps")
        boolean reuseCampaign;

        @Option(names = "--bulk-walkers", defaultValue = "12", description = "walkers on the bulk cell per stage, for one"
                + " on the vacancy cell and on each slab; 1 = balanced exploration (default: ${DEFAULT-VALUE})")
        int bulkWalkers;

        @Override
        public Integer call() throws Exception {
            if (labels <= 8) {
                throw new IllegalArgumentException("bench label-efficiency: --labels must be > 8 (the campaign labels 8"
                        + " bootstrap structures before it selects any), got " + labels);
            }
            if (maxMultiple < 1 || maxMultiple > 100) {
                throw new IllegalArgumentException("bench label-efficiency: --max-multiple must be in 1..100, got "
                        + maxMultiple);
            }
            if (trainingSteps < 0) {
                throw new IllegalArgumentException("bench label-efficiency: --training-steps must be >= 0, got "
                        + trainingSteps);
            }
            if (bulkWalkers < 1 || bulkWalkers > 100) {
                throw new IllegalArgumentException("bench label-efficiency: --bulk-walkers must be in 1..100, got "
                        + bulkWalkers);
            }
            if (reuseCampaign && workDir == null) {
                throw new IllegalArgumentException("bench label-efficiency: --reuse-campaign needs --work-dir (the"
                        + " directory of an earlier run)");
            }
            Path dir = workDir != null ? workDir : Files.createTempDirectory("eelt-label-bench");
            System.out.println(LabelEfficiencyBench.run(new LabelEfficiencyBench.Config(dir, labels, maxMultiple,
                    String.join("\n", overrides), trainingSteps, oracleMd, reuseCampaign, bulkWalkers)));
            return 0;
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"A real asynchronous campaign with W walkers (32-atom Cu, tiny DP ensemble, Sutton-Chen labels",
                    "with a simulated 1 s oracle latency) for M minutes, sampling heap, off-heap and RSS memory and",
                    "the examiner's queues every second: peak memory, max queue depths (backpressure bound",
                    "walkers x max-in-flight) and throughput per minute and per half of the run."})
    static final class Load extends JsonFlag implements Callable<Integer> {
        @Option(names = "--walkers", defaultValue = "256", description = "walkers (default: ${DEFAULT-VALUE})")
        int walkers;

        @Option(names = "--minutes", defaultValue = "30", description = "wall-clock minutes (default: ${DEFAULT-VALUE})")
        double minutes;

        @Option(names = "--work-dir", paramLabel = "DIR", description = "run directory parent (default: a new temp dir)")
        Path workDir;

        @Override
        public Integer call() throws Exception {
            if (walkers < 1 || !(minutes > 0)) {
                throw new CliFailure("--walkers must be >= 1 and --minutes > 0");
            }
            Path dir = workDir != null ? workDir : Files.createTempDirectory("eelt-load-");
            LoadBench.Result r = LoadBench.run(walkers, minutes, dir, System.err);
            System.out.println(r.toJson());
            return 0;
        }
    }

    @Command(name = "fe", mixinStandardHelpOptions = true,
            description = {"Free-energy kernels: mean-force labels/s of the built-in restrained MD on the Müller-Brown",
                    "system (steps per label stated) and training steps/s of a 4-member free-energy ensemble",
                    "(widths and batch stated), wall-clock and per thread-CPU second."})
    static final class Fe extends JsonFlag implements Callable<Integer> {
        @Option(names = "--labels", defaultValue = "20", description = "labels to time (default: ${DEFAULT-VALUE})")
        int labels;

        @Option(names = "--steps-per-label", defaultValue = "10000", description = "MD steps per label (default: ${DEFAULT-VALUE})")
        long stepsPerLabel;

        @Option(names = "--train-labels", defaultValue = "500", description = "labels in the training set (default: ${DEFAULT-VALUE})")
        int trainLabels;

        @Option(names = "--train-steps", defaultValue = "1500", description = "optimizer steps per member (default: ${DEFAULT-VALUE})")
        int trainSteps;

        @Override
        public Integer call() {
            try {
                System.out.println(org.eelt.freeenergy.bench.FeBench.run(labels, stepsPerLabel, trainLabels, trainSteps)
                        .toJson());
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage());
            }
            return 0;
        }
    }

    @Command(name = "cluster", mixinStandardHelpOptions = true,
            description = {"Labeling throughput of a Pekko cluster on 127.0.0.1: one coordinator JVM plus 1, 2 and 4",
                    "labeler-node JVMs, the built-in Sutton-Chen oracle (real labels) with a declared, SIMULATED",
                    "log-normal latency so that oracle time dominates. Prints labels_per_s_N, efficiency_N =",
                    "rate_N / (N * rate_1), the latency model and \"simulated\": true. Goal: efficiency_4 >= 0.90."})
    static final class ClusterScaling extends JsonFlag implements Callable<Integer> {
        @Option(names = "--work-dir", paramLabel = "DIR", description = "node logs and runs (default: a temporary directory)")
        Path workDir;

        @Option(names = "--nodes", split = ",", paramLabel = "N", description = "labeler node counts (default: 1,2,4)")
        int[] nodes = {1, 2, 4};

        @Option(names = "--labels-per-node", defaultValue = "80", description = "labels per labeler node and run (default: ${DEFAULT-VALUE})")
        int labelsPerNode;

        @Option(names = "--workers", defaultValue = "2", description = "labelers per node (default: ${DEFAULT-VALUE})")
        int workers;

        @Option(names = "--latency-median-s", defaultValue = "0.2", description = "simulated oracle latency median, s (default: ${DEFAULT-VALUE})")
        double latencyMedian;

        @Option(names = "--latency-sigma", defaultValue = "0.3", description = "log-normal sigma of the latency (default: ${DEFAULT-VALUE})")
        double latencySigma;

        @Override
        public Integer call() throws Exception {
            if (nodes.length == 0 || nodes[0] != 1 || labelsPerNode < 10 || workers < 1 || !(latencyMedian > 0)) {
                throw new IllegalArgumentException("bench cluster: --nodes must start with 1 (the efficiency baseline),"
                        + " --labels-per-node >= 10, --workers >= 1 and --latency-median-s > 0");
            }
            Path dir = workDir != null ? workDir : Files.createTempDirectory("eelt-cluster-bench");
            ClusterBench.Config c = new ClusterBench.Config(dir, nodes, labelsPerNode, workers, latencyMedian, latencySigma);
            System.out.println(ClusterBench.run(c, System.err).toJson());
            return 0;
        }
    }

    @Command(name = "gromacs-fe", mixinStandardHelpOptions = true,
            description = {"GROMACS restrained-MD mean-force labels of alanine dipeptide: wall ms per label and labels/s",
                    "at the default 100 ps per label (one labeler, mdrun -nt 1), after a separately timed one-time",
                    "setup. Centers cycle through C7eq, C5, alpha_R, the phi barrier, C7ax, alpha_L, ... Settings",
                    "from eelt.oracles.gromacs.* system properties; --steps and --kappa override."})
    static final class GromacsFe extends JsonFlag implements Callable<Integer> {
        @Option(names = "--labels", defaultValue = "8", description = "labels to time (default: ${DEFAULT-VALUE})")
        int labels;

        @Option(names = "--steps", paramLabel = "N", description = "MD steps per label (default 50000 = 100 ps)")
        Integer steps;

        @Option(names = "--kappa", paramLabel = "KJ_MOL_RAD2", description = "restraint constant (default 500)")
        Double kappa;

        @Option(names = "--work-dir", paramLabel = "DIR", description = "working directory (default: a fresh temporary one)")
        Path workDir;

        @Override
        public Integer call() throws Exception {
            Path dir = workDir != null ? workDir : Files.createTempDirectory("eelt-bench-gromacs-");
            try {
                System.out.println(GromacsFeBench.run(dir, GromacsLabelCommand.defaultPdb(),
                        GromacsLabelCommand.settings(kappa, steps), labels));
            } catch (org.eelt.labeler.oracle.CalculationFailedException e) {
                throw new CliFailure(e.getMessage());
            }
            return 0;
        }
    }
}
