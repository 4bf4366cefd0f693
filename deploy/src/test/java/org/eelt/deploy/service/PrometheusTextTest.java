package org.eelt.deploy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The exposition format: one HELP and TYPE per family, escaped label values, cumulative histogram buckets. */
class PrometheusTextTest {
    @Test
    void histogramBucketsAreCumulativeAndLabelsEscaped() {
        CampaignView v = new CampaignView("c1", "a \"quoted\" \\ name\nx", "dp", "running", null, 0,
                ServiceMessageSerializationTest.status(), null);
        String text = PrometheusText.render(List.of(v, new CampaignView("c2", "b", "dp", "converged", null, 0, null,
                "{}")));
        assertTrue(text.contains("name=\"a \\\"quoted\\\" \\\\ name\\nx\""), text);
        assertTrue(text.contains("eelt_label_latency_seconds_bucket{campaign=\"c1\",le=\"0.1\"} 3\n"), text);
        assertTrue(text.contains("eelt_label_latency_seconds_bucket{campaign=\"c1\",le=\"1\"} 5\n"), text);
        assertTrue(text.contains("eelt_label_latency_seconds_bucket{campaign=\"c1\",le=\"+Inf\"} 6\n"), text);
        assertTrue(text.contains("eelt_label_latency_seconds_count{campaign=\"c1\"} 6\n"), text);
        assertTrue(text.contains("eelt_model_staleness_versions{campaign=\"c1\",walker=\"s1-w0-a\"} 2\n"), text);
        assertTrue(text.contains("eelt_campaigns{status=\"converged\"} 1\n"), text);
        assertTrue(text.contains("eelt_verdict_ratio{campaign=\"c1\",version=\"1\",verdict=\"candidate\"} 1\n"), text);
        for (String family : List.of("eelt_labeled_total", "eelt_label_latency_seconds", "eelt_pool_utilization")) {
            assertEquals(1, text.split("# TYPE " + family + " ", -1).length - 1, family);
            assertEquals(1, text.split("# HELP " + family + " ", -1).length - 1, family);
        }
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("# ") || line.matches("eelt_[a-z_]+(\\{.*\\})? \\S+"), line);
        }
    }
}
