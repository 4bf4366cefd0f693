package org.eelt.freeenergy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.eelt.freeenergy.cv.Cartesian;
import org.eelt.freeenergy.cv.CvSet;
import org.eelt.protocol.atoms.MeanForceLabel;
import org.eelt.protocol.atoms.Provenance;
import org.eelt.freeenergy.label.RestrainedMd;
import org.eelt.freeenergy.label.RestrainedMdSettings;
import org.eelt.freeenergy.mb.MullerBrownPotential;
import org.eelt.freeenergy.net.FeatureMap;
import org.eelt.freeenergy.net.FreeEnergyEnsemble;
import org.eelt.freeenergy.net.FreeEnergyNet;
import org.eelt.freeenergy.net.FreeEnergyTrainer;
import org.eelt.freeenergy.net.TrainSettings;

/**
 * Speed of the free-energy numerics on the Müller–Brown system (single thread):
 * <ul>
 *   <li>(a) mean-force labels/s of the built-in restrained MD: Langevin BAOAB, Δt = 1 fs, 300 K,
 *       κ = 100 eV/Å² on (x, y) of atom 0, {@code stepsPerLabel} steps per label, CVs sampled every
 *       step (the labeler's default), centers drawn uniformly in [−1.5, 1] × [−0.5, 2] Å; one warm-up label first;</li>
 *   <li>(b) training steps/s of a K = 4 free-energy ensemble: hidden widths 32-32-32 (tanh, resnet),
 *       minibatch 32, Adam, on {@code trainLabels} labels whose mean forces are the exact −∇A of the
 *       MB system (the speed does not depend on the values); members trained one after the other;
 *       one ensemble step = one optimizer step of each of the 4 members.</li>
 * </ul>
 * {@link #toJson()} gives one JSON object.
 *
 * @param labels              restrained-MD labels timed
 * @param stepsPerLabel       MD steps per label
 * @param labelsPerS          labels/s
 * @param mdStepsPerS         MD steps/s inside the labeler
 * @param acceptedLabels      labels accepted (no threshold set: all completed runs)
 * @param members             ensemble members
 * @param widths              hidden widths
 * @param batchSize           minibatch size
 * @param trainLabels         labels in the training set
 * @param trainSteps          optimizer steps per member
 * @param memberStepsPerS     optimizer steps/s of one member
 * @param ensembleStepsPerS   ensemble steps/s (= member steps/s / K)
 * @param finalForceRmse      force RMSE (eV/Å) of member 0 after the timed steps, as a sanity figure
 * @param labelsPerCpuS       labels per second of the benchmark thread's CPU time (NaN if unmeasurable):
 *                            unlike the wall-clock rate it does not drop when other processes share the cores
 * @param memberStepsPerCpuS  member optimizer steps per second of thread CPU time
 */
