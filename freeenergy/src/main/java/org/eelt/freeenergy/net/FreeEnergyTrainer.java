package org.eelt.freeenergy.net;

import java.util.List;
import java.util.SplittableRandom;
import org.eelt.protocol.atoms.MeanForceLabel;
import org.eelt.protocol.atoms.CodeVersion;

/**
 * Trains one free-energy net on mean-force labels: minibatches drawn without replacement from a
 * reshuffled order (seeded), {@link MeanForceLoss} and its exact gradient, {@link Adam}, the
 * learning rate of {@link TrainSettings}. A pure function of its inputs: warm starts pass the
 * previous net (a fresh optimizer state each round, as DeePMD-kit's init-model).
 */
public final class FreeEnergyTrainer {
    /**
     * Outcome of a round.
     *
     * @param net          the trained net (provenance steps increased by {@code steps})
     * @param steps        steps taken in this round
     * @param initialLoss  loss over all labels before the round
     * @param finalLoss    loss over all labels after it
     * @param forceRmse    RMS of (−∇A − f) over all labels and components after the round (energy per CV unit)
     * @param wallSeconds  wall time of the round
     */
    public record Result(FreeEnergyNet net, int steps, double initialLoss, double finalLoss, double forceRmse,
                         double wallSeconds) {
    }

    private FreeEnergyTrainer() {
    }

    /**
     * @param start    the net to start from (fresh from {@link FreeEnergyNet#initial} or the previous model)
     * @param labels   the labels (non-empty, dimension = the net's)
     * @param settings steps, batch size, learning rates, seed
     * @param version  model version to stamp in the provenance
     */
    public static Result train(FreeEnergyNet start, List<MeanForceLabel> labels, TrainSettings settings,
                               String version) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("free-energy training needs at least one mean-force label");
        }
        long t0 = System.nanoTime();
        double[][] w = MeanForceLoss.weights(labels);
        int n = labels.size();
        int[] all = new int[n];
        for (int k = 0; k < n; k++) {
            all[k] = k;
        }
        MlpPass pass = start.pass();
        double initial = MeanForceLoss.evaluate(start, pass, labels, all, w, null).loss();
        double[] params = start.parameters();
        double[] grad = new double[params.length];
        Adam adam = new Adam(params.length);
        SplittableRandom rng = new SplittableRandom(settings.seed());
        int b = Math.min(settings.batchSize(), n);
        int[] order = all.clone();
        int cursor = n;
        int[] batch = new int[b];
        FreeEnergyNet net = start.view(params);
        for (int t = 0; t < settings.steps(); t++) {
            for (int j = 0; j < b; j++) {
                if (cursor == n) {
                    shuffle(order, rng);
                    cursor = 0;
                }
                batch[j] = order[cursor++];
            }
            java.util.Arrays.fill(grad, 0);
            MeanForceLoss.evaluate(net, pass, labels, batch, w, grad);
            adam.step(params, grad, settings.learningRate(t));
        }
        NetProvenance prov = new NetProvenance(start.provenance().seed(),
                start.provenance().trainingSteps() + settings.steps(), version, CodeVersion.get());
        net = start.withParameters(params, prov);
        MeanForceLoss.Value fin = MeanForceLoss.evaluate(net, pass, labels, all, w, null);
        return new Result(net, settings.steps(), initial, fin.loss(), fin.forceRmse(), (System.nanoTime() - t0) * 1e-9);
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
