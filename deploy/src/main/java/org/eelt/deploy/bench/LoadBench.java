package org.eelt.deploy.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.bytedeco.javacpp.Pointer;
import org.eelt.deploy.campaign.CampaignResult;
import org.eelt.deploy.campaign.CampaignRunner;
import org.eelt.deploy.campaign.SmallCuCampaign;
import org.eelt.deploy.campaign.Summary;

/**
 * {@code eelt bench load}: a real asynchronous campaign with W walkers on small fcc Cu cells (32
 * atoms), a tiny DP ensemble of 2 and the Sutton–Chen oracle with a <b>simulated</b> log-normal
 * latency (median 1 s, 2 labelers) so that labels are the bottleneck, run for M minutes of wall
 * time (it never converges: the accurate-ratio window is never full). Every second a sampler thread
 * records heap used ({@link MemoryMXBean}) and the heap still used after the last collection (the
 * live set, from the heap pools' collection usage), off-heap memory (direct and mapped NIO buffers plus
 * JavaCPP's tracked native allocations {@link Pointer#totalBytes()}, which hold ND4J's buffers) and
 * the process RSS ({@link Pointer#physicalBytes()}); the campaign samples the examiner's queues
 * every second (candidates queued, in flight, frame batches pending). Throughput is frames
 * explored per second and labels per second, per minute and for each half of the run. RocksDB's
 * own memory is part of the RSS only (not reported separately). At the end of every minute one
 * JSON line of memory figures goes to the progress stream (stderr), so a long run that dies still
 * leaves its history; the full JSON comes at the end on stdout.
 */
public final class LoadBench {
    /** Frame batches a walker may have unacknowledged at the examiner (the spec's max-in-flight). */
    public static final int MAX_IN_FLIGHT = 2;
    /** Candidates admitted per model generation (the spec's max-candidates-per-model). */
    public static final int MAX_CANDIDATES_PER_MODEL = 8;

    private LoadBench() {
    }

    /**
     * @param walkers walkers W (all in one stage, temperatures 300–1200 K)
     * @return the campaign HOCON of the load benchmark
     */
    public static String campaign(int walkers, double minutes) {
        return SmallCuCampaign.named("load-" + walkers).seed(11).strains(-0.02, 0.0, 0.02)
                .chunks(20, 5).maxInFlight(MAX_IN_FLIGHT)
                .stage(new double[] {300, 600, 900, 1200}, walkers, 100000000)
                .examination(0.05, 0.60, MAX_CANDIDATES_PER_MODEL)
                .labeling("sutton-chen:", 2).timeoutS(60).simulatedLatency(1.0, 0.5)
                .model(5.0, 4, 8, 8).firstRoundSteps(200).rounds(100, 8)
                .initialData(4, 0.02)
                .accuracy(1.0, 1000000).budget(100000000, Math.round(minutes * 600) / 10.0)
                .test(new double[] {300}, 0)
                .hocon();
    }

    /**
     * The figures.
     *
     * @param walkers           W
     * @param minutes           M
     * @param wallS             campaign wall time, s
     * @param status            the campaign's final status (budget-exhausted: it ran its M minutes)
     * @param peakHeapMb        peak heap used, MiB
     * @param peakOffheapMb     peak direct + mapped buffers + JavaCPP tracked bytes, MiB
     * @param peakRssMb         peak resident set size of the process, MiB
     * @param maxQueueDepth     max candidates queued at the examiner
     * @param maxInFlight       max candidates being labeled
     * @param maxPendingBatches max frame batches waiting at the examiner
     * @param explored          frames explored
     * @param labeled           labels stored
     * @param exploredPerSFirst explored frames per second, first half
     * @param exploredPerSSecond explored frames per second, second half
     * @param labelsPerSFirst   labels per second, first half
     * @param labelsPerSSecond  labels per second, second half
     * @param perMinute         per minute: {explored/s, labels/s}
     * @param samples           memory samples taken
     * @param peakHeapAfterGcMb peak heap still used after a collection (the live set), MiB
     * @param heapAfterGcPerMinuteMb per minute, the largest heap used after a collection, MiB
     */
    public record Result(int walkers, double minutes, double wallS, String status, double peakHeapMb,
                         double peakOffheapMb, double peakRssMb, int maxQueueDepth, int maxInFlight,
                         int maxPendingBatches, long explored, long labeled, double exploredPerSFirst,
                         double exploredPerSSecond, double labelsPerSFirst, double labelsPerSSecond,
                         List<double[]> perMinute, int samples, double peakHeapAfterGcMb,
                         List<Double> heapAfterGcPerMinuteMb) {
        /** @return the pending-batch bound backpressure must keep: walkers × max-in-flight. */
        public int pendingBatchBound() {
            return walkers * MAX_IN_FLIGHT;
        }

        private String perMinuteMb() {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < heapAfterGcPerMinuteMb.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", heapAfterGcPerMinuteMb.get(i)));
            }
            return b.append(']').toString();
        }

