package org.eelt.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.eelt.deploy.campaign.Campaign;
import org.eelt.deploy.campaign.CampaignRunner;
import org.eelt.deploy.campaign.CampaignSpec;
import org.eelt.deploy.campaign.CampaignSpecParser;
import org.eelt.deploy.campaign.ExplorationReservoir;
import org.eelt.deploy.campaign.SmallCuCampaign;
import org.eelt.deploy.campaign.Summary;
import org.eelt.deploy.campaign.TestSet;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.spec.Oracles;
import org.eelt.protocol.atoms.Frame;
import org.eelt.store.EeltStore;
import org.eelt.store.ExplorationSample;
import org.eelt.store.StoredLabel;

/**
 * {@code eelt bench label-efficiency --json}: how many labels EELT's ensemble selection needs
 * compared with random snapshots of the same exploration (issue 5). One asynchronous campaign
 * ({@link #spec}) explores a target space of several Cu systems (bulk, a vacancy cell, (100) and
 * (111) surface slabs; {@link #SYSTEMS}) at 300, 600 and 900 K, labels {@code eelt_labels} frames
 * (bootstrap included) and keeps an exploration reservoir: a uniform random sample of every frame
 * its examiner scored, whatever the verdict ({@link ExplorationReservoir}). A random set of n labels
 * is the campaign's b bootstrap labels (which EELT's count includes too, so that only the selection
 * of the other n − b differs) and the first n − b frames of that reservoir in a seeded random order,
 * labeled by the same oracle; its RMSE at each count is the mean over {@value #DRAWS} independent
 * orders (draws).
 *
 * <p>EELT's labels and each random set train fresh models with the same architecture,
 * learning-rate schedule and number of optimizer steps ({@link #DEFAULT_TRAINING_STEPS} unless
 * {@link Config#trainingSteps} says otherwise), so only the selection differs: EELT's labels are
 * trained {@value #DRAWS} times (seeds campaign seed + 0, 1, 2), random draw d with seed campaign
 * seed + d. Each model is tested
 * on the campaign's independent test set: oracle-driven MD of every system at every temperature,
 * the same number of frames each (never loosened here). {@link LabelCurve} finds the smallest
 * random count n on the grid {@link LabelCurve#MULTIPLES} × eelt_labels whose mean test force
 * RMSE is at or below the mean of EELT's retrainings; the grid point below ({@code
 * random_labels_not_reaching}) brackets the true count, which is interpolated between the two
 * ({@link LabelCurve.Result#crossing}, {@code random_labels_interpolated}): {@code label_ratio =
 * eelt_labels / random_labels_interpolated} ({@code label_ratio_grid = eelt_labels / random_labels}
 * is a lower bound of it).
 *
 * <p>An extra, differently drawn baseline ({@link Config#oracleMd}, off by default) is reported under
 * {@code oracle_md_*}: uniform snapshots of oracle-driven Langevin MD at the stages' temperatures from
 * the initial structures, i.e. close to the test set's own distribution, which no selection method
 * has before labeling.
 */
public final class LabelEfficiencyBench {
    /**
     * Independent random draws (orders of the reservoir) whose mean RMSE is the random baseline's
     * at each count, and retrainings of EELT's labels (one per training seed).
     */
    static final int DRAWS = 3;
    /**
     * Optimizer steps of every fresh model (EELT's retrainings and every random set), fixed like
     * DP-GEN's {@code numb_steps}. With the ≈ 5000 steps ensemble member 0 gets in the campaign the
     * random learning curve was flat from 41 to 328 labels (test force RMSE 0.034–0.038 eV/Å): the
     * step count, not the data, set the error. With 20000 steps every error is about halved
     * (≈ 0.017 eV/Å at 41 labels); the random curve is still shallow (README, "Label efficiency").
     */
    static final long DEFAULT_TRAINING_STEPS = 20_000;

