package org.eelt.deploy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eelt.deploy.campaign.CampaignStatus;
import org.junit.jupiter.api.Test;

/** The histograms of a live campaign's detail JSON carry the status' arrays element by element. */
class CampaignJsonTest {
    @Test
    void histogramArraysMatchTheStatus() {
        CampaignStatus s = ServiceMessageSerializationTest.status();
        ObjectNode o = CampaignJson.detail(new CampaignView("c1", "n", "dp", "running", null, 0L, s, null));
        JsonNode devi = o.path("devi_histogram");
        assertEquals(s.tally().edges().length, devi.path("edges").size());
        for (int i = 0; i < s.tally().edges().length; i++) {
            assertEquals(s.tally().edges()[i], devi.path("edges").get(i).asDouble(), "edge " + i);
        }
        assertEquals(s.tally().counts().length, devi.path("counts").size());
        for (int i = 0; i < s.tally().counts().length; i++) {
            assertEquals(s.tally().counts()[i], devi.path("counts").get(i).asLong(), "count " + i);
        }
        JsonNode lat = o.path("label_latency");
        assertEquals("[0.1,1.0]", lat.path("upper_bounds_s").toString());
        assertEquals("[3,2,1]", lat.path("counts").toString());
        assertEquals(2.5, lat.path("sum_s").asDouble());
        assertEquals(6, lat.path("count").asLong());
    }
}
