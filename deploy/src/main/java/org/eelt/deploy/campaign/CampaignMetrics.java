package org.eelt.deploy.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eelt.protocol.messages.ModelPublished;
import org.eelt.store.EeltStore;
import org.eelt.store.StoredModel;

/**
 * Monitoring state a campaign keeps beside its control state (a plain object owned by one actor):
 * the label latency histogram (s, fixed buckets {@link #LATENCY_BOUNDS_S}) and the learning curve
 * of each ensemble member (cumulative steps, training force RMSE eV/Å), seeded from the stored
 * model versions on resume.
 */
final class CampaignMetrics {
    /** Label latency bucket upper bounds, s. */
    static final double[] LATENCY_BOUNDS_S = {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800};
    /** At most this many history samples go into a status snapshot. */
    static final int HISTORY_POINTS = 300;

    private final long[] latencyCounts = new long[LATENCY_BOUNDS_S.length + 1];
    private double latencySum;
    private long latencyCount;
    private final Map<Integer, List<Long>> steps = new TreeMap<>();
    private final Map<Integer, List<Double>> rmse = new TreeMap<>();

    /** Seeds the learning curves from the models already in the store (resume). */
    void seed(EeltStore store) {
        for (long v : store.modelVersions()) {
            StoredModel m = store.model(v).orElseThrow();
            Map<String, String> a = m.metadata().attributes();
            if (!a.containsKey("member")) {
                continue;
            }
            try {
                addRound(Integer.parseInt(a.get("member")), Long.parseLong(a.getOrDefault("steps", "0")),
                        Double.parseDouble(a.getOrDefault("train_rmse_f", "NaN")));
            } catch (NumberFormatException e) {
                // a model stored by other code without these attributes: not part of the curves
            }
        }
    }

    /** Adds a published model's round to its member's learning curve. */
    void onModel(ModelPublished p) {
        addRound(p.member(), p.steps(), p.trainRmseF());
    }

    private void addRound(int member, long roundSteps, double rmseF) {
        List<Long> s = steps.computeIfAbsent(member, k -> new ArrayList<>());
        s.add((s.isEmpty() ? 0 : s.get(s.size() - 1)) + roundSteps);
        rmse.computeIfAbsent(member, k -> new ArrayList<>()).add(rmseF);
    }

    /** Records the wall time of one successful label (all its attempts), s. */
    void onLabel(double seconds) {
        int i = 0;
        while (i < LATENCY_BOUNDS_S.length && seconds > LATENCY_BOUNDS_S[i]) {
            i++;
        }
        latencyCounts[i]++;
        latencySum += seconds;
        latencyCount++;
    }

    /** @return the label latency histogram. */
    CampaignStatus.LatencyHistogram latency() {
        return new CampaignStatus.LatencyHistogram(LATENCY_BOUNDS_S.clone(), latencyCounts.clone(), latencySum,
                latencyCount);
    }

    /** @return the learning curves, one per member that has published. */
    List<CampaignStatus.MemberCurve> curves() {
        List<CampaignStatus.MemberCurve> out = new ArrayList<>();
        for (var e : steps.entrySet()) {
            List<Long> s = e.getValue();
            List<Double> r = rmse.get(e.getKey());
            long[] st = new long[s.size()];
            double[] rf = new double[s.size()];
            for (int i = 0; i < st.length; i++) {
                st[i] = s.get(i);
                rf[i] = r.get(i);
            }
            out.add(new CampaignStatus.MemberCurve(e.getKey(), st, rf));
        }
        return out;
    }

    /** @return at most {@link #HISTORY_POINTS} samples, evenly thinned, the newest always kept. */
    static List<CampaignResult.Sample> thin(List<CampaignResult.Sample> history) {
        int n = history.size();
        if (n <= HISTORY_POINTS) {
            return List.copyOf(history);
        }
        List<CampaignResult.Sample> out = new ArrayList<>();
        double step = (n - 1) / (double) (HISTORY_POINTS - 1);
        for (int i = 0; i < HISTORY_POINTS; i++) {
            out.add(history.get((int) Math.round(i * step)));
        }
        return out;
    }
}
