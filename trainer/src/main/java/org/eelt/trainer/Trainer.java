package org.eelt.trainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eelt.trainer.config.DataConfig;
import org.eelt.trainer.config.TrainConfig;
import org.eelt.trainer.data.BatchSampler;
import org.eelt.trainer.data.DeepmdSystem;
import org.eelt.trainer.data.EnergyBias;
import org.eelt.trainer.data.EnvStatistics;
import org.eelt.trainer.loss.EnergyForceVirialLoss;
import org.eelt.trainer.loss.LossTerms;
import org.eelt.trainer.loss.TrainFrame;
import org.eelt.trainer.model.DpModel;
import org.eelt.trainer.model.DpSpec;
import org.eelt.trainer.model.ParamInit;
import org.eelt.trainer.model.ParamLayout;
import org.eelt.trainer.optim.Adam;

/**
 * Trains an se_e2_a Deep Potential on deepmd/npy systems as DeePMD-kit's {@code dp train} does:
 * davg/dstd from the data, bias_atom_e by least squares, Adam with the exponential learning
 * rate, prefactors following the learning rate, lcurve every disp_freq steps (and at step 0),
 * checkpoints every save_freq steps and at the end; with change_bias_after_training the energy
 * bias is refitted to the training residuals after the last step ({@link BiasChange}).
 * Deterministic for a given config.
 *
 * <p>The run stops early, with a checkpoint, when the training thread is interrupted. Runs on
 * the calling thread and shares no mutable state, so several can run concurrently
 * ({@link EnsembleTrainer}).
 */
public final class Trainer {
    /** DeePMD-kit's data_stat_nbatch: batches per system used for davg/dstd. */
    public static final int STAT_BATCHES = 10;

    private Trainer() {
    }

    /** Fresh run of {@code config}; see {@link #train(TrainConfig, TrainListener, TrainOptions)}. */
    public static TrainResult train(TrainConfig config, TrainListener listener) throws IOException {
        return train(config, listener, TrainOptions.fresh());
    }

    /**
     * Loads the systems of the config and trains.
     *
     * @throws IOException when data or checkpoints cannot be read or written
     */
    public static TrainResult train(TrainConfig config, TrainListener listener, TrainOptions options) throws IOException {
        List<String> tm = config.spec().typeMap();
        List<DeepmdSystem> train = loadSystems(config.training(), tm);
        List<DeepmdSystem> valid = config.validation() == null ? List.of() : loadSystems(config.validation(), tm);
        return train(config, listener, options, train, valid);
    }

    /** @return the systems of a data section, loaded. */
    public static List<DeepmdSystem> loadSystems(DataConfig data, List<String> typeMap) throws IOException {
        List<DeepmdSystem> out = new ArrayList<>();
        for (Path p : data.systems()) {
            out.add(DeepmdSystem.load(p, typeMap));
        }
        return out;
    }

    /** @return per-system batch sizes of a data section. */
    public static int[] batchSizes(DataConfig data, List<DeepmdSystem> systems) {
        int[] b = new int[systems.size()];
        for (int s = 0; s < b.length; s++) {
            b[s] = data.batchSizeFor(s, systems.get(s).natoms());
        }
        return b;
    }

    /** @return a freshly initialized model: statistics and energy bias from the data, random weights. */
    public static DpModel initialModel(TrainConfig config, List<DeepmdSystem> train) {
        DpSpec spec = config.spec();
        int[] bs = batchSizes(config.training(), train);
        int maxB = 1;
        for (int b : bs) {
            maxB = Math.max(maxB, b);
        }
        double[][] st = EnvStatistics.compute(spec, train, STAT_BATCHES * maxB);
        double[] bias = EnergyBias.leastSquares(train, spec.typeMap());
        ParamLayout lay = new ParamLayout(spec);
        double[] p = ParamInit.draw(lay, config.descriptorSeed() * 1_000_003L + config.fittingSeed(), bias);
        return new DpModel(spec, p, st[0], st[1]);
    }

