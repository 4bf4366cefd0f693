package org.eelt.deploy.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.eelt.deploy.campaign.CampaignRunner;
import org.eelt.deploy.campaign.CampaignSpec;
import org.eelt.deploy.campaign.CampaignSpecParser;
import org.eelt.deploy.campaign.ExplorationReservoir;
import org.eelt.deploy.campaign.OraclePotential;
import org.eelt.deploy.campaign.SmallCuCampaign;
import org.eelt.deploy.campaign.Summary;
import org.eelt.deploy.campaign.TestSet;
import org.eelt.explorer.md.MdListener;
import org.eelt.explorer.md.MdRunner;
import org.eelt.explorer.md.MdSession;
import org.eelt.explorer.md.MdSettings;
import org.eelt.explorer.md.MdState;
import org.eelt.labeler.oracle.CalculationFailedException;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.spec.Oracles;
import org.eelt.potential.ForceResult;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.protocol.atoms.Structure;
import org.eelt.store.EeltStore;
import org.eelt.store.ExplorationSample;

/**
 * {@code eelt bench label-efficiency --json}: how many labels EELT's ensemble selection needs
 * compared with random snapshots of the same exploration (issue 5). One asynchronous campaign
 * ({@link #spec}) labels {@code eelt_labels} frames (bootstrap included) and keeps an exploration
 * reservoir: a uniform random sample of every frame its examiner scored, whatever the verdict
 * ({@link ExplorationReservoir}). Random selection is the first n frames of that reservoir in a
 * seeded random order, labeled by the same oracle; its RMSE at each count is the mean over
 * {@value #DRAWS} independent orders (draws).
 *
 * <p>EELT's labels and each random set train one fresh model with the same architecture, seed,
 * learning-rate schedule and number of optimizer steps (as many as ensemble member 0 received in
 * the campaign), so only the selection differs; each is tested on the campaign's independent
 * oracle-MD test set (never loosened here). {@link LabelCurve} finds the smallest random count n
 * on the grid {@link LabelCurve#MULTIPLES} × eelt_labels whose test force RMSE is at or below the
 * EELT model's: {@code label_ratio = eelt_labels / random_labels}. The grid point below
 * ({@code random_labels_not_reaching}) brackets the true count.
 *
 * <p>An extra, differently drawn baseline is reported under {@code oracle_md_*}: uniform snapshots
 * of oracle-driven Langevin MD at the stages' temperatures from the initial structures, i.e.
 * close to the test set's own distribution, which no selection method has before labeling.
 */
public final class LabelEfficiencyBench {
    /** Independent random draws (orders of the reservoir) whose mean RMSE is the random baseline's at each count. */
    static final int DRAWS = 2;
    /** Seed salt of the random order of the reservoir. */
    private static final long ORDER_SALT = 4242;

    private LabelEfficiencyBench() {
    }

    /**
     * Exploration of the comparison: a temperature ramp (DP-GEN style), 3 walkers per stage (one
     * per strained cell). Each stage explores with models trained on the colder stages' labels,
     * so walkers at 900–1200 K no longer run with a model that never saw a thermal frame (with
     * the campaign bench's single 300 + 900 K stage about half of all explored frames came from
     * 900 K walkers that exploded under early models). A stage ends when its walkers used their
     * steps or its accurate ratio reaches the convergence ratio; the last one runs until the
     * label budget.
     */
    static final String RAMP = """
            eelt.campaign.exploration.stages = [
              {temperatures = [300], walkers = 3, steps-per-walker = 2000}
              {temperatures = [600], walkers = 3, steps-per-walker = 2000}
              {temperatures = [900], walkers = 3, steps-per-walker = 2000}
              {temperatures = [900, 1200], walkers = 3, steps-per-walker = 1000000}
            ]
            """;

