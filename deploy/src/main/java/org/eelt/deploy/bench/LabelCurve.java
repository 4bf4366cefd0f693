package org.eelt.deploy.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.IntFunction;

import org.eelt.deploy.campaign.CampaignSpec;
import org.eelt.deploy.campaign.TestSet;
import org.eelt.examiner.agent.EnsembleModels;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.trainer.agent.TrainerSettings;
import org.eelt.trainer.agent.TrainingRound;

/**
 * Test force RMSE (eV/Å) against the number of labels for one way of choosing labels: a fresh
 * model (the campaign's architecture, learning-rate schedule and a fixed number of optimizer
 * steps) is trained on the first n frames of a pool for n on a grid of multiples of a reference
 * label count, and tested on the campaign's independent test set. With several pools (independent
 * random draws) the RMSE at n is their mean, which damps the draw-to-draw scatter of small sets;
 * draw d trains with seed {@code campaign seed + d}, as the d-th retraining of EELT's labels does
 * ({@link #rmse(List, String, int)}), so both arms see the same training seeds. {@link #smallestReaching} finds
 * the smallest grid count whose RMSE is at or below a target, training as few models as it can:
 * it starts at 1× and walks up until the target is reached, or down while it still is.
 */
final class LabelCurve {
    /** Multiples of the reference label count that are tried (0.125× … 12×). */
    static final double[] MULTIPLES = {0.125, 0.25, 0.375, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8, 12};

    /**
     * Where the search ended.
     *
     * @param curve mean RMSE over the draws at each count tried
     * @param draws each draw's RMSE at each count tried (the scatter behind the mean)
     */
    record Result(int labels, double rmse, boolean reached, int notReachedBelow, TreeMap<Integer, Double> curve,
                  TreeMap<Integer, double[]> draws) {
        /**
         * The label count at which the mean curve reaches {@code target}, interpolated between the
         * bracketing grid counts: with n₋ = {@link #notReachedBelow} (RMSE r₋ above the target) and
         * n₊ = {@link #labels} (RMSE r₊ at or below it),
         * <pre>
         *   ln n* = ln n₋ + (r₋ − target) / (r₋ − r₊) · (ln n₊ − ln n₋)
         * </pre>
         * (linear in the logarithm of the count, as learning curves are). Without a bracket (the
         * smallest grid count already reaches the target, or no count does) it is {@link #labels}.
         *
         * @param target the RMSE the search aimed at, eV/Å
         * @return n*, between n₋ and n₊
         */
        double crossing(double target) {
            if (!reached || notReachedBelow <= 0 || !curve.containsKey(notReachedBelow)) {
                return labels;
            }
            double above = curve.get(notReachedBelow);
            if (!(above > target) || !(rmse <= target) || above == rmse) {
                return labels;
            }
            double f = (above - target) / (above - rmse);
            return Math.exp(Math.log(notReachedBelow) + f * (Math.log(labels) - Math.log(notReachedBelow)));
        }

        /** @return whether {@link #crossing} interpolates between two grid counts that bracket the target */
        boolean bracketed() {
            return reached && notReachedBelow > 0;
        }

        /** @return the curve as a JSON array of [labels, rmse] pairs */
        String curveJson() {
            List<String> points = new ArrayList<>();
            curve.forEach((n, r) -> points.add(String.format(Locale.ROOT, "[%d, %.5f]", n, r)));
            return "[" + String.join(", ", points) + "]";
        }

        /** @return every draw's RMSE as a JSON array of [labels, [rmse of draw 0, draw 1, ...]] */
        String drawsJson() {
            List<String> points = new ArrayList<>();
            draws.forEach((n, r) -> points.add(String.format(Locale.ROOT, "[%d, %s]", n, LabelCurve.json(r))));
            return "[" + String.join(", ", points) + "]";
        }
    }

    private final CampaignSpec spec;
    private final long steps;
    private final List<TestSet.Labeled> test;
    private final Path workDir;
    private final List<int[]> groups;
    private final java.util.Map<String, double[]> groupRmse = new java.util.HashMap<>();

    /**
     * @param spec    the campaign (model, learning rates, loss prefactors, seed)
     * @param steps   optimizer steps of every fresh model
     * @param test    the independent test set
     * @param workDir where the models' training directories go
     * @param groups  [first, end) index ranges of the test set (one per system) whose RMSEs are also
     *                kept ({@link #groupRmse}); may be empty
     */
    LabelCurve(CampaignSpec spec, long steps, List<TestSet.Labeled> test, Path workDir, List<int[]> groups) {
        this.spec = spec;
        this.steps = steps;
        this.test = test;
        this.workDir = workDir;
        this.groups = List.copyOf(groups);
    }

