package org.eelt.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * A model version as stored: its number, its serialized bytes and its metadata.
 *
 * @param version  the model version (≥ 1, strictly increasing in a store)
 * @param bytes    the serialized model (copied on the way in and out)
 * @param metadata format, training snapshot, attributes and provenance
 */
public record StoredModel(long version, byte[] bytes, ModelMetadata metadata) {
    /** Copies the bytes. */
    public StoredModel {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(metadata, "metadata");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredModel m && version == m.version && Arrays.equals(bytes, m.bytes)
                && metadata.equals(m.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, Arrays.hashCode(bytes), metadata);
    }

    @Override
    public String toString() {
        return "StoredModel[version=" + version + ", " + bytes.length + " bytes, " + metadata + "]";
    }
}
