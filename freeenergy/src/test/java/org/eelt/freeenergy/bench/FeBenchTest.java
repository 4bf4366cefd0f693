package org.eelt.freeenergy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark kernel runs (small sizes) and reports well-formed JSON; no timing assertions. */
class FeBenchTest {
    @Test
    void smallRunGivesJson() {
        FeBench b = FeBench.run(2, 400, 64, 20);
        assertEquals(2, b.labels());
        assertEquals(2, b.acceptedLabels());
        assertTrue(b.labelsPerS() > 0 && b.memberStepsPerS() > 0);
        assertEquals(b.memberStepsPerS() / 4, b.ensembleStepsPerS(), 1e-9 * b.memberStepsPerS());
        String j = b.toJson();
        assertTrue(j.startsWith("{\"benchmark\":\"fe\"") && j.endsWith("}}"), j);
        assertTrue(j.contains("\"steps_per_label\":400") && j.contains("\"widths\":[32,32,32]"), j);
        com.fasterxml.jackson.databind.JsonNode n = parse(j);
        assertEquals(4, n.get("training").get("members").asInt());
    }

    static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