    /**
     * The campaign of this comparison: the campaign bench's small Cu system, model, trust levels,
     * max-devi selection with re-scoring, 0.1 Å dedupe and test set, with {@link #RAMP}. Labels
     * are instant here (no simulated latency), so the per-model-version quota sets how many labels
     * one state of the ensemble chooses before the next retrain: 2 per version lets every label be
     * chosen by a recently retrained ensemble; the first round waits for the whole bootstrap. The
     * reservoir keeps enough frames for the largest random set.
     *
     * @param labels          EELT's label budget
     * @param reservoirFrames frames of the exploration reservoir
     * @return the campaign's HOCON text
     */
    static String spec(int labels, int reservoirFrames) {
        return SmallCuCampaign.named("label-efficiency").mode("async").seed(21).strains(-0.03, 0, 0.03)
                .chunks(40, 10).failedBatchesRestart(1).stage(new double[] {300}, 3, 2000)
                .examination(0.10, 0.50, 2)
                .labeling("sutton-chen:", 2)
                .model(5.0, 4, 16, 16).firstRoundSteps(1500).rounds(400, 4)
                .initialData(8, 0.0)
                .accuracy(0.9, 90).budget(labels, 420)
                .test(new double[] {300, 600, 900}, 4).testSpacing(100, 25)
                .hocon() + RAMP + """
                eelt.campaign.examination { policy = max-devi, dedupe-threshold = 0.1 }
                eelt.campaign.training.trigger = idle
                eelt.campaign.initial-data.train-after = 1.0
                """ + "eelt.campaign.examination.reservoir-frames = " + reservoirFrames + "\n";
    }

    /** @return the JSON of a run in {@code workDir} with at most {@code maxMultiple} × eelt_labels random labels. */
    public static String run(Path workDir, int labels, int maxMultiple) throws IOException {
        return run(workDir, labels, maxMultiple, "");
    }

    /**
     * @param overrides HOCON appended to the campaign ({@link #spec}), e.g. {@code eelt.campaign.examination.policy
     *                  = fixed}, to measure another selection setting; the test set cannot be changed
     * @return the JSON of a run in {@code workDir} with at most {@code maxMultiple} × eelt_labels random labels
     * @throws org.eelt.deploy.campaign.CampaignSpecException when the overrides are invalid or touch the test set
     */
    public static String run(Path workDir, int labels, int maxMultiple, String overrides) throws IOException {
        String base = spec(labels, Math.max(256, maxMultiple * labels));
        String text = base + (overrides.isBlank() ? "" : overrides + "\n");
        if (!CampaignSpecParser.parse(text, workDir).test().equals(CampaignSpecParser.parse(base, workDir).test())) {
            throw new IllegalArgumentException("bench label-efficiency: the overrides change the test set (eelt.campaign.test);"
                    + " it is fixed so that results stay comparable. Remove those keys");
        }
        Path runDir = workDir.resolve("eelt");
        Summary s = CampaignRunner.run(new CampaignRunner.Options(text, workDir, runDir, false, null, 2000));
        CampaignSpec spec = CampaignSpecParser.parse(text, workDir);
        Oracle oracle = Oracles.create(spec.labeling().oracle(), OracleSettings.defaults());
        List<TestSet.Labeled> test = TestSet.build(spec, oracle);
        long steps = (long) (spec.training().firstRoundSteps()
                + Math.max(0, s.number("model_versions") / spec.training().ensembleSize() - 1)
                * spec.training().stepsPerRound());
        List<Frame> selected = new ArrayList<>();
        List<ExplorationSample> reservoir;
        long scored;
        try (EeltStore store = EeltStore.open(runDir.resolve("store"))) {
            for (LabeledFrame l : store.export(store.snapshot())) {
                selected.add(l.frame());
            }
            reservoir = new ArrayList<>(ExplorationReservoir.read(store));
            scored = ExplorationReservoir.seen(store);
        }
        int eelt = selected.size();
        LabelCurve curves = new LabelCurve(spec, steps, test, workDir);
        // the same fresh training on EELT's labels, so that only the selection differs
        double target = curves.rmse(selected, "eelt-retrained");
        int max = maxMultiple * eelt;
        List<java.util.function.IntFunction<List<Frame>>> randomDraws = new ArrayList<>();
        List<LabeledPool> pools = new ArrayList<>();
        List<java.util.function.IntFunction<List<Frame>>> mdDraws = new ArrayList<>();
        List<Frame> md = randomSnapshots(spec, oracle, max);
        for (int d = 0; d < DRAWS; d++) {
            List<ExplorationSample> order = new ArrayList<>(reservoir);
            shuffle(order, new SplittableRandom(spec.seed() + ORDER_SALT + d));
            LabeledPool pool = new LabeledPool(order, oracle, spec.typeMap());
            pools.add(pool);
            randomDraws.add(pool::first);
            List<Frame> mdOrder = new ArrayList<>(md);
            shuffle(mdOrder, new SplittableRandom(spec.seed() + ORDER_SALT + 100 + d));
            mdDraws.add(n -> mdOrder.subList(0, n));
        }
        LabelCurve.Result random = curves.smallestReaching(randomDraws, Math.min(max, reservoir.size()), eelt, target,
                "random");
        LabelCurve.Result oracleMd = curves.smallestReaching(mdDraws, md.size(), eelt, target, "oracle-md");
        int unlabelable = pools.stream().mapToInt(LabeledPool::failed).max().orElse(0);
        String json = json(eelt, target, random, oracleMd, composition(spec, reservoir), scored, unlabelable, steps,
                s.number("test_force_rmse"), (long) s.number("explored"), s.status());
        return overrides.isBlank() ? json : json.substring(0, json.length() - 1) + ", \"overrides\": \""
                + overrides.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
    }

