package org.eelt.deploy.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eelt.deploy.campaign.CampaignStatus;
import org.eelt.examiner.agent.ExaminationTally;

/**
 * Renders the service's metrics in the Prometheus text exposition format, version 0.0.4
 * ({@code # HELP}, {@code # TYPE}, one sample per line, label values escaped), all names under
 * {@code eelt_}. Per campaign (label {@code campaign} = id): explored/labeled/failed counters,
 * pool utilization and queue depth gauges, model staleness per walker (versions behind), the
 * label latency histogram (seconds, {@code _bucket/_sum/_count}), and frames and ratios per
 * model version by verdict. Written by hand: no client library.
 */
public final class PrometheusText {
    /** The content type of the exposition. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Map<String, Family> families = new LinkedHashMap<>();

    private record Family(String help, String type, List<String> samples) {
    }

    private PrometheusText() {
    }

    /** @return the exposition text of these campaigns */
    public static String render(List<CampaignView> campaigns) {
        PrometheusText p = new PrometheusText();
        p.family("eelt_campaigns", "gauge", "Campaigns known to the service, by status.");
        Map<String, Integer> byStatus = new TreeMap<>();
        campaigns.forEach(c -> byStatus.merge(c.status(), 1, Integer::sum));
        byStatus.forEach((s, n) -> p.sample("eelt_campaigns", labels("status", s), n));
        for (CampaignView c : campaigns) {
            p.campaign(c);
        }
        StringBuilder b = new StringBuilder();
        p.families.forEach((name, f) -> {
            b.append("# HELP ").append(name).append(' ').append(f.help()).append('\n');
            b.append("# TYPE ").append(name).append(' ').append(f.type()).append('\n');
            f.samples().forEach(s -> b.append(s).append('\n'));
        });
        return b.toString();
    }

    private void campaign(CampaignView c) {
        String id = labels("campaign", c.id());
        family("eelt_campaign_info", "gauge", "Campaign identity and status (value 1).");
        sample("eelt_campaign_info", labels("campaign", c.id(), "name", c.name(), "kind", c.kind(), "status",
                c.status()), 1);
        CampaignStatus s = c.live();
        if (s == null) {
            return;
        }
        counter("eelt_explored_frames_total", "Frames visited by walkers and sent to the examiner.", id, s.explored());
        counter("eelt_examined_frames_total", "Frames scored by the examiner.", id, s.examined());
        counter("eelt_candidates_total", "Frames classified as candidates (before cap and dedupe).", id,
                s.candidates());
        counter("eelt_labeled_total", "Labels in the campaign's store (labels per campaign).", id, s.labeled());
        counter("eelt_label_failures_total", "Candidates given up after all retries.", id, s.labelFailures());
        gauge("eelt_model_versions", "Model versions stored (all ensemble members).", id, s.modelVersions());
        gauge("eelt_accurate_ratio", "Accurate ratio over the examiner's convergence window.", id,
                s.accurateRatio());
        gauge("eelt_campaign_wall_seconds", "Campaign wall-clock time, pauses excluded, s.", id, s.wallS());
        family("eelt_pool_utilization", "gauge", "Busy fraction of an agent pool: busy time / (agents x wall time).");
        sample("eelt_pool_utilization", labels("campaign", c.id(), "pool", "explorer"), s.utilization().explorer());
        sample("eelt_pool_utilization", labels("campaign", c.id(), "pool", "labeler"), s.utilization().labeler());
        sample("eelt_pool_utilization", labels("campaign", c.id(), "pool", "trainer"), s.utilization().trainer());
        family("eelt_queue_depth", "gauge", "Queue depths: walker batches waiting for the examiner, candidates"
                + " waiting for a labeler, candidates being labeled.");
        sample("eelt_queue_depth", labels("campaign", c.id(), "queue", "examiner"), s.examinerQueue());
        sample("eelt_queue_depth", labels("campaign", c.id(), "queue", "labeler"), s.labelerQueue());
        sample("eelt_queue_depth", labels("campaign", c.id(), "queue", "in_flight"), s.labelsInFlight());
        family("eelt_model_staleness_versions", "gauge",
                "Generations a walker's model is behind its ensemble member's newest model.");
        s.staleness().forEach((w, v) -> sample("eelt_model_staleness_versions",
                labels("campaign", c.id(), "walker", w), v));
        latency(c.id(), s.labelLatency());
        family("eelt_frames_by_verdict_total", "counter",
                "Examined frames per model version (ensemble generation) and verdict.");
        family("eelt_verdict_ratio", "gauge",
                "Fraction of a model version's examined frames with each verdict (accurate, candidate, failed).");
        for (ExaminationTally.GenerationCounts g : s.tally().perGeneration()) {
            String v = Long.toString(g.generation());
            long total = g.accurate() + g.candidates() + g.failed();
            long[] n = {g.accurate(), g.candidates(), g.failed()};
            String[] verdicts = {"accurate", "candidate", "failed"};
            for (int k = 0; k < 3; k++) {
                String l = labels("campaign", c.id(), "version", v, "verdict", verdicts[k]);
                sample("eelt_frames_by_verdict_total", l, n[k]);
                sample("eelt_verdict_ratio", l, total == 0 ? 0 : n[k] / (double) total);
            }
        }
    }

    private void latency(String id, CampaignStatus.LatencyHistogram h) {
        String name = "eelt_label_latency_seconds";
        family(name, "histogram", "Wall time of a successful label, all attempts included, s.");
        long cumulative = 0;
        for (int i = 0; i < h.upperBounds().length; i++) {
            cumulative += h.counts()[i];
            sample(name + "_bucket", labels("campaign", id, "le", number(h.upperBounds()[i])), cumulative, name);
        }
        cumulative += h.counts()[h.upperBounds().length];
        sample(name + "_bucket", labels("campaign", id, "le", "+Inf"), cumulative, name);
        sample(name + "_sum", labels("campaign", id), h.sum(), name);
        sample(name + "_count", labels("campaign", id), h.count(), name);
    }

    private void counter(String name, String help, String labels, double v) {
        family(name, "counter", help);
        sample(name, labels, v);
    }

    private void gauge(String name, String help, String labels, double v) {
        family(name, "gauge", help);
        sample(name, labels, v);
    }

    private void family(String name, String type, String help) {
        families.computeIfAbsent(name, n -> new Family(help, type, new ArrayList<>()));
    }

    private void sample(String name, String labels, double v) {
        sample(name, labels, v, name);
    }

    private void sample(String name, String labels, double v, String familyName) {
        families.get(familyName).samples().add(name + labels + " " + number(v));
    }

    /** @return a label set {@code {k="v",...}} with escaped values */
    static String labels(String... kv) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            b.append(i == 0 ? "" : ",").append(kv[i]).append("=\"").append(escape(kv[i + 1])).append('"');
        }
        return b.append('}').toString();
    }

    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