        /** @return one JSON object. */
        public String toJson() {
            StringBuilder pm = new StringBuilder("[");
            for (int i = 0; i < perMinute.size(); i++) {
                pm.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                        "{\"minute\": %d, \"explored_per_s\": %.2f, \"labels_per_s\": %.3f}", i + 1,
                        perMinute.get(i)[0], perMinute.get(i)[1]));
            }
            pm.append(']');
            return String.format(Locale.ROOT, "{\"walkers\": %d, \"minutes\": %s, \"wall_s\": %.1f, \"status\": \"%s\","
                            + " \"peak_heap_mb\": %.1f, \"peak_offheap_mb\": %.1f, \"peak_rss_mb\": %.1f,"
                            + " \"max_queue_depth\": %d, \"max_in_flight\": %d, \"max_pending_batches\": %d,"
                            + " \"pending_batch_bound\": %d, \"explored\": %d, \"labeled\": %d,"
                            + " \"throughput_first_half\": %.2f, \"throughput_second_half\": %.2f,"
                            + " \"labels_per_s_first_half\": %.3f, \"labels_per_s_second_half\": %.3f,"
                            + " \"throughput_unit\": \"explored frames/s\", \"per_minute\": %s, \"memory_samples\": %d,"
                            + " \"peak_heap_after_gc_mb\": %.1f, \"heap_after_gc_mb_per_minute\": %s,"
                            + " \"oracle_latency\": \"simulated log-normal, median 1 s, sigma 0.5 (labels are real"
                            + " Sutton-Chen)\"}",
                    walkers, minutes, wallS, status, peakHeapMb, peakOffheapMb, peakRssMb, maxQueueDepth, maxInFlight,
                    maxPendingBatches, pendingBatchBound(), explored, labeled, exploredPerSFirst, exploredPerSSecond,
                    labelsPerSFirst, labelsPerSSecond, pm, samples, peakHeapAfterGcMb, perMinuteMb());
        }
    }

    /** Samples memory once a second on a daemon thread. */
    private static final class MemorySampler implements Runnable {
        private final PrintStream log;
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final List<BufferPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
        private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null).toList();
        private final long t0 = System.nanoTime();
        private final List<Double> afterGcPerMinute = new ArrayList<>();
        private double peakAfterGc;
        private volatile boolean running = true;
        private double peakHeap;
        private double peakOffheap;
        private double peakRss;
        private int samples;

        /** @param log where a one-line JSON memory record goes at the end of every minute (null: nowhere) */
        MemorySampler(PrintStream log) {
            this.log = log;
        }

        @Override
        public void run() {
            while (running) {
                sample();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        synchronized void sample() {
            double mb = 1024.0 * 1024.0;
            peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed() / mb);
            long nio = 0;
            for (BufferPoolMXBean p : pools) {
                nio += Math.max(0, p.getMemoryUsed());
            }
            peakOffheap = Math.max(peakOffheap, (nio + Pointer.totalBytes()) / mb);
            peakRss = Math.max(peakRss, Pointer.physicalBytes() / mb);
            long live = 0;
            for (MemoryPoolMXBean p : heapPools) {
                live += Math.max(0, p.getCollectionUsage().getUsed());
            }
            double afterGc = live / mb;
            peakAfterGc = Math.max(peakAfterGc, afterGc);
            int minute = (int) ((System.nanoTime() - t0) / 60_000_000_000L);
            while (afterGcPerMinute.size() <= minute) {
                if (log != null && !afterGcPerMinute.isEmpty()) {
                    // so that a long run that dies still leaves its memory history on stderr
                    log.printf(Locale.ROOT, "{\"minute\": %d, \"heap_after_gc_mb\": %.1f, \"peak_heap_mb\": %.1f,"
                                    + " \"peak_offheap_mb\": %.1f, \"peak_rss_mb\": %.1f}%n", afterGcPerMinute.size(),
                            afterGcPerMinute.get(afterGcPerMinute.size() - 1), peakHeap, peakOffheap, peakRss);
                }
                afterGcPerMinute.add(0.0);
            }
            afterGcPerMinute.set(minute, Math.max(afterGcPerMinute.get(minute), afterGc));
            samples++;
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param walkers W ≥ 1
     * @param minutes M &gt; 0
     * @param workDir where the run directory goes
     * @param log     progress (stderr)
     * @return the figures
     */
    public static Result run(int walkers, double minutes, Path workDir, PrintStream log) throws IOException {
        if (walkers < 1 || !(minutes > 0)) {
            throw new IllegalArgumentException("--walkers must be >= 1 and --minutes > 0");
        }
        MemorySampler sampler = new MemorySampler(log);
        Thread t = new Thread(sampler, "eelt-load-sampler");
        t.setDaemon(true);
        t.start();
        AtomicReference<CampaignResult> result = new AtomicReference<>();
        Summary s;
        try {
            s = CampaignRunner.run(new CampaignRunner.Options(campaign(walkers, minutes), workDir, workDir.resolve("run"),
                    false, log, 1000), result::set);
        } finally {
            sampler.running = false;
            t.interrupt();
        }
        sampler.sample();
        return summarize(walkers, minutes, s.status(), result.get(), sampler);
    }

    private static Result summarize(int walkers, double minutes, String status, CampaignResult r, MemorySampler m) {
        int maxQ = 0, maxF = 0, maxP = 0;
        for (CampaignResult.Sample x : r.history()) {
            maxQ = Math.max(maxQ, x.queued());
            maxF = Math.max(maxF, x.inFlight());
            maxP = Math.max(maxP, x.pendingBatches());
        }
        List<CampaignResult.Sample> h = r.history();
        double end = h.isEmpty() ? r.wallS() : h.get(h.size() - 1).t();
        double[] first = rates(h, 0, end / 2);
        double[] second = rates(h, end / 2, end);
        List<double[]> perMinute = new ArrayList<>();
        for (double a = 0; a + 0.5 <= end / 60.0 + 1e-9; a += 1) {
            perMinute.add(rates(h, a * 60, Math.min(end, (a + 1) * 60)));
        }
        synchronized (m) {
            return new Result(walkers, minutes, r.wallS(), status, m.peakHeap, m.peakOffheap, m.peakRss, maxQ, maxF,
                    maxP, r.explored(), r.labeled(), first[0], second[0], first[1], second[1], perMinute, m.samples,
                    m.peakAfterGc, List.copyOf(m.afterGcPerMinute));
        }
    }

    /** @return {explored/s, labels/s} between the samples nearest t0 and t1. */
    private static double[] rates(List<CampaignResult.Sample> h, double t0, double t1) {
        CampaignResult.Sample a = nearest(h, t0), b = nearest(h, t1);
        if (a == null || b == null || b.t() <= a.t()) {
            return new double[] {0, 0};
        }
        double dt = b.t() - a.t();
        return new double[] {(b.explored() - a.explored()) / dt, (b.labeled() - a.labeled()) / dt};
    }

    private static CampaignResult.Sample nearest(List<CampaignResult.Sample> h, double t) {
        CampaignResult.Sample best = null;
        for (CampaignResult.Sample x : h) {
            if (best == null || Math.abs(x.t() - t) < Math.abs(best.t() - t)) {
                best = x;
            }
        }
        return best;
    }
}