    /**
     * @return the reservoir's size, its frames by verdict at scoring time (accurate, candidate,
     *         failed by the campaign's trust levels) and by exploration stage, as JSON fields
     */
    static String composition(CampaignSpec spec, List<ExplorationSample> reservoir) {
        int[] verdicts = new int[3];
        java.util.TreeMap<String, Integer> stages = new java.util.TreeMap<>();
        for (ExplorationSample e : reservoir) {
            verdicts[spec.examination().trust().classify(e.deviation()).ordinal()]++;
            String w = e.walker();
            stages.merge(w.startsWith("s") && w.indexOf('-') > 1 ? w.substring(1, w.indexOf('-')) : w, 1, Integer::sum);
        }
        List<String> perStage = new ArrayList<>();
        stages.forEach((k, v) -> perStage.add("\"" + k + "\": " + v));
        return String.format(Locale.ROOT, "\"reservoir_frames\": %d, \"reservoir_accurate\": %d,"
                        + " \"reservoir_candidate\": %d, \"reservoir_failed\": %d, \"reservoir_per_stage\": {%s}",
                reservoir.size(), verdicts[0], verdicts[1], verdicts[2], String.join(", ", perStage));
    }

    private static String json(int eelt, double target, LabelCurve.Result random, LabelCurve.Result md, String reservoir,
                               long scored, int unlabelable, long steps, double campaignRmse, long explored,
                               String status) {
        return String.format(Locale.ROOT, "{\"eelt_labels\": %d, \"random_labels\": %d, \"label_ratio\": %.4f,"
                        + " \"eelt_test_force_rmse\": %.5f, \"random_test_force_rmse\": %.5f,"
                        + " \"random_reached_target\": %b, \"random_labels_not_reaching\": %d, \"random_curve\": %s,"
                        + " \"random_source\": \"uniform reservoir of the EELT run's scored frames\", \"random_draws\": " + DRAWS + ","
                        + " %s, \"scored_frames\": %d, \"reservoir_unlabelable\": %d,"
                        + " \"oracle_md_random_labels\": %d, \"oracle_md_label_ratio\": %.4f,"
                        + " \"oracle_md_test_force_rmse\": %.5f, \"oracle_md_reached_target\": %b, \"oracle_md_curve\": %s,"
                        + " \"training_steps\": %d, \"eelt_campaign_member0_test_force_rmse\": %.5f,"
                        + " \"eelt_campaign_status\": \"%s\", \"explored\": %d, \"oracle\": \"sutton-chen\"}",
                eelt, random.labels(), eelt / (double) random.labels(), target, random.rmse(), random.reached(),
                random.notReachedBelow(), random.curveJson(), reservoir, scored, unlabelable, md.labels(),
                eelt / (double) md.labels(), md.rmse(), md.reached(), md.curveJson(), steps, campaignRmse, status,
                explored);
    }