    /** Trains on already loaded systems (validation may be empty). */
    public static TrainResult train(TrainConfig config, TrainListener listener, TrainOptions options,
                                    List<DeepmdSystem> train, List<DeepmdSystem> valid) throws IOException {
        long t0 = System.nanoTime();
        DpSpec spec = config.spec();
        BatchSampler sampler = new BatchSampler(train, batchSizes(config.training(), train), config.seed());
        BatchSampler vsampler = valid.isEmpty() ? null
                : new BatchSampler(valid, batchSizes(config.validation(), valid), config.seed() + 7919);
        DpModel model;
        Adam adam;
        long first = 0;
        if (options.restart() != null) {
            Checkpoint ck = Checkpoint.load(options.restart());
            requireSameSpec(ck.model().spec(), spec, options.restart());
            model = ck.model();
            adam = new Adam(model.layout().size());
            adam.restore(ck.adamM(), ck.adamV(), ck.adamT());
            sampler.restore(ck.samplerState());
            if (vsampler != null && ck.validationState().length > 0) {
                vsampler.restore(ck.validationState());
            }
            first = ck.step();
        } else if (options.initModel() != null) {
            DpModel init = initModel(options.initModel());
            requireSameSpec(init.spec(), spec, options.initModel());
            model = init;
            adam = new Adam(model.layout().size());
        } else {
            model = initialModel(config, train);
            adam = new Adam(model.layout().size());
        }
        try (EnergyForceVirialLoss loss = new EnergyForceVirialLoss(model.layout(), options.threads())) {
            return run(config, listener, options, model, adam, first, sampler, vsampler, loss, train, t0);
        }
    }

