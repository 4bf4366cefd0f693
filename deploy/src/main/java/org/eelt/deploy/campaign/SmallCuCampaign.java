package org.eelt.deploy.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

/**
 * Writes the HOCON text of a small campaign on a 32-atom fcc Cu cell (a = 3.615 A, 2x2x2 cells)
 * with an ensemble of two small Deep Potential models — the campaign that the benchmarks and the
 * end-to-end tests run, each with its own budgets. The text is what a user would write and goes
 * through {@link CampaignSpecParser} like any other spec; optional keys left unset are left out
 * so the parser's defaults apply. The labeling block is written on one line,
 * {@code labeling { oracle = "sutton-chen:", workers = 1, timeout-s = 30 }} for example, so that a
 * test may replace it as a whole. Units as in the spec: temperatures K, lengths A, times s.
 */
public final class SmallCuCampaign {
    private final String name;
    private long seed = 5;
    private String mode;
    private double[] strains;
    private Integer chunkSteps;
    private Integer sampleInterval;
    private Integer failedBatchesRestart;
    private Integer maxInFlight;
    private double[] temperatures = {300};
    private int walkers = 1;
    private long stepsPerWalker = 1000;
    private String ensemble;
    private double[] pressures;
    private String barostat;
    private double trustLo = Double.NaN;
    private double trustHi;
    private int maxCandidatesPerModel;
    private String oracle = "sutton-chen:";
    private int labelWorkers = 1;
    private Double timeoutS;
    private Integer retries;
    private Double backoffS;
    private double latencyMedianS = Double.NaN;
    private double latencySigma;
    private double rcut = 5.0;
    private int axisNeuron = 4;
    private int[] fitting = {16, 16};
    private long firstRoundSteps = 100;
    private Long stepsPerRound;
    private Integer triggerNewLabels;
    private int bootstrap = 8;
    private double initialStrain = 0.02;
    private Double accurateRatio;
    private Integer window;
    private long maxLabels;
    private double maxWallS;
    private double[] testTemperatures;
    private int testFrames;
    private Integer equilibrationSteps;
    private Integer stepsBetween;

    private SmallCuCampaign(String name) {
        this.name = name;
    }

    /** @return a builder for the campaign called {@code name}. */
    public static SmallCuCampaign named(String name) {
        return new SmallCuCampaign(name);
    }

    /** @return this, with the campaign seed. */
    public SmallCuCampaign seed(long s) {
        seed = s;
        return this;
    }

    /** @return this, with the scheduling mode ({@code async} or {@code sync}). */
    public SmallCuCampaign mode(String m) {
        mode = m;
        return this;
    }

    /** @return this, with the isotropic strains (fractions) applied to the starting cell. */
    public SmallCuCampaign strains(double... s) {
        strains = s.clone();
        return this;
    }

    /** @return this, with the MD steps per chunk and the sampling interval (steps). */
    public SmallCuCampaign chunks(int chunk, int sample) {
        chunkSteps = chunk;
        sampleInterval = sample;
        return this;
    }

    /** @return this, with the failed batches after which a walker restarts. */
    public SmallCuCampaign failedBatchesRestart(int n) {
        failedBatchesRestart = n;
        return this;
    }

    /** @return this, with the frame batches a walker may have unacknowledged. */
    public SmallCuCampaign maxInFlight(int n) {
        maxInFlight = n;
        return this;
    }

    /** @return this, with the one exploration stage: temperatures (K), walkers, steps per walker. */
    public SmallCuCampaign stage(double[] temperaturesK, int walkerCount, long steps) {
        temperatures = temperaturesK.clone();
        walkers = walkerCount;
        stepsPerWalker = steps;
        return this;
    }

    /**
     * @return this, with the stage's ensemble ({@code nvt}, {@code npt} or {@code nve}) and, for
     *         npt, its pressures in bar (none: the parser's default of 1 bar)
     */
    public SmallCuCampaign ensemble(String name, double... pressuresBar) {
        ensemble = name;
        pressures = pressuresBar.length == 0 ? null : pressuresBar.clone();
        return this;
    }

