package org.eelt.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short load run (64 walkers, 30 s of a real campaign): backpressure keeps the examiner's frame
 * batches within walkers × max-in-flight and the candidate queue within the per-generation cap,
 * memory is sampled, and the campaign runs its budget without running out of memory. No timing
 * assertions: throughput figures belong to {@code eelt bench load}.
 */
class LoadBenchTest {
    @Test
    void queuesStayBoundedUnderSixtyFourWalkers(@TempDir Path dir) throws Exception {
        LoadBench.Result r = LoadBench.run(64, 30.0 / 60, dir, System.err);
        System.out.println(r.toJson());
        assertEquals("budget-exhausted", r.status(), "ran its wall-clock budget");
        assertTrue(r.explored() > 0, "walkers explored");
        assertTrue(r.maxPendingBatches() >= 0 && r.maxPendingBatches() <= r.pendingBatchBound(),
                "pending frame batches " + r.maxPendingBatches() + " within " + r.pendingBatchBound());
        assertTrue(r.maxQueueDepth() <= LoadBench.MAX_CANDIDATES_PER_MODEL * 8,
                "candidate queue " + r.maxQueueDepth() + " bounded by the per-generation cap");
        assertTrue(r.maxInFlight() <= 2, "no more candidates in flight than labelers: " + r.maxInFlight());
        double xmxMb = Runtime.getRuntime().maxMemory() / 1048576.0;
        assertTrue(r.peakHeapMb() > 0 && r.peakHeapMb() < xmxMb, "heap sampled and below -Xmx: " + r.peakHeapMb());
        assertTrue(r.peakOffheapMb() >= 0 && r.peakRssMb() > r.peakHeapMb() * 0.5, "off-heap and RSS sampled");
        assertTrue(r.samples() >= 20, "sampled every second: " + r.samples());
    }
}