    private static TrainResult run(TrainConfig config, TrainListener listener, TrainOptions options, DpModel model,
                                   Adam adam, long first, BatchSampler sampler, BatchSampler vsampler,
                                   EnergyForceVirialLoss loss, List<DeepmdSystem> train, long t0) throws IOException {
        DpSpec spec = config.spec();
        double[] params = model.parameters();
        double[] grad = new double[params.length];
        var pf = config.prefactors();
        boolean hasV = pf.hasV() && train.stream().allMatch(DeepmdSystem::hasVirial);
        listener.started(first, config.numbSteps());
        LcurvePoint lastTrn = null, lastVal = null;
        boolean stopped = false;
        long step = first;
        // the next batch (neighbor search, environments) is prepared on a helper thread while the
        // current step computes; the sampler state saved in checkpoints is the one after the last
        // batch actually used, so restarts stay exact
        ExecutorService prefetch = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "eelt-trainer-prefetch");
            t.setDaemon(true);
            return t;
        });
        try (LcurveWriter lc = new LcurveWriter(config.dispFile(), options.restart() != null, vsampler != null,
                pf.hasE(), pf.hasF(), hasV)) {
            long[] used = sampler.state();
            Future<List<TrainFrame>> next = step < config.numbSteps() ? prefetch.submit(() -> sampler.next(spec)) : null;
            for (; step < config.numbSteps(); step++) {
                if (Thread.currentThread().isInterrupted()) {
                    stopped = true;
                    break;
                }
                double elapsed = (System.nanoTime() - t0) * 1e-9;
                if (options.timeBudgetS() > 0 && elapsed >= options.timeBudgetS()) {
                    break;
                }
                List<TrainFrame> batch;
                try {
                    batch = next.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                    break;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException("preparing a training batch failed", e.getCause());
                }
                used = sampler.state();
                if (step + 1 < config.numbSteps()) {
                    next = prefetch.submit(() -> sampler.next(spec));
                }
                double lr = config.learningRate().at(schedulePosition(step, first, config.numbSteps(), elapsed,
                        options.timeBudgetS()));
                double[] pref = pf.at(lr / config.learningRate().startLr());
                LossTerms terms = loss.evaluate(model, batch, pref, grad);
                lastTrn = point(terms);
                if (step % config.dispFreq() == 0) {
                    lastVal = vsampler == null ? null : validate(loss, model, vsampler, config, pref);
                    String line = lc.write(step, lastVal, lastTrn, lr);
                    listener.lcurve(step, lastVal, lastTrn, lr, line);
                }
                adam.step(params, grad, lr);
                model = model.withParameters(params);
                listener.stepped(new TrainProgress(step + 1, config.numbSteps(), first, lr, terms.loss(),
                        (System.nanoTime() - t0) * 1e-9, Math.max(0, options.timeBudgetS())));
                if ((step + 1) % config.saveFreq() == 0 && step + 1 < config.numbSteps()) {
                    save(config, model, step + 1, adam, used, vsampler, listener);
                }
            }
            if (config.changeBiasAfterTraining() && !stopped) {
                BiasChange.Result change = BiasChange.change(model, train);
                model = change.model();
                listener.biasChanged(change);
            }
            save(config, model, step, adam, used, vsampler, listener);
        } finally {
            prefetch.shutdownNow();
        }
        if (vsampler != null) {
            double lr = config.learningRate().at(Math.max(0, step - 1));
            lastVal = validate(loss, model, vsampler, config, pf.at(lr / config.learningRate().startLr()));
        }
        return new TrainResult(model, step, lastTrn, lastVal, (System.nanoTime() - t0) * 1e-9, stopped);
    }

    /** @return the model of a checkpoint, an EELT model file or a DeePMD-kit dpmodel YAML. */
    /**
     * @return the step whose learning rate applies: the step itself, or with a time budget the
     *         larger of the step and the elapsed fraction of the budget mapped onto [first, total)
     */
    static long schedulePosition(long step, long first, long total, double elapsedS, double budgetS) {
        if (budgetS <= 0) {
            return step;
        }
        long byTime = first + (long) ((total - first) * Math.min(1.0, elapsedS / budgetS));
        return Math.min(total - 1, Math.max(step, byTime));
    }

    static DpModel initModel(Path file) throws IOException {
        try {
            return Checkpoint.load(file).model();
        } catch (org.eelt.protocol.io.FormatException notCheckpoint) {
            return ModelExport.read(file);
        }
    }

    private static void requireSameSpec(DpSpec have, DpSpec want, Path file) {
        if (!have.equals(want)) {
            throw new IllegalArgumentException(file + ": the checkpoint's model " + have
                    + " differs from the configured " + want + "; use the same model section");
        }
    }

    private static LcurvePoint point(LossTerms t) {
        return new LcurvePoint(t.rmse(), t.rmseE(), t.rmseF(), t.rmseV());
    }

    private static LcurvePoint validate(EnergyForceVirialLoss loss, DpModel model, BatchSampler vs, TrainConfig c,
                                        double[] pref) {
        double l = 0, e = 0, f = 0, v = 0;
        int nb = c.validation().numbBatch();
        for (int b = 0; b < nb; b++) {
            LossTerms t = loss.evaluate(model, vs.next(c.spec()), pref, null);
            l += t.loss();
            e += t.sqErrE();
            f += t.sqErrF();
            v += t.sqErrV();
        }
        return new LcurvePoint(Math.sqrt(l / nb), Math.sqrt(e / nb), Math.sqrt(f / nb), Math.sqrt(v / nb));
    }

    private static void save(TrainConfig c, DpModel m, long step, Adam adam, long[] samplerState, BatchSampler v,
                             TrainListener listener) throws IOException {
        new Checkpoint(m, step, adam.firstMoment(), adam.secondMoment(), adam.steps(), samplerState,
                v == null ? new long[0] : v.state()).save(c.saveCkpt());
        listener.checkpointed(step, c.saveCkpt());
    }
}
