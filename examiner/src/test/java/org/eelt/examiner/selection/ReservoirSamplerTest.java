package org.eelt.examiner.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Algorithm R over a stream: uniform inclusion, exact size, and a draw that depends only on (seed, index). */
class ReservoirSamplerTest {
    /** Runs the sampler over items 0 … n−1 and returns the reservoir's items by slot. */
    private static long[] sample(ReservoirSampler s, int n) {
        long[] slots = new long[Math.min(n, s.capacity())];
        Arrays.fill(slots, -1);
        for (long i = 0; i < n; i++) {
            int slot = s.slotFor(i);
            if (slot >= 0) {
                slots[slot] = i;
            }
        }
        return slots;
    }

    @Test
    void everyItemIsKeptWithProbabilityKOverN() {
        int k = 10, n = 50, trials = 20_000;
        long[] kept = new long[n];
        for (int t = 0; t < trials; t++) {
            for (long item : sample(new ReservoirSampler(k, 1000L + t), n)) {
                kept[(int) item]++;
            }
        }
        double p = (double) k / n, mean = trials * p, sd = Math.sqrt(trials * p * (1 - p));
        double chi2 = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(Math.abs(kept[i] - mean) < 5 * sd, "item " + i + " kept " + kept[i] + " times, expected "
                    + mean + " ± " + sd + " (first and last items must be as likely as the middle)");
            chi2 += (kept[i] - mean) * (kept[i] - mean) / (trials * p * (1 - p));
        }
        // 49 degrees of freedom: P(chi2 > 90) < 3e-4 for a uniform sampler
        assertTrue(chi2 < 90, "chi-square of the inclusion counts " + chi2);
    }

    @Test
    void holdsMinOfKAndNDistinctItems() {
        ReservoirSampler s = new ReservoirSampler(16, 7);
        assertEquals(5, Arrays.stream(sample(s, 5)).distinct().count());
        long[] full = sample(s, 1000);
        assertEquals(16, Arrays.stream(full).distinct().count());
        assertTrue(Arrays.stream(full).allMatch(i -> i >= 0 && i < 1000));
        assertTrue(Arrays.stream(full).anyMatch(i -> i >= 16), "later items replace early ones");
    }

    @Test
    void theDrawOfAnItemDependsOnlyOnSeedAndIndex() {
        ReservoirSampler a = new ReservoirSampler(8, 99), b = new ReservoirSampler(8, 99);
        for (long i = 500; i >= 0; i--) { // any order, e.g. a resumed stream
            assertEquals(a.slotFor(i), b.slotFor(i));
        }
        ReservoirSampler other = new ReservoirSampler(8, 100);
        boolean differs = false;
        for (long i = 8; i < 200 && !differs; i++) {
            differs = a.slotFor(i) != other.slotFor(i);
        }
        assertTrue(differs, "another seed draws another sample");
        assertThrows(IllegalArgumentException.class, () -> new ReservoirSampler(0, 1));
        assertThrows(IllegalArgumentException.class, () -> a.slotFor(-1));
    }
}
