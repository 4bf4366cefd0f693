package org.eelt.deploy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eelt.deploy.campaign.CampaignRunner;
import org.eelt.deploy.campaign.CampaignSpec;
import org.eelt.deploy.campaign.CampaignSpecParser;
import org.eelt.deploy.campaign.SmallCuCampaign;
import org.eelt.deploy.campaign.Summary;
import org.eelt.deploy.campaign.TestSet;
import org.eelt.examiner.agent.EnsembleModels;
import org.eelt.labeler.spec.Oracles;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.store.EeltStore;
import org.eelt.store.StoredModel;

/**
 * {@code eelt bench campaign --json}: runs one small Cu campaign asynchronously and synchronously
 * (DP-GEN-style barriers) with the same real oracle (built-in Sutton–Chen), label budget and
 * seeds. The oracle's cost is given a declared, <b>simulated</b> log-normal latency (median
 * {@code latencyMedianS} s, log-σ {@code latencySigma}), so that oracle time dominates as DFT
 * does. For each run, member 0's model versions are tested on the same independent test set;
 * the target RMSE is the worse of the two runs' final RMSEs, and each run's wall time is the
 * creation time of its first model at or below the target. ratio = async / sync.
 */
public final class CampaignBench {
    /**
     * Default simulated latency median, s. With 1 s a label cost as much as ~250 training steps of
     * the bench model, so the first training round alone outlasted 5 labels; at 4 s the oracle
     * dominates (a 48-label run spends ~130 s in the oracle, ~10 s in the first round), as DFT does.
     */
    public static final double DEFAULT_LATENCY_MEDIAN_S = 4.0;

    private CampaignBench() {
    }

    /**
     * Settings.
     *
     * @param workDir        where the two run directories go
     * @param labels         label budget of each run
     * @param workers        labelers
     * @param latencyMedianS simulated oracle latency median, s
     * @param latencySigma   simulated oracle latency log-σ
     * @param maxWallS       wall budget of each run, s
     */
    public record Config(Path workDir, int labels, int workers, double latencyMedianS, double latencySigma,
                         double maxWallS) {
        /** @return defaults in {@code workDir}: 48 labels, 2 labelers, latency median 4 s, σ 0.8, 420 s per run. */
        public static Config defaults(Path workDir) {
            return new Config(workDir, 48, 2, DEFAULT_LATENCY_MEDIAN_S, 0.8, 420);
        }
    }

    /**
     * One run's outcome.
     *
     * @param timings the run's time breakdown ({@code summary.json}'s {@code timings}: per-phase seconds of
     *                the synchronous run, the asynchronous run's losses), plus {@code trainer_utilization}
     */
    public record Run(String mode, double wallS, double timeToTargetS, double finalRmse, double labelerUtilization,
                      long labeled, Map<String, Object> timings) {
    }

    /**
     * Both runs.
     *
     * @param warmupS seconds of the untimed warm-up campaign that ran first ({@link #warmUp}), 0 when none
     */
    public record Result(Config config, Run async, Run sync, double targetRmse, double warmupS) {
        /** Both runs, without a warm-up. */
        public Result(Config config, Run async, Run sync, double targetRmse) {
            this(config, async, sync, targetRmse, 0);
        }

        /** @return the JSON object of the benchmark. */
        public String toJson() {
            return String.format(Locale.ROOT, "{\"async_wall_s\": %.3f, \"sync_wall_s\": %.3f, \"ratio\": %.4f,"
                            + " \"async_labeler_utilization\": %.4f, \"sync_labeler_utilization\": %.4f,"
                            + " \"target_test_force_rmse\": %.5f, \"async_final_test_force_rmse\": %.5f,"
                            + " \"sync_final_test_force_rmse\": %.5f, \"async_run_wall_s\": %.3f, \"sync_run_wall_s\": %.3f,"
                            + " \"async_labeled\": %d, \"sync_labeled\": %d, \"oracle\": \"sutton-chen (real labels)\","
                            + " \"oracle_latency\": \"SIMULATED log-normal, median %.3f s, sigma %.3f\", \"labelers\": %d,"
                            + " \"jvm_warmup_s\": %.3f, \"jvm_warmup\": \"an untimed %d-label campaign without simulated"
                            + " latency ran first in this JVM, so that neither mode pays the JIT compilation of the"
                            + " training, MD and scoring kernels\","
                            + " \"async_timings\": %s, \"sync_timings\": %s}",
                    async.timeToTargetS, sync.timeToTargetS, async.timeToTargetS / sync.timeToTargetS,
                    async.labelerUtilization, sync.labelerUtilization, targetRmse, async.finalRmse, sync.finalRmse,
                    async.wallS, sync.wallS, async.labeled, sync.labeled, config.latencyMedianS, config.latencySigma,
                    config.workers, warmupS, WARMUP_LABELS, Summary.json(async.timings), Summary.json(sync.timings));
        }
    }

    /**
     * Selection and scheduling of the bench campaign beyond {@link SmallCuCampaign}'s keys: max-devi
     * with re-scoring, 0.1 Å dedupe (frames 20 fs apart on one trajectory are one label),
     * async trainers retrain whenever new labels exist (the sync baseline trains once per
     * iteration by construction), and the first async round starts after a quarter of the
     * bootstrap (2 of 8 labels): the other 6 keep both labelers busy while the first, longest round
     * (1500 steps per member) trains; with half the bootstrap the labelers ran dry before the first
     * ensemble existed ({@code labeler_starved_s} ≈ 12 s of a 140 s run, utilization 0.91 under load).
     */
    static final String TUNING = """
            eelt.campaign.examination { policy = max-devi, dedupe-threshold = 0.1 }
            eelt.campaign.training.trigger = idle
            eelt.campaign.initial-data.train-after = 0.25
            """;