public record FeBench(int labels, long stepsPerLabel, double labelsPerS, double mdStepsPerS, int acceptedLabels,
                      int members, int[] widths, int batchSize, int trainLabels, int trainSteps,
                      double memberStepsPerS, double ensembleStepsPerS, double finalForceRmse, double labelsPerCpuS,
                      double memberStepsPerCpuS) {
    private static final CvSet XY = CvSet.of(new Cartesian(0, 0), new Cartesian(0, 1));

    /** Runs with the defaults (20 labels of 10 000 steps; 4 × 1500 training steps on 500 labels), about 20 s here. */
    public static FeBench run() {
        return run(20, 10_000, 500, 1500);
    }

    /**
     * @param labels        labels to time (≥ 1)
     * @param stepsPerLabel MD steps per label (≥ 200)
     * @param trainLabels   labels in the training set (≥ 32)
     * @param trainSteps    optimizer steps per member (≥ 1)
     */
    public static FeBench run(int labels, long stepsPerLabel, int trainLabels, int trainSteps) {
        if (labels < 1 || stepsPerLabel < 200 || trainLabels < 32 || trainSteps < 1) {
            throw new IllegalArgumentException("fe bench needs labels >= 1, steps per label >= 200, train labels >= 32"
                    + " and train steps >= 1");
        }
        MullerBrownPotential mb = new MullerBrownPotential();
        SplittableRandom rng = new SplittableRandom(2024);
        RestrainedMdSettings st = RestrainedMdSettings.of(new double[] {100, 100}, MullerBrownPotential.TEMPERATURE,
                0.001, stepsPerLabel, 0.05, 1);
        label(mb, rng, st.withSeed(0)); // warm-up
        int accepted = 0;
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        for (int k = 0; k < labels; k++) {
            accepted += label(mb, rng, st.withSeed(k + 1)).accepted() ? 1 : 0;
        }
        double labelSeconds = (System.nanoTime() - t0) * 1e-9;
        double labelCpu = (cpuNanos() - c0) * 1e-9;

        List<MeanForceLabel> train = new ArrayList<>();
        for (int k = 0; k < trainLabels; k++) {
            double x = -1.5 + 2.5 * rng.nextDouble(), y = -0.5 + 2.5 * rng.nextDouble();
            train.add(new MeanForceLabel(new double[] {x, y}, MullerBrownPotential.exactMeanForce(x, y),
                    new double[] {0.01, 0.01}, 1, MeanForceLabel.EV,
                    new Provenance("exact", "muller-brown", "", k, "bench", 0)));
        }
        int[] widths = {32, 32, 32};
        FeatureMap fm = FeatureMap.fit(new boolean[] {false, false}, train.stream().map(MeanForceLabel::center).toList(),
                train.stream().map(MeanForceLabel::meanForce).toList());
        FreeEnergyEnsemble ens = FreeEnergyEnsemble.initial(fm, widths, 4, 11);
        TrainSettings ts = new TrainSettings(trainSteps, 32, 3e-3, 3e-4, 5);
        FreeEnergyTrainer.train(ens.members().get(0), train, new TrainSettings(50, 32, 3e-3, 3e-4, 1), "warm-up");
        long c1 = cpuNanos();
        long t1 = System.nanoTime();
        double rmse = Double.NaN;
        for (int m = 0; m < ens.size(); m++) {
            FreeEnergyNet net = FreeEnergyTrainer.train(ens.members().get(m), train, ts, "bench").net();
            ens = ens.withMember(m, net);
            if (m == 0) {
                rmse = FreeEnergyTrainer.train(net, train, new TrainSettings(1, 32, 1e-12, 1e-12, 0), "x").forceRmse();
            }
        }
        double trainSeconds = (System.nanoTime() - t1) * 1e-9;
        double trainCpu = (cpuNanos() - c1) * 1e-9;
        boolean cpu = c0 >= 0;
        double memberRate = ens.size() * (double) trainSteps / trainSeconds;
        return new FeBench(labels, stepsPerLabel, labels / labelSeconds, labels * (double) stepsPerLabel / labelSeconds,
                accepted, ens.size(), widths, 32, trainLabels, trainSteps, memberRate, memberRate / ens.size(), rmse,
                cpu ? labels / labelCpu : Double.NaN, cpu ? ens.size() * (double) trainSteps / trainCpu : Double.NaN);
    }

    private static long cpuNanos() {
        java.lang.management.ThreadMXBean b = java.lang.management.ManagementFactory.getThreadMXBean();
        return b.isCurrentThreadCpuTimeSupported() ? b.getCurrentThreadCpuTime() : -1;
    }

    private static RestrainedMd.Outcome label(MullerBrownPotential mb, SplittableRandom rng, RestrainedMdSettings st) {
        double x = -1.5 + 2.5 * rng.nextDouble(), y = -0.5 + 2.5 * rng.nextDouble();
        return RestrainedMd.label(mb, mb.toString(), MullerBrownPotential.structure(x, y), null, XY, new double[] {x, y},
                st, "");
    }

    /** @return the result as one JSON object. */
    public String toJson() {
        return String.format(Locale.ROOT, "{\"benchmark\":\"fe\",\"system\":\"muller-brown\","
                        + "\"restrained_md\":{\"labels\":%d,\"steps_per_label\":%d,\"timestep_ps\":0.001,"
                        + "\"kappa_ev_per_a2\":100,\"sample_every\":1,\"labels_per_s\":%.4g,\"md_steps_per_s\":%.4g,"
                        + "\"accepted\":%d,\"labels_per_cpu_s\":%.4g},"
                        + "\"training\":{\"members\":%d,\"widths\":[%d,%d,%d],\"batch_size\":%d,\"labels\":%d,"
                        + "\"steps_per_member\":%d,\"member_steps_per_s\":%.4g,\"ensemble_steps_per_s\":%.4g,"
                        + "\"member_steps_per_cpu_s\":%.4g,\"force_rmse_ev_per_a\":%.4g}}",
                labels, stepsPerLabel, labelsPerS, mdStepsPerS, acceptedLabels, labelsPerCpuS, members, widths[0],
                widths[1], widths[2], batchSize, trainLabels, trainSteps, memberStepsPerS, ensembleStepsPerS,
                memberStepsPerCpuS, finalForceRmse);
    }
}