    /**
     * @return this, with the NPT barostat: {@code isotropic} or {@code anisotropic}, τ_p (ps) and
     *         compressibility β_T (1/bar)
     */
    public SmallCuCampaign barostat(String type, double tauPs, double compressibilityPerBar) {
        barostat = "barostat { type = " + type + ", tau-ps = " + num(tauPs) + ", compressibility-per-bar = "
                + num(compressibilityPerBar) + " }";
        return this;
    }

    /** @return this, with the trust levels (eV/A) and the candidates admitted per model. */
    public SmallCuCampaign examination(double lo, double hi, int maxCandidates) {
        trustLo = lo;
        trustHi = hi;
        maxCandidatesPerModel = maxCandidates;
        return this;
    }

    /** @return this, with the oracle (spec or configured name) and the labeler count. */
    public SmallCuCampaign labeling(String oracleSpec, int workers) {
        oracle = oracleSpec;
        labelWorkers = workers;
        return this;
    }

    /** @return this, with the oracle timeout (s). */
    public SmallCuCampaign timeoutS(double s) {
        timeoutS = s;
        return this;
    }

    /** @return this, with the retries of a failed label and the back-off between them (s). */
    public SmallCuCampaign retries(int n, double backoff) {
        retries = n;
        backoffS = backoff;
        return this;
    }

    /** @return this, with a simulated log-normal oracle latency: median (s) and sigma of its log. */
    public SmallCuCampaign simulatedLatency(double medianS, double sigma) {
        latencyMedianS = medianS;
        latencySigma = sigma;
        return this;
    }

    /** @return this, with the model's cut-off (A), axis neurons and fitting-net widths. */
    public SmallCuCampaign model(double rcutA, int axis, int... fittingWidths) {
        rcut = rcutA;
        axisNeuron = axis;
        fitting = fittingWidths.clone();
        return this;
    }

    /** @return this, with the training steps of the first round. */
    public SmallCuCampaign firstRoundSteps(long steps) {
        firstRoundSteps = steps;
        return this;
    }

    /** @return this, with the steps of later rounds and the new labels that trigger one. */
    public SmallCuCampaign rounds(long steps, int newLabels) {
        stepsPerRound = steps;
        triggerNewLabels = newLabels;
        return this;
    }

    /** @return this, with the bootstrap structures and their strain (fraction); rattle is 0.05 A. */
    public SmallCuCampaign initialData(int structures, double strain) {
        bootstrap = structures;
        initialStrain = strain;
        return this;
    }

    /** @return this, with the accurate ratio that ends the campaign over a window of frames. */
    public SmallCuCampaign accuracy(double ratio, int frames) {
        accurateRatio = ratio;
        window = frames;
        return this;
    }

    /** @return this, with the label budget and the wall-clock budget (s). */
    public SmallCuCampaign budget(long labels, double wallS) {
        maxLabels = labels;
        maxWallS = wallS;
        return this;
    }

    /** @return this, with the test set: temperatures (K, none for the default) and frames. */
    public SmallCuCampaign test(double[] temperaturesK, int frames) {
        testTemperatures = temperaturesK == null ? null : temperaturesK.clone();
        testFrames = frames;
        return this;
    }

    /** @return this, with the test trajectory's equilibration steps and steps between frames. */
    public SmallCuCampaign testSpacing(int equilibration, int between) {
        equilibrationSteps = equilibration;
        stepsBetween = between;
        return this;
    }

