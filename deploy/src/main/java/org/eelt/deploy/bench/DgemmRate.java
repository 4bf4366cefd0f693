package org.eelt.deploy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reference rate of the Deep Potential benchmarks: ND4J's float64 DGEMM C = A·B on random
 * size×size matrices, 2·size³ FLOPs per product, best of {@code reps} after one untimed product,
 * in GFLOP/s. With OMP_NUM_THREADS=1 (the launcher's default) the product runs on the calling
 * thread, so the rate per thread-CPU second is comparable with a single-threaded kernel's and
 * less disturbed than wall time on a shared machine. The benchmarks keep the better of two
 * wall-time series, one before and one after their timed work: a series slowed by JIT compiler
 * threads or a neighbour would lower the reference and so inflate the reported ratio (seen once:
 * 23 instead of 46 GFLOP/s with the JVM pinned to one core, ratio 0.73 instead of 0.37).
 */
final class DgemmRate {
    private DgemmRate() {
    }

    /** @return GFLOP/s per second of wall time */
    static double wall(int size, int reps) {
        return best(size, reps, System::nanoTime);
    }

    /** @return GFLOP/s per second of the calling thread's CPU time */
    static double threadCpu(int size, int reps) {
        ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        return best(size, reps, tm::getCurrentThreadCpuTime);
    }

    private static double best(int size, int reps, LongSupplier clockNanos) {
        INDArray a = Nd4j.rand(DataType.DOUBLE, size, size);
        INDArray b = Nd4j.rand(DataType.DOUBLE, size, size);
        INDArray c = Nd4j.create(DataType.DOUBLE, new long[] {size, size}, 'f');
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < reps; i++) {
            long t0 = clockNanos.getAsLong();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            best = Math.min(best, (clockNanos.getAsLong() - t0) * 1e-9);
        }
        return 2.0 * size * size * (double) size / best * 1e-9;
    }
}