    /**
     * What to run.
     *
     * @param workDir       where the campaign and the trainings go
     * @param labels        EELT's label budget (bootstrap included)
     * @param maxMultiple   largest random label count, as a multiple of EELT's labels
     * @param overrides     HOCON appended to the campaign ({@link #spec}); the test set cannot be changed
     * @param trainingSteps optimizer steps of every fresh model; 0: as many as ensemble member 0 got in
     *                      the campaign
     * @param oracleMd      also run the oracle-MD snapshot baseline ({@code oracle_md_*}, doubles the
     *                      trainings)
     * @param reuseCampaign compare on the finished campaign already in {@code workDir/eelt} (its
     *                      {@code campaign.conf}, store and {@code summary.json}) instead of running one, e.g.
     *                      to measure the curves again with other training steps
     * @param bulkWalkers   walkers on the bulk cell per stage, for one on each other system ({@link #ramp})
     */
    public record Config(Path workDir, int labels, int maxMultiple, String overrides, long trainingSteps,
                         boolean oracleMd, boolean reuseCampaign, int bulkWalkers) {
        /** @return the defaults: 20000 training steps, no oracle-MD baseline, a new campaign, 12 bulk walkers */
        public static Config of(Path workDir, int labels, int maxMultiple, String overrides) {
            return new Config(workDir, labels, maxMultiple, overrides, DEFAULT_TRAINING_STEPS, false, false,
                    DEFAULT_BULK_WALKERS);
        }
    }

    /** Names of {@link #SYSTEMS}, in order (JSON keys of the per-system figures). */
    static final List<String> SYSTEM_NAMES = List.of("bulk", "vacancy", "fcc100", "fcc111");

    /**
     * The target space: what the campaign is asked to explore. A 32-atom fcc Cu cell, the same
     * cell with one vacancy (31 atoms), and 36-atom (100) and (111) slabs (3 × 3 surface cells,
     * 4 layers, 10 Å of vacuum: more than the oracle's 7.22 Å and the model's 7.5 Å cut-off, so
     * the two faces do not see each other).
     */
    static final String SYSTEMS = """
            eelt.campaign.strains = [0]
            eelt.campaign.systems = [
              {builder = fcc, element = Cu, a = 3.615, repeat = 2}
              {builder = fcc, element = Cu, a = 3.615, repeat = 2, vacancies = 1}
              {builder = fcc100, element = Cu, a = 3.615, repeat = 3, layers = 4, vacuum = 10}
              {builder = fcc111, element = Cu, a = 3.615, repeat = 3, layers = 4, vacuum = 10}
            ]
            """;

    /**
     * Bulk walkers per stage for each walker on the vacancy cell and on each slab ({@link #ramp}):
     * the exploration spends most of its frames on the bulk, as a DP-GEN input with many bulk
     * starting configurations and a few defect and surface cells does, while the test set weighs
     * the four systems equally (the target is a uniformly accurate model). 1 gives the balanced
     * exploration (one walker per system) that earlier versions of this bench ran.
     */
    static final int DEFAULT_BULK_WALKERS = 12;

    /**
     * Exploration of the comparison: a temperature ramp (DP-GEN style) over {@link #SYSTEMS}, with
     * {@code bulkWalkers} walkers on the bulk cell and one on each other system in every stage
     * ({@code sys-idx}). Each stage explores with models trained on the colder stages' labels. A
     * stage ends when its walkers used their steps or its accurate ratio reaches the convergence
     * ratio; the last one has steps enough to run until the label budget unless its accurate ratio
     * ends it (and the campaign) first.
     *
     * @param bulkWalkers walkers on the bulk cell per stage (≥ 1)
     * @return the stages' HOCON
     */
    static String ramp(int bulkWalkers) {
        if (bulkWalkers < 1) {
            throw new IllegalArgumentException("bench label-efficiency: bulk walkers must be >= 1, got " + bulkWalkers);
        }
        List<String> idx = new ArrayList<>(java.util.Collections.nCopies(bulkWalkers, "0"));
        idx.addAll(List.of("1", "2", "3"));
        String sysIdx = "sys-idx = [" + String.join(", ", idx) + "]";
        return "eelt.campaign.exploration.stages = [\n"
                + "  {temperatures = [300], " + sysIdx + ", steps-per-walker = 2000}\n"
                + "  {temperatures = [600], " + sysIdx + ", steps-per-walker = 2000}\n"
                + "  {temperatures = [900], " + sysIdx + ", steps-per-walker = 1000000}\n"
                + "]\n";
    }

    /**
     * The model: its cut-off (7.5 Å) covers the Sutton–Chen oracle's range (7.22 Å), so no part
     * of a label is out of its reach; sel = 200 exceeds the ≈ 150–170 neighbors of a bulk atom
     * within 7.5 Å at 900 K.
     */
    static final String MODEL = """
            eelt.campaign.training.model { sel = [200], rcut = 7.5, embedding = [8, 16], fitting = [32, 32] }
            """;

    private LabelEfficiencyBench() {
    }