    /** @return the campaign's HOCON text. */
    public String hocon() {
        StringBuilder b = new StringBuilder("eelt.campaign {\n");
        line(b, 1, "name = \"" + name + "\"");
        if (mode != null) {
            line(b, 1, "mode = " + mode);
        }
        line(b, 1, "seed = " + seed);
        line(b, 1, "type-map = [Cu]");
        line(b, 1, "systems = [{builder = fcc, element = Cu, a = 3.615, repeat = 2}]");
        if (strains != null) {
            line(b, 1, "strains = " + list(strains));
        }
        List<String> exploration = new ArrayList<>();
        optional(exploration, "chunk-steps", chunkSteps);
        optional(exploration, "sample-interval", sampleInterval);
        optional(exploration, "failed-batches-restart", failedBatchesRestart);
        optional(exploration, "max-in-flight", maxInFlight);
        if (barostat != null) {
            exploration.add(barostat);
        }
        String stage = "temperatures = " + list(temperatures);
        if (ensemble != null) {
            stage += ", ensemble = " + ensemble;
        }
        if (pressures != null) {
            stage += ", pressures = " + list(pressures);
        }
        exploration.add("stages = [{" + stage + ", walkers = " + walkers + ", steps-per-walker = " + stepsPerWalker
                + "}]");
        section(b, "exploration", exploration);
        if (!Double.isNaN(trustLo)) {
            line(b, 1, "examination { trust-lo = " + num(trustLo) + ", trust-hi = " + num(trustHi)
                    + ", max-candidates-per-model = " + maxCandidatesPerModel + ", dedupe-threshold = 0.02 }");
        }
        List<String> labeling = new ArrayList<>();
        labeling.add("oracle = \"" + oracle + "\"");
        labeling.add("workers = " + labelWorkers);
        optional(labeling, "timeout-s", timeoutS);
        optional(labeling, "retries", retries);
        optional(labeling, "backoff-s", backoffS);
        if (!Double.isNaN(latencyMedianS)) {
            labeling.add("simulated-latency { median-s = " + num(latencyMedianS) + ", sigma = " + num(latencySigma) + " }");
        }
        // one line, so that tests may swap the whole labeling block for another
        line(b, 1, "labeling { " + String.join(", ", labeling) + " }");
        List<String> training = new ArrayList<>();
        training.add("ensemble-size = 2");
        training.add("model { sel = [60], rcut = " + num(rcut) + ", rcut-smth = 2.0, embedding = [4, 8], axis-neuron = "
                + axisNeuron + ", fitting = " + list(toDoubles(fitting)) + " }");
        training.add("first-round-steps = " + firstRoundSteps);
        optional(training, "steps-per-round", stepsPerRound);
        if (triggerNewLabels != null) {
            training.add("trigger = { new-labels = " + triggerNewLabels + " }");
        }
        section(b, "training", training);
        line(b, 1, "initial-data { bootstrap = " + bootstrap + ", rattle = 0.05, strain = " + num(initialStrain) + " }");
        List<String> convergence = new ArrayList<>();
        optional(convergence, "accurate-ratio", accurateRatio);
        optional(convergence, "window", window);
        convergence.add("max-labels = " + maxLabels);
        convergence.add("max-wall-s = " + num(maxWallS));
        line(b, 1, "convergence { " + String.join(", ", convergence) + " }");
        List<String> test = new ArrayList<>();
        if (testTemperatures != null) {
            test.add("temperatures = " + list(testTemperatures));
        }
        test.add("frames = " + testFrames);
        optional(test, "equilibration-steps", equilibrationSteps);
        optional(test, "steps-between", stepsBetween);
        line(b, 1, "test { " + String.join(", ", test) + " }");
        return b.append("}\n").toString();
    }

    private static double[] toDoubles(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static void optional(List<String> entries, String key, Number value) {
        if (value != null) {
            entries.add(key + " = " + (value instanceof Double d ? num(d) : value.toString()));
        }
    }

    private static void section(StringBuilder b, String name, List<String> entries) {
        line(b, 1, name + " {");
        for (String e : entries) {
            line(b, 2, e);
        }
        line(b, 1, "}");
    }

    private static void line(StringBuilder b, int indent, String text) {
        b.append("  ".repeat(indent)).append(text).append('\n');
    }

    private static String list(double[] values) {
        return DoubleStream.of(values).mapToObj(SmallCuCampaign::num).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Whole numbers without a fraction, others as Java writes a double (HOCON reads both). */
    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
