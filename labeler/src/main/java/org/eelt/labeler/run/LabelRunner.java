package org.eelt.labeler.run;

import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleResult;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.Property;
import org.eelt.labeler.spec.OracleSpec;
import org.eelt.labeler.spec.Oracles;
import org.eelt.protocol.atoms.CodeVersion;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.protocol.atoms.Provenance;
import org.eelt.protocol.atoms.Structure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Labels a list of structures with N workers. Each worker is a thread of a fixed pool with its own
 * oracle instance (for external codes: its own work-directory root), and pulls the next unlabeled
 * index until none is left. The report keeps input order; a frame whose calculation fails becomes a
 * {@link LabelFailure} (which frame, which error, the message with output excerpt) while the other
 * frames go on. Labeled frames carry energy (eV), forces (eV/Å), the virial (eV) when requested or
 * computed, and {@link Provenance} (source = oracle name, settings = its canonical settings, EELT's
 * code version). Interrupting the calling thread cancels the workers, which kills running external
 * processes.
 */
public final class LabelRunner {
    private final IntFunction<Oracle> oracleForWorker;
    private final int workers;
    private final String modelVersion;

    /**
     * @param oracleForWorker creates the oracle of worker k (0 ≤ k &lt; workers); called once per worker
     * @param workers         number of concurrent calculations (≥ 1)
     * @param modelVersion    model version that selected these frames, for provenance ({@code ""} when none)
     */
    public LabelRunner(IntFunction<Oracle> oracleForWorker, int workers, String modelVersion) {
        if (workers < 1) {
            throw new IllegalArgumentException("need at least one labeling worker, got " + workers);
        }
        this.oracleForWorker = Objects.requireNonNull(oracleForWorker, "oracleForWorker");
        this.workers = workers;
        this.modelVersion = Objects.requireNonNull(modelVersion, "modelVersion");
    }

    /**
     * A runner whose worker k builds {@code spec}'s oracle with work root {@code settings.workRoot()/worker-k}.
     */
    public static LabelRunner of(OracleSpec spec, OracleSettings settings, int workers) {
        return new LabelRunner(k -> Oracles.create(spec, settings.withWorkRoot(
                settings.workRoot().resolve("worker-" + k))), workers, "");
    }

    /**
     * @param structures what to label
     * @param properties what to compute besides ENERGY and FORCES (always computed), e.g. VIRIAL
     * @param listener   told after each frame
     * @return labeled frames and failures in input order
     * @throws org.eelt.labeler.oracle.OracleSetupException when a worker's oracle cannot be built
     *                                                       (e.g. missing binary): nothing is labeled then
     * @throws InterruptedException when the calling thread is interrupted (workers are cancelled)
     */
    public LabelReport label(List<Structure> structures, Set<Property> properties, ProgressListener listener)
            throws InterruptedException {
        Set<Property> props = EnumSet.of(Property.ENERGY, Property.FORCES);
        props.addAll(properties);
        int n = structures.size();
        LabeledFrame[] frames = new LabeledFrame[n];
        LabelFailure[] failures = new LabelFailure[n];
        AtomicInteger next = new AtomicInteger();
        int[] counts = new int[2];
        long t0 = System.nanoTime();
        int threads = Math.max(1, Math.min(workers, n));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "eelt-labeler-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < threads; k++) {
                int worker = k;
                futures.add(pool.submit(() -> work(worker, structures, props, next, frames, failures, counts, listener)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException("labeling worker failed", e.getCause());
                }
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            throw e;
        } finally {
            pool.shutdown();
        }
        List<LabelFailure> failed = new ArrayList<>();
        for (LabelFailure f : failures) {
            if (f != null) {
                failed.add(f);
            }
        }
        return new LabelReport(Arrays.asList(frames), failed, Duration.ofNanos(System.nanoTime() - t0));
    }

    private void work(int worker, List<Structure> structures, Set<Property> props, AtomicInteger next,
                      LabeledFrame[] frames, LabelFailure[] failures, int[] counts, ProgressListener listener) {
        Oracle oracle = oracleForWorker.apply(worker);
        int n = structures.size();
        for (int i = next.getAndIncrement(); i < n && !Thread.currentThread().isInterrupted(); i = next.getAndIncrement()) {
            Structure s = structures.get(i);
            boolean ok;
            try {
                OracleResult r = oracle.calculate(s, props);
                Provenance p = new Provenance(oracle.name(), oracle.settings(), modelVersion, 0, CodeVersion.get(),
                        System.currentTimeMillis());
                frames[i] = new LabeledFrame(r.toFrame(s), p);
                ok = true;
            } catch (RuntimeException e) {
                // recorded per frame, with its type and full message, and reported in the LabelReport
                failures[i] = new LabelFailure(i, oracle.name(), e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                ok = false;
            }
            synchronized (counts) {
                counts[0]++;
                if (!ok) {
                    counts[1]++;
                }
                listener.progress(counts[0], counts[1], n);
            }
        }
    }
}
