package org.eelt.store;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.eelt.protocol.atoms.Provenance;

/**
 * What is known about a stored model besides its bytes.
 *
 * @param format          the format of the bytes, e.g. {@code "dpmodel-yaml"} (non-blank)
 * @param datasetSnapshot id of the {@link DatasetSnapshot} it was trained on, or −1 when not trained on this store
 * @param attributes      free key/value facts (ensemble member, losses, …), kept in key order
 * @param provenance      who produced it (source {@code "trainer"}, hyperparameters as settings)
 */
public record ModelMetadata(String format, long datasetSnapshot, Map<String, String> attributes,
                            Provenance provenance) {
    /** Validates and copies. */
    public ModelMetadata {
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("model metadata needs a non-blank format name, e.g. \"dpmodel-yaml\"");
        }
        if (datasetSnapshot < -1) {
            throw new IllegalArgumentException("datasetSnapshot must be a snapshot id ≥ 0 or −1, got " + datasetSnapshot);
        }
        Objects.requireNonNull(provenance, "model metadata needs a provenance");
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
        for (var e : attributes.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("model attribute keys and values must not be null: " + e);
            }
        }
    }
}
