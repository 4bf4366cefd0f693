package org.eelt.deploy.cli;

import org.eelt.trainer.EnsembleTrainer;
import org.eelt.trainer.LcurvePoint;
import org.eelt.trainer.ModelExport;
import org.eelt.trainer.TrainListener;
import org.eelt.trainer.TrainOptions;
import org.eelt.trainer.TrainProgress;
import org.eelt.trainer.TrainResult;
import org.eelt.trainer.Trainer;
import org.eelt.trainer.config.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code eelt dp train CONFIG}: DeePMD-kit-style training of a se_e2_a Deep Potential. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a Deep Potential from a DeePMD-kit input file (JSON or YAML): model {type_map, descriptor",
                "(se_e2_a: sel, rcut, rcut_smth, neuron, axis_neuron, resnet_dt, type_one_side, seed), fitting_net",
                "(neuron, resnet_dt, seed)}, learning_rate {start_lr, stop_lr, decay_steps}, loss {start_pref_e,",
                "limit_pref_e, start_pref_f, limit_pref_f, start_pref_v, limit_pref_v}, training {training_data,",
                "validation_data {systems, batch_size}, numb_steps, seed, disp_file, disp_freq, save_freq, save_ckpt,",
                "change_bias_after_training (refit the energy bias to the training residuals at the end)}.",
                "Relative paths are relative to the config file. Writes the lcurve (DeePMD-kit columns), checkpoints",
                "every save_freq steps, and the model (EELT format, plus a DeePMD-kit dpmodel YAML copy).",
                "With --ensemble K, K members train concurrently with seeds offset per member; their files get",
                "the suffix .0 .. .K-1."})
final class DpTrainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONFIG", description = "DeePMD-kit input.json / input.yaml")
    Path config;

    @Option(names = "--ensemble", defaultValue = "1", paramLabel = "K", description = "train K members concurrently (default: ${DEFAULT-VALUE})")
    int ensemble;

    @Option(names = "--restart", paramLabel = "CKPT", description = "continue from a checkpoint (model, optimizer, step, RNG)")
    Path restart;

    @Option(names = "--init-model", paramLabel = "M", description = "warm start from a checkpoint or model file (EELT or DeePMD-kit YAML)")
    Path initModel;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "threads per member for the loss (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--time-budget", defaultValue = "0", paramLabel = "SECONDS",
            description = {"stop after this many wall-clock seconds (setup included), with the learning rate",
                    "schedule stretched over the budget so it ends decayed; 0 = no budget (default: ${DEFAULT-VALUE})"})
    double timeBudget;

    @Option(names = "--output", defaultValue = "model.yaml", paramLabel = "FILE",
            description = "model file, relative to the config's directory (default: ${DEFAULT-VALUE}); the DeePMD-kit copy "
                    + "is written beside it as NAME.deepmd.yaml")
    String output;

    @Override
    public Integer call() throws Exception {
        TrainConfig c = TrainConfig.parse(config);
        Path base = config.toAbsolutePath().getParent();
        if (ensemble < 1) {
            throw new IllegalArgumentException("--ensemble must be at least 1, got " + ensemble);
        }
        if (ensemble == 1) {
            ProgressLine bar = new ProgressLine("");
            TrainResult r = Trainer.train(c, bar, new TrainOptions(restart, initModel, threads, timeBudget));
            bar.close();
            save(r, c, base.resolve(output), c.seed());
        } else {
            if (restart != null || initModel != null) {
                throw new IllegalArgumentException("--restart/--init-model apply to one model: train ensemble members one by one "
                        + "with --restart model.ckpt.K");
            }
            List<TrainResult> results = EnsembleTrainer.train(c, ensemble, m -> new ProgressLine("[" + m + "] "), threads);
            for (int m = 0; m < results.size(); m++) {
                TrainConfig mc = EnsembleTrainer.member(c, m);
                save(results.get(m), mc, base.resolve(suffixed(output, m)), mc.seed());
            }
        }
        return 0;
    }

    private static String suffixed(String name, int m) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name + "." + m : name.substring(0, dot) + "." + m + name.substring(dot);
    }

    private static void save(TrainResult r, TrainConfig c, Path file, long seed) throws java.io.IOException {
        String dataId = "systems=" + c.training().systems() + ";steps=" + r.steps();
        ModelExport.writeEelt(r.model(), file, seed, dataId, r.steps());
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path deepmd = file.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".deepmd.yaml");
        ModelExport.writeDeepmd(r.model(), deepmd);
        LcurvePoint v = r.validation();
        System.out.printf("trained %d steps in %.1f s%s -> %s (DeePMD-kit copy: %s)%n", r.steps(), r.seconds(),
                v == null ? "" : String.format(" | validation rmse_e %.4g eV/atom, rmse_f %.4g eV/Å", v.rmseE(), v.rmseF()),
                file, deepmd);
    }

    /** Renders a progress bar with ETA on stderr, at most a few times per second. */
    private static final class ProgressLine implements TrainListener {
        private final String prefix;
        private long lastNs;
        /** Set while the last bar printed has no line end yet. */
        private boolean open;

        ProgressLine(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public void biasChanged(org.eelt.trainer.BiasChange.Result c) {
            synchronized (System.err) {
                close();
                System.err.printf("%schange-bias: %d training frames, mean residual %.3e eV/atom, energy RMSE %.3e -> %.3e eV/atom%n",
                        prefix, c.frames(), c.meanResidual(), c.rmseBefore(), c.rmseAfter());
            }
        }

        @Override
        public void stepped(TrainProgress p) {
            long now = System.nanoTime();
            boolean last = p.step() >= p.totalSteps();
            if (now - lastNs > 250_000_000L || last) {
                lastNs = now;
                synchronized (System.err) {
                    System.err.print("\r" + prefix + p.bar(30));
                    open = !last;
                    if (last) {
                        System.err.println();
                    }
                }
            }
        }

        /** Ends the bar's line when the run stopped before numb_steps (time budget, interrupt). */
        void close() {
            synchronized (System.err) {
                if (open) {
                    System.err.println();
                    open = false;
                }
            }
        }
    }
}
