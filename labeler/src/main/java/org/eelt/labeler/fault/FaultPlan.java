package org.eelt.labeler.fault;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eelt.protocol.atoms.Structure;

/**
 * Which calls of a {@link FaultyOracle} fail, and how: a pure function of (seed, structure
 * fingerprint, attempt number of that structure). The k-th call for a structure fails when
 * u(seed, fingerprint, k) &lt; rate, with u uniform in [0, 1) from a 64-bit mix; the kind is
 * chosen from {@code kinds} by a second mix. Because the decision depends on the structure and its
 * attempt count only, not on call order across structures or threads, a campaign sees the same
 * faults for the same candidates whatever the labeler interleaving. One plan is shared by all
 * oracle instances made from one SPEC by {@link org.eelt.labeler.spec.Oracles#factory}, so a retry
 * on a fresh instance continues the attempt count. Thread-safe; counts injected faults per kind.
 */
public final class FaultPlan {
    private final double rate;
    private final long seed;
    private final List<FaultKind> kinds;
    private final Map<Long, Integer> attempts = new ConcurrentHashMap<>();
    private final Map<FaultKind, AtomicLong> injected = new EnumMap<>(FaultKind.class);
    private final AtomicLong calls = new AtomicLong();

    /**
     * @param rate  probability in [0, 1] that a call fails
     * @param seed  seed of the choice
     * @param kinds the kinds to choose from (at least one)
     */
    public FaultPlan(double rate, long seed, List<FaultKind> kinds) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("fault rate must be in [0, 1], got " + rate);
        }
        if (kinds == null || kinds.isEmpty()) {
            throw new IllegalArgumentException("give at least one fault kind");
        }
        this.rate = rate;
        this.seed = seed;
        this.kinds = List.copyOf(kinds);
        for (FaultKind k : FaultKind.values()) {
            injected.put(k, new AtomicLong());
        }
    }

    /** @return the fault probability per call. */
    public double rate() {
        return rate;
    }

    /**
     * Decides the next call for {@code structure} and counts it.
     *
     * @return the fault to inject, or empty when the call goes to the real oracle
     */
    public Optional<FaultKind> next(Structure structure) {
        long fp = fingerprint(structure);
        int k = attempts.merge(fp, 1, Integer::sum) - 1;
        calls.incrementAndGet();
        Optional<FaultKind> f = decide(seed, fp, k, rate, kinds);
        f.ifPresent(kind -> injected.get(kind).incrementAndGet());
        return f;
    }

    /**
     * The pure decision function.
     *
     * @param seed        plan seed
     * @param fingerprint structure fingerprint ({@link #fingerprint})
     * @param attempt     0-based attempt number of that structure
     * @param rate        fault probability
     * @param kinds       kinds to choose from
     * @return the fault, or empty
     */
    static Optional<FaultKind> decide(long seed, long fingerprint, int attempt, double rate, List<FaultKind> kinds) {
        long h = mix(seed ^ mix(fingerprint + 0x9E3779B97F4A7C15L * (attempt + 1)));
        double u = (h >>> 11) * 0x1.0p-53;
        if (u >= rate) {
            return Optional.empty();
        }
        long h2 = mix(h ^ 0xD1B54A32D192ED03L);
        return Optional.of(kinds.get((int) Long.remainderUnsigned(h2, kinds.size())));
    }

    /** @return a 64-bit fingerprint of species, positions (exact bits) and cell. */
    public static long fingerprint(Structure s) {
        long h = 0x243F6A8885A308D3L;
        for (String sp : s.species()) {
            h = mix(h ^ sp.hashCode());
        }
        for (double x : s.positions()) {
            h = mix(h ^ Double.doubleToLongBits(x));
        }
        for (double x : s.cell().matrix()) {
            h = mix(h ^ Double.doubleToLongBits(x));
        }
        return h;
    }

    /** SplitMix64's finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return calls decided so far. */
    public long calls() {
        return calls.get();
    }

    /** @return faults injected so far, per kind. */
    public Map<FaultKind, Long> injected() {
        Map<FaultKind, Long> out = new EnumMap<>(FaultKind.class);
        injected.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** @return total faults injected so far. */
    public long injectedTotal() {
        return injected.values().stream().mapToLong(AtomicLong::get).sum();
    }
}
