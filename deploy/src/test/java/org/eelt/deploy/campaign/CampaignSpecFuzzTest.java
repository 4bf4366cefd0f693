package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of the campaign spec parser, as HOCON files and as the JSON
 * bodies a service submits (HOCON is a superset of JSON; the same parser takes both). Every input
 * ends in a validated {@link CampaignSpec} or a {@link CampaignSpecException} naming a key path.
 * Relative file names resolve against a directory that does not exist, so no input reads a file
 * beside the test. Seeds in {@code CampaignSpecFuzzTestInputs/<method>/}.
 */
class CampaignSpecFuzzTest {
    private static final Path NOWHERE = Path.of("/nonexistent-eelt-fuzz-dir");

    private static void check(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            assertNotNull(CampaignSpecParser.parse(text, NOWHERE));
        } catch (CampaignSpecException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a spec error says what is wrong");
            assertNotNull(e.keyPath());
        }
    }

    @FuzzTest(maxDuration = "10s")
    void hocon(byte[] data) {
        check(data);
    }

    @FuzzTest(maxDuration = "10s")
    void jsonBody(byte[] data) {
        check(data);
    }
}
