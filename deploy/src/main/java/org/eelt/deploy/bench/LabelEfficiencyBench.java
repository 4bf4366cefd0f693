package org.eelt.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
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
import org.eelt.protocol.atoms.Structure;
import org.eelt.store.EeltStore;
import org.eelt.store.ExplorationSample;
import org.eelt.store.StoredLabel;

/**
 * {@code eelt bench label-efficiency --json}: how many labels EELT's ensemble selection needs
 * compared with random snapshots of the same exploration (issue 5). One asynchronous campaign
 * ({@link #spec}) explores a target space of several Cu systems (bulk, a vacancy cell, (100) and
 * (111) surface slabs; {@link #SYSTEMS}) at 300, 600 and 900 K, labels {@code eelt_labels} frames
 * (bootstrap included) and keeps an exploration reservoir: a uniform random sample of every frame
 * its examiner scored, whatever the verdict ({@link ExplorationReservoir}). Random selection is the
 * first n frames of that reservoir in a seeded random order, labeled by the same oracle; its RMSE
 * at each count is the mean over {@value #DRAWS} independent orders (draws).
 *
 * <p>EELT's labels and each random set train fresh models with the same architecture,
 * learning-rate schedule and number of optimizer steps ({@link #DEFAULT_TRAINING_STEPS} unless
 * {@link Config#trainingSteps} says otherwise), so only the selection differs: EELT's labels are
 * trained {@value #DRAWS} times (seeds campaign seed + 0, 1, 2), random draw d with seed campaign
 * seed + d. Each model is tested
 * on the campaign's independent test set: oracle-driven MD of every system at every temperature,
 * the same number of frames each (never loosened here). {@link LabelCurve} finds the smallest
 * random count n on the grid {@link LabelCurve#MULTIPLES} × eelt_labels whose mean test force
 * RMSE is at or below the mean of EELT's retrainings: {@code label_ratio = eelt_labels /
 * random_labels}. The grid point below ({@code random_labels_not_reaching}) brackets the true count.
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
    /** Seed salt of the random order of the reservoir. */
    private static final long ORDER_SALT = 4242;
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
     */
    public record Config(Path workDir, int labels, int maxMultiple, String overrides, long trainingSteps,
                         boolean oracleMd, boolean reuseCampaign) {
        /** @return the defaults: 20000 training steps, no oracle-MD baseline, a new campaign */
        public static Config of(Path workDir, int labels, int maxMultiple, String overrides) {
            return new Config(workDir, labels, maxMultiple, overrides, DEFAULT_TRAINING_STEPS, false, false);
        }
    }

    /** Names of {@link #SYSTEMS}, in order (JSON keys of the per-system figures). */
    static final List<String> SYSTEM_NAMES = List.of("bulk", "vacancy", "fcc100", "fcc111");

    /**
     * The target space: what the campaign is asked to explore. A 32-atom fcc Cu cell, the same
     * cell with one vacancy (31 atoms), and 36-atom (100) and (111) slabs (3 × 3 surface cells,
     * 4 layers, 10 Å of vacuum: more than the oracle's 7.22 Å and the model's 7.5 Å cut-off, so
     * the two faces do not see each other). One walker per system in every stage.
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
     * Exploration of the comparison: a temperature ramp (DP-GEN style) over {@link #SYSTEMS},
     * one walker per system. Each stage explores with models trained on the colder stages'
     * labels. A stage ends when its walkers used their steps or its accurate ratio reaches the
     * convergence ratio; the last one has steps enough to run until the label budget unless its
     * accurate ratio ends it (and the campaign) first.
     */
    static final String RAMP = """
            eelt.campaign.exploration.stages = [
              {temperatures = [300], walkers = 4, steps-per-walker = 2000}
              {temperatures = [600], walkers = 4, steps-per-walker = 2000}
              {temperatures = [900], walkers = 4, steps-per-walker = 1000000}
            ]
            """;

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
     * The campaign of this comparison: {@link #SYSTEMS} explored by {@link #RAMP} with {@link #MODEL},
     * the campaign bench's trust levels, max-devi selection with re-scoring and 0.1 Å dedupe. Labels
     * are instant here (no simulated latency), so the per-model-version quota sets how many labels
     * one state of the ensemble chooses before the next retrain: 2 per version lets every label be
     * chosen by a recently retrained ensemble; the first round waits for the whole bootstrap (2
     * rattled frames per system). The test set: 4 oracle-MD frames of every system at each of
     * 300, 600 and 900 K (48 frames). The reservoir keeps enough frames for the largest random set.
     *
     * @param labels          EELT's label budget
     * @param reservoirFrames frames of the exploration reservoir
     * @return the campaign's HOCON text
     */
    static String spec(int labels, int reservoirFrames) {
        return SmallCuCampaign.named("label-efficiency").mode("async").seed(21)
                .chunks(40, 10).failedBatchesRestart(1).stage(new double[] {300}, 4, 2000)
                .examination(0.10, 0.50, 2)
                .labeling("sutton-chen:", 2)
                .model(7.5, 4, 32, 32).firstRoundSteps(1500).rounds(400, 4)
                .initialData(8, 0.0)
                .accuracy(0.9, 90).budget(labels, 1200)
                .test(new double[] {300, 600, 900}, 4).testSpacing(200, 50)
                .hocon() + SYSTEMS + RAMP + MODEL + """
                eelt.campaign.examination { policy = max-devi, dedupe-threshold = 0.1 }
                eelt.campaign.training.trigger = idle
                eelt.campaign.initial-data.train-after = 1.0
                eelt.campaign.test.all-systems = true
                """ + "eelt.campaign.examination.reservoir-frames = " + reservoirFrames + "\n";
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
        String base = spec(labels, Math.max(256, maxMultiple * labels));
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
        List<ExplorationSample> reservoir;
        long scored;
        try (EeltStore store = EeltStore.open(runDir.resolve("store"))) {
            for (Iterator<StoredLabel> it = store.iterate(store.snapshot()); it.hasNext(); ) {
                StoredLabel l = it.next();
                selected.add(l.label().frame());
                labelTally.add(SystemBreakdown.walkerOf(store.getString("label-meta/" + l.hash().hex()).orElse("")));
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
        List<LabeledPool> pools = new ArrayList<>();
        List<java.util.function.IntFunction<List<Frame>>> mdDraws = new ArrayList<>();
        List<Frame> md = c.oracleMd() ? randomSnapshots(spec, oracle, max) : List.of();
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
        LabelCurve.Result oracleMd = c.oracleMd()
                ? curves.smallestReaching(mdDraws, md.size(), eelt, target, "oracle-md") : null;
        int unlabelable = pools.stream().mapToInt(LabeledPool::failed).max().orElse(0);
        String json = json(eelt, target, random, oracleMd, composition(spec, reservoir), scored, unlabelable, steps,
                s.testForceRmse(), s.explored(), s.status());
        String extra = SystemBreakdown.json(names, eeltRmse, eeltPerSystem, random, curves, eelt, labelTally, reservoirTally,
                test.size()) + ", \"campaign_member0_steps\": " + member0Steps;
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
                               String status) {
        String oracleMd = md == null ? " \"oracle_md\": \"not run (--oracle-md)\","
                : String.format(Locale.ROOT, " \"oracle_md_random_labels\": %d, \"oracle_md_label_ratio\": %.4f,"
                        + " \"oracle_md_test_force_rmse\": %.5f, \"oracle_md_reached_target\": %b, \"oracle_md_curve\": %s,",
                md.labels(), eelt / (double) md.labels(), md.rmse(), md.reached(), md.curveJson());
        return String.format(Locale.ROOT, "{\"eelt_labels\": %d, \"random_labels\": %d, \"label_ratio\": %.4f,"
                        + " \"eelt_test_force_rmse\": %.5f, \"random_test_force_rmse\": %.5f,"
                        + " \"random_reached_target\": %b, \"random_labels_not_reaching\": %d, \"random_curve\": %s,"
                        + " \"random_source\": \"uniform reservoir of the EELT run's scored frames\", \"random_draws\": " + DRAWS + ","
                        + " %s, \"scored_frames\": %d, \"reservoir_unlabelable\": %d,"
                        + "%s"
                        + " \"training_steps\": %d, \"eelt_campaign_member0_test_force_rmse\": %.5f,"
                        + " \"eelt_campaign_status\": \"%s\", \"explored\": %d, \"oracle\": \"sutton-chen\"}",
                eelt, random.labels(), eelt / (double) random.labels(), target, random.rmse(), random.reached(),
                random.notReachedBelow(), random.curveJson(), reservoir, scored, unlabelable, oracleMd, steps,
                campaignRmse, status, explored);
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
