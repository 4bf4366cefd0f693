package org.eelt.trainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eelt.trainer.config.TrainConfig;
import org.eelt.trainer.data.DeepmdSystem;

/**
 * Trains K ensemble members (DP-GEN's "numb_models") concurrently, one thread each, from the
 * same config with different seeds: member k uses descriptor/fitting seeds offset by k and its
 * own data order, lcurve {@code <disp_file>.k} and checkpoint {@code <save_ckpt>.k}. The loaded
 * systems are immutable and shared; every member has its own model, optimizer, sampler and
 * scratch, so there is no shared mutable state.
 */
public final class EnsembleTrainer {
    private EnsembleTrainer() {
    }

    /** Trains k members with no listener. */
    public static List<TrainResult> train(TrainConfig config, int k) throws IOException {
        return train(config, k, member -> TrainListener.NONE);
    }

    /** Listener factory per member index. */
    public interface Listeners {
        /** @return the listener of member k */
        TrainListener of(int member);
    }

    /**
     * @param config    the shared config
     * @param k         number of members (≥ 1)
     * @param listeners a listener per member
     * @return the members' results, in member order
     * @throws IOException when data cannot be read or a member fails on I/O
     */
    public static List<TrainResult> train(TrainConfig config, int k, Listeners listeners) throws IOException {
        return train(config, k, listeners, 1);
    }

    /**
     * As {@link #train(TrainConfig, int, Listeners)} with {@code threadsPerMember} loss threads
     * inside each member (k·threadsPerMember threads in all).
     */
    public static List<TrainResult> train(TrainConfig config, int k, Listeners listeners, int threadsPerMember)
            throws IOException {
        if (k < 1) {
            throw new IllegalArgumentException("ensemble size must be >= 1, got " + k);
        }
        List<String> tm = config.spec().typeMap();
        List<DeepmdSystem> train = Trainer.loadSystems(config.training(), tm);
        List<DeepmdSystem> valid = config.validation() == null ? List.of() : Trainer.loadSystems(config.validation(), tm);
        ExecutorService pool = Executors.newFixedThreadPool(k, r -> {
            Thread t = new Thread(r, "eelt-ensemble-trainer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TrainResult>> fs = new ArrayList<>();
            for (int m = 0; m < k; m++) {
                TrainConfig mc = member(config, m);
                TrainListener l = listeners.of(m);
                fs.add(pool.submit(() -> Trainer.train(mc, l, TrainOptions.fresh().withThreads(threadsPerMember), train,
                        valid)));
            }
            List<TrainResult> out = new ArrayList<>();
            for (Future<TrainResult> f : fs) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("ensemble training interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("ensemble member failed", c);
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return the config of member m: seeds offset by m, output files suffixed with ".m". */
    public static TrainConfig member(TrainConfig c, int m) {
        return new TrainConfig(c.spec(), c.descriptorSeed() + 1009L * m, c.fittingSeed() + 2003L * m, c.learningRate(),
                c.prefactors(), c.training(), c.validation(), c.numbSteps(), c.seed() + 3001L * m,
                suffix(c.dispFile(), m), c.dispFreq(), c.saveFreq(), suffix(c.saveCkpt(), m), c.changeBiasAfterTraining());
    }

    private static Path suffix(Path p, int m) {
        return p.resolveSibling(p.getFileName().toString() + "." + m);
    }
}