    /**
     * The campaign of this comparison: {@link #SYSTEMS} explored by {@link #ramp} with {@link #MODEL},
     * the campaign bench's trust levels, max-devi selection with re-scoring and 0.1 Å dedupe. One
     * labeler whose oracle calls take a declared, SIMULATED log-normal latency (median 1 s, σ 0.5):
     * as with a real reference code, candidates wait in the examiner's queue while it works, so
     * max-devi hands it the largest deviation among them rather than the first frame over
     * trust-lo (with instant labels there is never a choice). Times are not measured here. The
     * per-model-version quota (2) bounds what one state of the ensemble chooses; the first round
     * waits for the whole bootstrap (2 rattled frames per system). The test set: 4 oracle-MD
     * frames of every system at each of 300, 600 and 900 K (48 frames). The reservoir keeps enough
     * frames for the largest random set.
     *
     * @param labels          EELT's label budget
     * @param reservoirFrames frames of the exploration reservoir
     * @param bulkWalkers     walkers on the bulk cell per stage ({@link #ramp})
     * @return the campaign's HOCON text
     */
    static String spec(int labels, int reservoirFrames, int bulkWalkers) {
        return SmallCuCampaign.named("label-efficiency").mode("async").seed(21)
                .chunks(40, 10).failedBatchesRestart(1).stage(new double[] {300}, 4, 2000)
                .examination(0.10, 0.50, 2)
                .labeling("sutton-chen:", 1).simulatedLatency(1.0, 0.5)
                .model(7.5, 4, 32, 32).firstRoundSteps(1500).rounds(400, 4)
                .initialData(8, 0.0)
                .accuracy(0.9, 90).budget(labels, 1200)
                .test(new double[] {300, 600, 900}, 4).testSpacing(200, 50)
                .hocon() + SYSTEMS + ramp(bulkWalkers) + MODEL + """
                eelt.campaign.examination { policy = max-devi, dedupe-threshold = 0.1 }
                eelt.campaign.training.trigger = idle
                eelt.campaign.initial-data.train-after = 1.0
                eelt.campaign.test.all-systems = true
                """ + "eelt.campaign.examination.reservoir-frames = " + reservoirFrames + "\n";
    }

    /** @return {@link #spec} with {@link #DEFAULT_BULK_WALKERS} */
    static String spec(int labels, int reservoirFrames) {
        return spec(labels, reservoirFrames, DEFAULT_BULK_WALKERS);
    }

    /** @return the JSON of a run in {@code workDir} with at most {@code maxMultiple} × eelt_labels random labels. */
    public static String run(Path workDir, int labels, int maxMultiple) throws IOException {
        return run(Config.of(workDir, labels, maxMultiple, ""));
    }

    /**
     * @param overrides HOCON appended to the campaign ({@link #spec}), e.g. {@code eelt.campaign.examination.policy
     *                  = fixed}, to measure another selection setting; the test set cannot be changed
     * @return the JSON of a run in {@code workDir} with at most {@code maxMultiple} × eelt_labels random labels
     * @throws org.eelt.deploy.campaign.CampaignSpecException when the overrides are invalid or touch the test set
     */
    public static String run(Path workDir, int labels, int maxMultiple, String overrides) throws IOException {
        return run(Config.of(workDir, labels, maxMultiple, overrides));
    }

