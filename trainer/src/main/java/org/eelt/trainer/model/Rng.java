package org.eelt.trainer.model;

/**
 * A small deterministic random generator (SplitMix64) whose whole state is one {@code long},
 * so checkpoints can save and restore it exactly. Not thread-safe; one per owner.
 */
public final class Rng {
    private long state;

    /** @param seed the seed (any value) */
    public Rng(long seed) {
        this.state = seed;
    }

    /** @return the current state (for checkpoints). */
    public long state() {
        return state;
    }

    /** Restores a state saved with {@link #state()}. */
    public void setState(long s) {
        state = s;
    }

    /** @return the next 64 random bits. */
    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** @return uniform integer in [0, bound). */
    public int nextInt(int bound) {
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    /** @return a standard normal deviate (Box–Muller). */
    public double nextGaussian() {
        double u1 = nextDouble(), u2 = nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Fisher–Yates shuffle of {@code a} in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