    /**
     * @param seed training seed offset: the model trains with seed {@code campaign seed + seed}
     * @return the test force RMSE (eV/Å) of a fresh model trained on {@code frames}; its files go to {@code name}
     */
    double rmse(List<Frame> frames, String name, int seed) throws IOException {
        CampaignSpec.Training t = spec.training();
        TrainerSettings ts = new TrainerSettings(0, t.model(), steps, steps, t.startLr(), t.warmStartLr(), t.stopLr(),
                t.prefactors(), t.batchAtoms(), false, spec.seed() + seed, workDir.resolve(name));
        ModelPublished m = TrainingRound.run(ts, frames, 1);
        var model = EnsembleModels.potentialOf(m);
        double[] g = new double[groups.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = TestSet.errors(model, test.subList(groups.get(i)[0], groups.get(i)[1])).forceRmse();
        }
        groupRmse.put(name, g);
        return TestSet.errors(model, test).forceRmse();
    }

    /** @return the test force RMSE of each test group (system) of the model trained as {@code name}, or null */
    double[] groupRmse(String name) {
        return groupRmse.get(name);
    }

    /** @return the name of draw d's training at n labels (its directory, and its key in {@link #groupRmse}) */
    static String drawName(String name, int d, int n) {
        return name + "-d" + d + "-" + n;
    }

    private double[] drawRmses(List<IntFunction<List<Frame>>> pools, int n, String name) throws IOException {
        double[] r = new double[pools.size()];
        for (int d = 0; d < pools.size(); d++) {
            r[d] = rmse(pools.get(d).apply(n), drawName(name, d, n), d);
        }
        return r;
    }

    private double meanRmse(List<IntFunction<List<Frame>>> pools, int n, String name, TreeMap<Integer, double[]> draws)
            throws IOException {
        double[] r = drawRmses(pools, n, name);
        draws.put(n, r);
        return java.util.Arrays.stream(r).average().orElseThrow();
    }

    /** @return the values as a JSON array with 5 decimals */
    static String json(double[] values) {
        List<String> v = new ArrayList<>();
        for (double x : values) {
            v.add(String.format(Locale.ROOT, "%.5f", x));
        }
        return "[" + String.join(", ", v) + "]";
    }

    /**
     * @param pools     each gives the first n frames of one draw (labeled on demand; at most {@code available})
     * @param available frames the pool can give
     * @param reference the label count the multiples refer to
     * @param target    test force RMSE to reach, eV/Å
     * @param name      prefix of the training directories
     * @return the smallest grid count reaching the target (or the largest tried when none does)
     */
    Result smallestReaching(List<IntFunction<List<Frame>>> pools, int available, int reference, double target, String name)
            throws IOException {
        List<Integer> counts = new ArrayList<>();
        for (double m : MULTIPLES) {
            int n = (int) Math.round(m * reference);
            if (n >= 1 && n <= available && (counts.isEmpty() || counts.get(counts.size() - 1) != n)) {
                counts.add(n);
            }
        }
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("no label count on the grid fits a pool of " + available + " frames");
        }
        int start = 0;
        while (start + 1 < counts.size() && counts.get(start) < reference) {
            start++;
        }
        TreeMap<Integer, Double> curve = new TreeMap<>();
        TreeMap<Integer, double[]> draws = new TreeMap<>();
        int i = start;
        double r = meanRmse(pools, counts.get(i), name, draws);
        curve.put(counts.get(i), r);
        if (r <= target) { // walk down while the target is still reached
            int best = i;
            while (best > 0) {
                int n = counts.get(best - 1);
                double rd = meanRmse(pools, n, name, draws);
                curve.put(n, rd);
                if (rd > target) {
                    return new Result(counts.get(best), curve.get(counts.get(best)), true, n, curve, draws);
                }
                best--;
            }
            return new Result(counts.get(0), curve.get(counts.get(0)), true, 0, curve, draws);
        }
        while (i + 1 < counts.size()) { // walk up until it is reached
            i++;
            int n = counts.get(i);
            double ru = meanRmse(pools, n, name, draws);
            curve.put(n, ru);
            if (ru <= target) {
                return new Result(n, ru, true, counts.get(i - 1), curve, draws);
            }
        }
        int last = counts.get(counts.size() - 1);
        return new Result(last, curve.get(last), false, last, curve, draws);
    }
}