    /** @return the campaign text of one mode. */
    static String spec(Config c, String mode) {
        return SmallCuCampaign.named("bench-" + mode).mode(mode).seed(21).strains(-0.03, 0, 0.03)
                .chunks(40, 10).failedBatchesRestart(1).stage(new double[] {300, 900}, 6, 1000000)
                .examination(0.10, 0.50, 8)
                .labeling("sutton-chen:", c.workers).simulatedLatency(c.latencyMedianS, c.latencySigma)
                .model(5.0, 4, 16, 16).firstRoundSteps(1500).rounds(400, 4)
                .initialData(8, 0.0)
                .accuracy(0.999, 300).budget(c.labels, c.maxWallS)
                .test(new double[] {300, 600, 900}, 4).testSpacing(100, 25)
                .hocon() + TUNING;
    }

    /** Label budget of the warm-up campaign: the bootstrap and a few selected candidates. */
    static final int WARMUP_LABELS = 12;

    /**
     * Runs an untimed short campaign of the same system and model (label budget
     * {@value #WARMUP_LABELS}, no simulated latency) in {@code workDir/warmup}, so that the
     * JIT-compiled training, MD and ensemble-scoring code is warm before the timed runs. Without it
     * the mode that runs first (async) paid the cold JVM: its first training round took 22–40 s on
     * the loaded 2-core machine while the same round of the sync run (second in the JVM) took
     * 8–17 s.
     *
     * @return seconds it took
     */
    static double warmUp(Config c) throws IOException {
        long t0 = System.nanoTime();
        Config w = new Config(c.workDir(), WARMUP_LABELS, c.workers(), 0.0, 0.0, 120);
        CampaignRunner.run(new CampaignRunner.Options(spec(w, "async").replace("bench-async", "bench-warmup"),
                c.workDir(), c.workDir().resolve("warmup"), false, null, 2000));
        return (System.nanoTime() - t0) * 1e-9;
    }

    /** Runs the warm-up, then both modes, and compares them. */
    public static Result run(Config c) throws IOException {
        double warm = warmUp(c);
        List<double[]> asyncCurve = new ArrayList<>(), syncCurve = new ArrayList<>();
        Summary a = runOne(c, "async", asyncCurve);
        Summary s = runOne(c, "sync", syncCurve);
        double target = Math.max(last(asyncCurve), last(syncCurve));
        return new Result(c, new Run("async", a.number("wall_s"), firstBelow(asyncCurve, target), last(asyncCurve),
                a.number("labeler_utilization"), (long) a.number("labeled"), timings(a)),
                new Run("sync", s.number("wall_s"), firstBelow(syncCurve, target), last(syncCurve),
                        s.number("labeler_utilization"), (long) s.number("labeled"), timings(s)), target, warm);
    }

    private static Map<String, Object> timings(Summary s) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("trainer_utilization", s.number("trainer_utilization"));
        t.put("explorer_utilization", s.number("explorer_utilization"));
        if (s.field("timings") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> t.put(String.valueOf(k), v));
        }
        return t;
    }

    private static double last(List<double[]> curve) {
        return curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1)[1];
    }

    private static double firstBelow(List<double[]> curve, double target) {
        for (double[] p : curve) {
            if (p[1] <= target) {
                return p[0];
            }
        }
        return Double.NaN;
    }

    /** Runs one mode; fills (seconds since start, test force RMSE) of member 0's models. */
    private static Summary runOne(Config c, String mode, List<double[]> curve) throws IOException {
        Path dir = c.workDir().resolve(mode);
        String text = spec(c, mode);
        long t0 = System.currentTimeMillis();
        Summary summary = CampaignRunner.run(new CampaignRunner.Options(text, c.workDir(), dir, false, null, 2000));
        CampaignSpec spec = CampaignSpecParser.parse(text, c.workDir());
        List<TestSet.Labeled> test = TestSet.build(spec, Oracles.create(spec.labeling().oracle(), OracleSettings.defaults()));
        try (EeltStore store = EeltStore.open(dir.resolve("store"))) {
            for (long v : store.modelVersions()) {
                StoredModel m = store.model(v).orElseThrow();
                if (!"0".equals(m.metadata().attributes().get("member"))) {
                    continue;
                }
                ModelPublished p = new ModelPublished(0, 1, 0, new String(m.bytes(), StandardCharsets.UTF_8), 0, 0, 0, 0);
                double rmse = TestSet.errors(EnsembleModels.potentialOf(p), test).forceRmse();
                curve.add(new double[] {(m.metadata().provenance().createdEpochMs() - t0) / 1000.0, rmse});
            }
        }
        return summary;
    }

    /** Runs the benchmark in {@code args[0]} (default: a temp directory) and prints the JSON. */
    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : java.nio.file.Files.createTempDirectory("eelt-campaign-bench");
        System.out.println(run(Config.defaults(dir)).toJson());
        System.exit(0);
    }
}
