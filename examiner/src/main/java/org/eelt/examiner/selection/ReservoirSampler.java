package org.eelt.examiner.selection;

import java.util.SplittableRandom;

/**
 * Uniform reservoir sampling of a stream (Vitter's algorithm R) with a stateless random draw per
 * stream index, so that a sample persisted after item n and resumed later continues exactly as an
 * uninterrupted run would. After n items every item is in the reservoir with probability
 * {@code min(1, k / n)}:
 * <pre>
 *   item i (0-based) &lt; k : goes to slot i
 *   item i ≥ k         : j = U{0, …, i}; if j &lt; k it replaces slot j, else it is not kept
 * </pre>
 * The draw for item i is a function of (seed, i) only ({@link SplittableRandom} seeded with a
 * mix of both), so neither the sampler nor its caller need to persist a generator state: the
 * item count is the whole state.
 */
public final class ReservoirSampler {
    private final int capacity;
    private final long seed;

    /**
     * @param capacity k, the reservoir's slots (≥ 1)
     * @param seed     the stream's seed
     */
    public ReservoirSampler(int capacity, long seed) {
        if (capacity < 1) {
            throw new IllegalArgumentException("reservoir capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.seed = seed;
    }

    /** @return k, the number of slots */
    public int capacity() {
        return capacity;
    }

    /**
     * @param index the item's 0-based position in the stream
     * @return the slot (0 … k−1) the item goes to, replacing what was there, or −1 when it is not kept
     */
    public int slotFor(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("stream index must be >= 0, got " + index);
        }
        if (index < capacity) {
            return (int) index;
        }
        long j = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL)
                .nextLong(index + 1);
        return j < capacity ? (int) j : -1;
    }
}