    /** Fisher–Yates shuffle with a seeded generator. */
    static <T> void shuffle(List<T> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }

    /**
     * Reservoir frames labeled by the oracle on demand, in order. A frame the oracle cannot label
     * (a calculation failure) is left out and counted, as a user's failed label would be.
     */
    static final class LabeledPool {
        private final List<ExplorationSample> samples;
        private final OraclePotential oracle;
        private final List<Frame> labeled = new ArrayList<>();
        private int next;
        private int failed;

        LabeledPool(List<ExplorationSample> samples, Oracle oracle, List<String> typeMap) {
            this.samples = samples;
            this.oracle = new OraclePotential(oracle, typeMap);
        }

        /** @return the first n labeled frames (fewer when the reservoir runs out) */
        List<Frame> first(int n) {
            while (labeled.size() < n && next < samples.size()) {
                Structure s = samples.get(next++).structure();
                try {
                    ForceResult fr = oracle.compute(s);
                    labeled.add(new Frame(s, fr.energy(), fr.forces(), fr.virial(), null));
                } catch (CalculationFailedException e) {
                    failed++;
                }
            }
            return labeled.subList(0, Math.min(n, labeled.size()));
        }

        /** @return frames the oracle could not label */
        int failed() {
            return failed;
        }
    }

    /**
     * Uniform random snapshots of oracle-driven MD at every temperature of the campaign's stages,
     * from each initial structure (100 steps of equilibration, then a frame every 10 steps).
     */
    static List<Frame> randomSnapshots(CampaignSpec spec, Oracle oracle, int count) {
        OraclePotential p = new OraclePotential(oracle, spec.typeMap());
        SplittableRandom rng = new SplittableRandom(spec.seed() + 777);
        List<Double> temps = spec.exploration().stages().stream().flatMap(st -> st.temperatures().stream()).distinct()
                .toList();
        List<Frame> all = new ArrayList<>();
        int perRun = Math.max(1, count / (temps.size() * spec.systems().size())) + 1;
        for (double t : temps) {
            for (Structure start : spec.systems()) {
                MdSettings md = MdSettings.builder().timestep(spec.exploration().timestepPs()).temperature(t)
                        .langevin(1 / spec.exploration().frictionPerPs()).maxForce(spec.exploration().maxForce())
                        .seed(rng.nextLong()).trajectoryEvery(10).thermoEvery(Integer.MAX_VALUE).build();
                MdSession run = new MdRunner(p, md).session(MdState.of(start));
                run.advance(100); // equilibration
                List<Structure> frames = new ArrayList<>();
                run.advance(10L * perRun, new MdListener() {
                    @Override
                    public void frame(long step, double time, Frame frame) {
                        frames.add(frame.structure());
                    }
                });
                for (Structure f : frames) {
                    ForceResult fr = p.compute(f);
                    all.add(new Frame(f, fr.energy(), fr.forces(), fr.virial(), null));
                }
            }
        }
        shuffle(all, rng);
        return all.subList(0, Math.min(count, all.size()));
    }

    /** Runs the benchmark in {@code args[0]} (default: a temp directory) and prints the JSON. */
    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : java.nio.file.Files.createTempDirectory("eelt-label-bench");
        System.out.println(run(dir, 40, 12));
        System.exit(0);
    }
}
