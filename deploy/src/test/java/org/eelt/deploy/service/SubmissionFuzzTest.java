package org.eelt.deploy.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of the service's submission path: the HTTP body of
 * {@code POST /api/campaigns} (HOCON or JSON) through {@link SubmissionPolicy#check}, which parses,
 * applies the API limits and the oracle allowlist and validates the spec. Every body ends in an
 * accepted campaign or a {@link SubmissionException} (HTTP 400) with a message; any other exception
 * would be a 500 and is a finding. Seeds in {@code SubmissionFuzzTestInputs/submit/}.
 */
class SubmissionFuzzTest {
    private static final SubmissionPolicy POLICY = new SubmissionPolicy(Map.of("cu", "sutton-chen:"), true);

    @FuzzTest(maxDuration = "10s")
    void submit(byte[] body) {
        try {
            assertNotNull(POLICY.check(new String(body, StandardCharsets.UTF_8), null,
                    Path.of("/nonexistent-eelt-fuzz-dir")).spec());
        } catch (SubmissionException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a 400 says what is wrong");
        }
    }
}
