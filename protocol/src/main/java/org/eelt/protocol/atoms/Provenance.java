package org.eelt.protocol.atoms;

import java.util.Objects;

/**
 * Where a labeled frame or a model came from.
 *
 * @param source         what produced it: an oracle name ({@code "eam"}, {@code "lammps"}), a file path for
 *                       imported data, or {@code "trainer"} for a model
 * @param settings       the producer's settings in canonical text form (oracle SPEC, or the model's
 *                       hyperparameters), so that two labels are comparable only if their settings are equal
 * @param modelVersion   the model version that selected or produced it, or {@code ""} when none
 * @param seed           the random seed used (0 when no randomness was involved)
 * @param codeVersion    EELT's version that computed it
 * @param createdEpochMs creation time, ms since the Unix epoch
 */
public record Provenance(String source, String settings, String modelVersion, long seed, String codeVersion,
                         long createdEpochMs) {
    /** Validates that no field is null. */
    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(codeVersion, "codeVersion");
    }

    /** @return provenance of data imported from a file, stamped now. */
    public static Provenance imported(String path) {
        return new Provenance("file:" + path, "", "", 0, CodeVersion.get(), System.currentTimeMillis());
    }
}