    /**
     * @return the JSON of a run ({@link Config})
     * @throws org.eelt.deploy.campaign.CampaignSpecException when the overrides are invalid or touch the test set
     */
    public static String run(Config c) throws IOException {
        Path workDir = c.workDir();
        int labels = c.labels();
        int maxMultiple = c.maxMultiple();
        String overrides = c.overrides();
        String base = spec(labels, Math.max(256, maxMultiple * labels), c.bulkWalkers());
        String text = base + (overrides.isBlank() ? "" : overrides + "\n");
        CampaignSpec.TestSet baseTest = CampaignSpecParser.parse(base, workDir).test();
        if (!CampaignSpecParser.parse(text, workDir).test().equals(baseTest)) {
            throw new IllegalArgumentException("bench label-efficiency: the overrides change the test set (eelt.campaign.test);"
                    + " it is fixed so that results stay comparable. Remove those keys");
        }
        Path runDir = workDir.resolve("eelt");
        CampaignFacts s;
        if (c.reuseCampaign()) {
            s = CampaignFacts.read(runDir);
            text = Files.readString(runDir.resolve("campaign.conf"));
        } else {
            s = CampaignFacts.of(CampaignRunner.run(new CampaignRunner.Options(text, workDir, runDir, false, null, 2000)));
        }
        CampaignSpec spec = CampaignSpecParser.parse(text, workDir);
        if (!spec.test().equals(baseTest)) {
            throw new IllegalArgumentException("bench label-efficiency: the campaign in " + runDir + " has another test"
                    + " set than this bench's (" + spec.test() + "); its figures would not be comparable");
        }
        Oracle oracle = Oracles.create(spec.labeling().oracle(), OracleSettings.defaults());
        List<TestSet.Labeled> test = TestSet.build(spec, oracle);
        long member0Steps = (long) (spec.training().firstRoundSteps()
                + Math.max(0, s.modelVersions() / (double) spec.training().ensembleSize() - 1)
                * spec.training().stepsPerRound());
        long steps = c.trainingSteps() > 0 ? c.trainingSteps() : member0Steps;
        List<String> names = SystemBreakdown.systemNames(spec, SYSTEM_NAMES);
        SystemTally labelTally = new SystemTally(spec, names);
        SystemTally reservoirTally = new SystemTally(spec, names);
        List<Frame> selected = new ArrayList<>();
        List<Frame> bootstrap = new ArrayList<>();
        List<ExplorationSample> reservoir;
        long scored;
        try (EeltStore store = EeltStore.open(runDir.resolve("store"))) {
            for (Iterator<StoredLabel> it = store.iterate(store.snapshot()); it.hasNext(); ) {
                StoredLabel l = it.next();
                selected.add(l.label().frame());
                String walker = SystemBreakdown.walkerOf(store.getString("label-meta/" + l.hash().hex()).orElse(""));
                labelTally.add(walker);
                if (walker.equals(Campaign.BOOTSTRAP_WALKER)) {
                    bootstrap.add(l.label().frame());
                }
            }
            reservoir = new ArrayList<>(ExplorationReservoir.read(store));
            scored = ExplorationReservoir.seen(store);
        }
        reservoir.forEach(e -> reservoirTally.add(e.walker()));
        int eelt = selected.size();
        // a reused campaign keeps its earlier trainings: the new ones go to their own directory
        Path trainings = c.reuseCampaign() ? workDir.resolve("reuse-steps-" + steps) : workDir;
        LabelCurve curves = new LabelCurve(spec, steps, test, trainings, SystemBreakdown.testGroups(spec, test.size()));
        // the same fresh training on EELT's labels, once per training seed, so that only the selection differs
        double[] eeltRmse = new double[DRAWS];
        double[][] eeltPerSystem = new double[DRAWS][];
        for (int d = 0; d < DRAWS; d++) {
            eeltRmse[d] = curves.rmse(selected, "eelt-retrained-s" + d, d);
            eeltPerSystem[d] = curves.groupRmse("eelt-retrained-s" + d);
        }
        double target = java.util.Arrays.stream(eeltRmse).average().orElseThrow();
        int max = maxMultiple * eelt;
        List<java.util.function.IntFunction<List<Frame>>> randomDraws = new ArrayList<>();
        List<RandomLabelSets.LabeledPool> pools = new ArrayList<>();
        List<java.util.function.IntFunction<List<Frame>>> mdDraws = new ArrayList<>();
        List<Frame> md = c.oracleMd() ? RandomLabelSets.oracleMdSnapshots(spec, oracle, max) : List.of();
        for (int d = 0; d < DRAWS; d++) {
            List<ExplorationSample> order = new ArrayList<>(reservoir);
            RandomLabelSets.shuffle(order, new SplittableRandom(spec.seed() + RandomLabelSets.ORDER_SALT + d));
            RandomLabelSets.LabeledPool pool = new RandomLabelSets.LabeledPool(order, oracle, spec.typeMap());
            pools.add(pool);
            randomDraws.add(n -> RandomLabelSets.withBootstrap(bootstrap, pool, n));
            List<Frame> mdOrder = new ArrayList<>(md);
            RandomLabelSets.shuffle(mdOrder, new SplittableRandom(spec.seed() + RandomLabelSets.ORDER_SALT + 100 + d));
            mdDraws.add(n -> mdOrder.subList(0, n));
        }
        int available = Math.min(max, bootstrap.size() + reservoir.size());
        LabelCurve.Result random = curves.smallestReaching(randomDraws, available, eelt, target, "random");
        LabelCurve.Result oracleMd = c.oracleMd()
                ? curves.smallestReaching(mdDraws, md.size(), eelt, target, "oracle-md") : null;
        int unlabelable = pools.stream().mapToInt(RandomLabelSets.LabeledPool::failed).max().orElse(0);
        String json = json(eelt, target, random, oracleMd, composition(spec, reservoir), scored, unlabelable, steps,
                s.testForceRmse(), s.explored(), s.status(), bootstrap.size());
        String extra = SystemBreakdown.json(names, eeltRmse, eeltPerSystem, random, curves, eelt, labelTally, reservoirTally,
                test.size()) + ", \"campaign_member0_steps\": " + member0Steps + ", \"walkers_per_system\": "
                + walkersPerSystem(spec, names);
        json = json.substring(0, json.length() - 1) + ", " + extra + "}";
        return overrides.isBlank() ? json : json.substring(0, json.length() - 1) + ", \"overrides\": \""
                + overrides.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
    }

