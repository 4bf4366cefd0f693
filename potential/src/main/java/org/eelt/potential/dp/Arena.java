package org.eelt.potential.dp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A per-thread pool of large {@code double[]} work arrays, reused from one atom block to the
 * next. The layer activations of a block are tens of MB; allocating them afresh for every block
 * made the JVM spend much of its time in (humongous-object) garbage collection. Arrays handed out
 * stay valid until {@link #releaseAll()}; arrays that escape a block must not come from here.
 * Small arrays (below {@link #MIN_POOLED} entries) are allocated normally. At most
 * {@link #MAX_RETAINED_DOUBLES} entries are kept per thread.
 */
final class Arena {
    /** Arrays shorter than this are not pooled. */
    static final int MIN_POOLED = 4096;
    /** Upper bound of pooled entries per thread (256 MiB). */
    static final long MAX_RETAINED_DOUBLES = 32L << 20;
    private static final ThreadLocal<Arena> LOCAL = ThreadLocal.withInitial(Arena::new);

    private final Map<Integer, ArrayDeque<double[]>> free = new HashMap<>();
    private final List<double[]> used = new ArrayList<>();
    private long retained;

    /** @return this thread's arena. */
    static Arena local() {
        return LOCAL.get();
    }

    /** @return an array of length n with unspecified contents (may be null-safe: arena may be null). */
    static double[] raw(Arena arena, int n) {
        return arena == null ? new double[n] : arena.raw(n);
    }

    /** @return an all-zero array of length n (arena may be null). */
    static double[] zeros(Arena arena, int n) {
        if (arena == null) {
            return new double[n];
        }
        double[] a = arena.raw(n);
        java.util.Arrays.fill(a, 0.0);
        return a;
    }

    double[] raw(int n) {
        if (n < MIN_POOLED) {
            return new double[n];
        }
        ArrayDeque<double[]> q = free.get(n);
        double[] a = q == null || q.isEmpty() ? null : q.pop();
        if (a == null) {
            a = new double[n];
            retained += n;
        }
        used.add(a);
        return a;
    }

    /** Returns every array handed out since the last call to the pool. */
    void releaseAll() {
        for (double[] a : used) {
            free.computeIfAbsent(a.length, k -> new ArrayDeque<>()).push(a);
        }
        used.clear();
        if (retained > MAX_RETAINED_DOUBLES) {
            free.clear();
            retained = 0;
        }
    }
}
