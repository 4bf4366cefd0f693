package org.eelt.examiner.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eelt.examiner.selection.TrustLevels.Verdict;
import org.eelt.protocol.messages.CborSerializable;

/**
 * Running tallies of the examiner for monitoring (a plain object, no actor): accurate, candidate
 * and failed frame counts per ensemble generation (the lowest generation over the members when the
 * frames were scored), and a histogram of the max force deviation ε_F = max_i ε_F,i (eV/Å) with
 * fixed bins of {@value #BIN_WIDTH} eV/Å from 0 to {@value #HISTOGRAM_MAX} eV/Å; deviations at or
 * above the last edge (including infinite ones of failed frames) are counted as overflow.
 */
public final class ExaminationTally {
    /** Width of a deviation bin, eV/Å. */
    public static final double BIN_WIDTH = 0.05;
    /** Upper edge of the last regular bin, eV/Å. */
    public static final double HISTOGRAM_MAX = 1.0;
    private static final int BINS = (int) Math.round(HISTOGRAM_MAX / BIN_WIDTH);

    private final Map<Long, long[]> perGeneration = new TreeMap<>();
    private final long[] counts = new long[BINS];
    private long overflow;

    /**
     * Adds one scored frame.
     *
     * @param generation the ensemble generation that scored it
     * @param deviation  max force deviation, eV/Å (may be infinite or NaN for failed frames)
     * @param verdict    its classification
     */
    public void add(long generation, double deviation, Verdict verdict) {
        long[] c = perGeneration.computeIfAbsent(generation, g -> new long[3]);
        c[verdict == Verdict.ACCURATE ? 0 : verdict == Verdict.CANDIDATE ? 1 : 2]++;
        if (!(deviation >= 0) || deviation >= HISTOGRAM_MAX) {
            overflow++;
        } else {
            counts[Math.min(BINS - 1, (int) (deviation / BIN_WIDTH))]++;
        }
    }

    /** @return an immutable copy of the tallies. */
    public Tally snapshot() {
        List<GenerationCounts> gens = new ArrayList<>();
        perGeneration.forEach((g, c) -> gens.add(new GenerationCounts(g, c[0], c[1], c[2])));
        double[] edges = new double[BINS + 1];
        for (int i = 0; i <= BINS; i++) {
            edges[i] = i * HISTOGRAM_MAX / BINS;
        }
        return new Tally(List.copyOf(gens), edges, counts.clone(), overflow);
    }

    /**
     * Frames of one ensemble generation by verdict.
     *
     * @param generation ensemble generation
     * @param accurate   frames with ε_F below trust-lo
     * @param candidates frames between the trust levels (before cap and dedupe)
     * @param failed     frames at or above trust-hi (or unscorable)
     */
    public record GenerationCounts(long generation, long accurate, long candidates, long failed)
            implements CborSerializable {
    }

    /**
     * The examiner's tallies.
     *
     * @param perGeneration counts per ensemble generation, ascending
     * @param edges         histogram bin edges, eV/Å (counts.length + 1 values)
     * @param counts        frames per bin
     * @param overflow      frames with ε_F at or above the last edge, or not finite
     */
    public record Tally(List<GenerationCounts> perGeneration, double[] edges, long[] counts, long overflow)
            implements CborSerializable {
    }
}