    /**
     * What the comparison needs from the campaign's summary.
     *
     * @param modelVersions member publications (sets ensemble member 0's step count)
     * @param testForceRmse member 0's test force RMSE at the end of the campaign, eV/Å
     * @param explored      frames explored
     * @param status        how the campaign ended
     */
    record CampaignFacts(long modelVersions, double testForceRmse, long explored, String status) {
        static CampaignFacts of(Summary s) {
            return new CampaignFacts((long) s.number("model_versions"), s.number("test_force_rmse"),
                    (long) s.number("explored"), s.status());
        }

        /** @return the facts of a finished campaign's {@code summary.json} in {@code runDir} */
        static CampaignFacts read(Path runDir) throws IOException {
            Path file = runDir.resolve("summary.json");
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("bench label-efficiency: no finished campaign to reuse in " + runDir
                        + " (summary.json is missing)");
            }
            com.typesafe.config.Config j = com.typesafe.config.ConfigFactory.parseString(Files.readString(file));
            return new CampaignFacts(j.getLong("model_versions"), j.getDouble("test_force_rmse"), j.getLong("explored"),
                    j.getString("status"));
        }
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
                               String status, int bootstrap) {
        String oracleMd = md == null ? " \"oracle_md\": \"not run (--oracle-md)\","
                : String.format(Locale.ROOT, " \"oracle_md_random_labels\": %d, \"oracle_md_label_ratio\": %.4f,"
                        + " \"oracle_md_test_force_rmse\": %.5f, \"oracle_md_reached_target\": %b, \"oracle_md_curve\": %s,",
                md.labels(), eelt / (double) md.labels(), md.rmse(), md.reached(), md.curveJson());
        double crossing = random.crossing(target);
        return String.format(Locale.ROOT, "{\"eelt_labels\": %d, \"random_labels\": %d, \"label_ratio\": %.4f,"
                        + " \"random_labels_interpolated\": %.1f, \"label_ratio_grid\": %.4f,"
                        + " \"label_ratio_interpolated\": %b,"
                        + " \"eelt_test_force_rmse\": %.5f, \"random_test_force_rmse\": %.5f,"
                        + " \"random_reached_target\": %b, \"random_labels_not_reaching\": %d, \"random_curve\": %s,"
                        + " \"random_source\": \"the campaign's " + bootstrap + " bootstrap labels + a uniform reservoir of"
                        + " the EELT run's scored frames\", \"random_draws\": " + DRAWS + ", \"shared_bootstrap_labels\": "
                        + bootstrap + ","
                        + " %s, \"scored_frames\": %d, \"reservoir_unlabelable\": %d,"
                        + "%s"
                        + " \"training_steps\": %d, \"eelt_campaign_member0_test_force_rmse\": %.5f,"
                        + " \"eelt_campaign_status\": \"%s\", \"explored\": %d, \"oracle\": \"sutton-chen\"}",
                eelt, random.labels(), eelt / crossing, crossing, eelt / (double) random.labels(), random.bracketed(),
                target, random.rmse(), random.reached(),
                random.notReachedBelow(), random.curveJson(), reservoir, scored, unlabelable, oracleMd, steps,
                campaignRmse, status, explored);
    }

    /** @return the first stage's walkers counted by the system they start from, as a JSON object */
    static String walkersPerSystem(CampaignSpec spec, List<String> names) {
        java.util.Map<String, Integer> n = new java.util.LinkedHashMap<>();
        names.forEach(x -> n.put(x, 0));
        for (int w = 0; w < spec.exploration().stages().get(0).walkers(); w++) {
            n.merge(names.get(spec.startSystem(0, w)), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        n.forEach((k, v) -> parts.add("\"" + k + "\": " + v));
        return "{" + String.join(", ", parts) + "}";
    }

    /** Runs the benchmark in {@code args[0]} (default: a temp directory) and prints the JSON. */
    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : java.nio.file.Files.createTempDirectory("eelt-label-bench");
        System.out.println(run(dir, 40, 12));
        System.exit(0);
    }
}
