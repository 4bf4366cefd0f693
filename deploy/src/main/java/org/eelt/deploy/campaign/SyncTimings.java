package org.eelt.deploy.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a synchronous campaign's wall time goes, per iteration, in seconds: {@code bootstrap}
 * (labeling the bootstrap set, iteration 0), {@code train} (from the training request to the last
 * member's model), {@code explore} (walkers running, their frames examined as they come),
 * {@code select} (collecting and persisting the selection), {@code label} (until the last candidate
 * is handed to a labeler) and {@code tail} (from then until the last label lands: the barrier's
 * straggler wait, when some labelers are already idle). The tail's start is observed when the
 * examiner reports an empty queue (polled after every label), so it is exact to one label event.
 * Persisted with {@link #encode()} so that a resumed run keeps the time of earlier processes.
 */
final class SyncTimings {
    /** The columns, in order. */
    static final List<String> PHASES = List.of("bootstrap", "train", "explore", "select", "label", "tail");

    private final TreeMap<Long, double[]> perIteration = new TreeMap<>();

    /** Adds {@code seconds} to phase {@code phase} (one of {@link #PHASES}) of {@code iteration}. */
    void add(long iteration, String phase, double seconds) {
        int i = PHASES.indexOf(phase);
        if (i < 0) {
            throw new IllegalArgumentException("no phase " + phase + "; one of " + PHASES);
        }
        perIteration.computeIfAbsent(iteration, k -> new double[PHASES.size()])[i] += Math.max(0, seconds);
    }

    /** @return seconds per phase over all iterations */
    Map<String, Double> totals() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < PHASES.size(); i++) {
            double s = 0;
            for (double[] v : perIteration.values()) {
                s += v[i];
            }
            out.put(PHASES.get(i), round(s));
        }
        return out;
    }

    /** @return one map per iteration: {@code iteration} and the seconds of each phase */
    List<Map<String, Object>> iterations() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (var e : perIteration.entrySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("iteration", e.getKey());
            for (int i = 0; i < PHASES.size(); i++) {
                if ((e.getKey() == 0) == (i == 0)) { // iteration 0 is the bootstrap, the others have no bootstrap
                    m.put(PHASES.get(i), round(e.getValue()[i]));
                }
            }
            out.add(m);
        }
        return out;
    }

    /** @return the persisted form: {@code iteration:s0,s1,...;} per iteration */
    String encode() {
        StringBuilder b = new StringBuilder();
        for (var e : perIteration.entrySet()) {
            b.append(e.getKey()).append(':');
            double[] v = e.getValue();
            for (int i = 0; i < v.length; i++) {
                b.append(i == 0 ? "" : ",").append(v[i]);
            }
            b.append(';');
        }
        return b.toString();
    }

    /** @return the timings of {@link #encode()}'s text; a damaged text gives empty timings (they are monitoring only) */
    static SyncTimings decode(String text) {
        SyncTimings t = new SyncTimings();
        try {
            for (String it : text.split(";")) {
                if (it.isBlank()) {
                    continue;
                }
                String[] kv = it.split(":");
                String[] v = kv[1].split(",");
                double[] d = new double[PHASES.size()];
                for (int i = 0; i < Math.min(v.length, d.length); i++) {
                    d[i] = Double.parseDouble(v[i]);
                }
                t.perIteration.put(Long.parseLong(kv[0]), d);
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return new SyncTimings(); // monitoring data only: a damaged value must not stop a resume
        }
        return t;
    }

    private static double round(double s) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3f", s));
    }
}
