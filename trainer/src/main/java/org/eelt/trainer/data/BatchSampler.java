package org.eelt.trainer.data;

import java.util.ArrayList;
import java.util.List;
import org.eelt.trainer.loss.TrainFrame;
import org.eelt.trainer.model.DpSpec;
import org.eelt.trainer.model.Rng;

/**
 * Deterministic mini-batches from several deepmd/npy systems, DeePMD-kit style: a system is
 * drawn with probability proportional to its number of batches ("prob_sys_size"); within a
 * system the frames are visited in a shuffled order that is re-shuffled after each pass.
 * Everything follows from the seed, and {@link #state()}/{@link #restore} make restarts exact.
 * Not thread-safe: one sampler per trainer.
 */
public final class BatchSampler {
    private final List<DeepmdSystem> systems;
    private final int[] batchSize;
    private final double[] cumProb;
    private final Rng rng;
    private final int[][] order;
    private final int[] cursor;

    /**
     * @param systems   the systems
     * @param batchSize per-system batch size (frames)
     * @param seed      random seed
     */
    public BatchSampler(List<DeepmdSystem> systems, int[] batchSize, long seed) {
        if (systems.isEmpty()) {
            throw new IllegalArgumentException("training_data.systems is empty: give at least one deepmd/npy system");
        }
        this.systems = List.copyOf(systems);
        this.batchSize = batchSize.clone();
        this.rng = new Rng(seed);
        this.order = new int[systems.size()][];
        this.cursor = new int[systems.size()];
        this.cumProb = new double[systems.size()];
        double total = 0;
        for (int s = 0; s < systems.size(); s++) {
            int nb = Math.max(1, systems.get(s).frames() / batchSize[s]);
            total += nb;
            cumProb[s] = total;
            order[s] = identity(systems.get(s).frames());
            rng.shuffle(order[s]);
        }
        for (int s = 0; s < cumProb.length; s++) {
            cumProb[s] /= total;
        }
    }

    /**
     * DeePMD-kit's "auto" batch size: the smallest b with b·N ≥ 32, i.e. ⌈32/N⌉.
     *
     * @param natoms atoms per frame
     * @param rule   the atom count target (32 for "auto", r for "auto:r")
     */
    public static int autoBatchSize(int natoms, int rule) {
        return (rule + natoms - 1) / natoms;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** @return the systems. */
    public List<DeepmdSystem> systems() {
        return systems;
    }

    /** @return the next batch, all from one system. */
    public List<TrainFrame> next(DpSpec spec) {
        double u = rng.nextDouble();
        int s = 0;
        while (s < cumProb.length - 1 && u >= cumProb[s]) {
            s++;
        }
        DeepmdSystem sys = systems.get(s);
        List<TrainFrame> batch = new ArrayList<>(batchSize[s]);
        for (int b = 0; b < batchSize[s]; b++) {
            if (cursor[s] >= order[s].length) {
                rng.shuffle(order[s]);
                cursor[s] = 0;
            }
            batch.add(sys.trainFrame(order[s][cursor[s]++], spec));
        }
        return batch;
    }

    /** @return the sampler state: RNG state, then per system its cursor and order. */
    public long[] state() {
        List<Long> out = new ArrayList<>();
        out.add(rng.state());
        for (int s = 0; s < order.length; s++) {
            out.add((long) cursor[s]);
            for (int v : order[s]) {
                out.add((long) v);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Restores a state from {@link #state()} of a sampler over the same systems.
     *
     * @throws IllegalArgumentException when the state does not fit these systems
     */
    public void restore(long[] st) {
        int expect = 1;
        for (int[] o : order) {
            expect += 1 + o.length;
        }
        if (st.length != expect) {
            throw new IllegalArgumentException("checkpoint data-sampler state has " + st.length + " entries, the systems need "
                    + expect + ": restart with the same training_data.systems");
        }
        rng.setState(st[0]);
        int k = 1;
        for (int s = 0; s < order.length; s++) {
            cursor[s] = (int) st[k++];
            for (int i = 0; i < order[s].length; i++) {
                order[s][i] = (int) st[k++];
            }
        }
    }
}
