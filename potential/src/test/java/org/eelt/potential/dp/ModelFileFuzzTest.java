package org.eelt.potential.dp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.eelt.protocol.io.FormatException;

/**
 * Coverage-guided fuzzing (Jazzer) of the model readers: our {@code eelt-dp} model file
 * ({@link EeltModelFile#parse}) and DeePMD-kit's dpmodel YAML ({@link DpModelYaml#parse}). Every
 * input ends in a model or a {@link FormatException} with a message; anything else is a finding.
 * Seeds (valid small models) are in {@code ModelFileFuzzTestInputs/<method>/}.
 */
class ModelFileFuzzTest {
    private static void check(Runnable parse) {
        try {
            parse.run();
        } catch (FormatException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a format error says what is wrong");
        }
    }

    @FuzzTest(maxDuration = "10s")
    void eeltModel(byte[] data) {
        check(() -> assertNotNull(EeltModelFile.parse(new String(data, StandardCharsets.UTF_8), "fuzz.yaml").model()));
    }

    @FuzzTest(maxDuration = "10s")
    void dpModelYaml(byte[] data) {
        check(() -> assertNotNull(DpModelYaml.parse(new String(data, StandardCharsets.UTF_8), "fuzz.yaml")));
    }
}
