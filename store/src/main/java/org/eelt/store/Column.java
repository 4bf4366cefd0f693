package org.eelt.store;

import java.nio.charset.StandardCharsets;

/**
 * The column families of schema version {@value Schema#CURRENT_VERSION}, with their key and
 * value layouts (integers big-endian so that byte order is numeric order). New families are
 * appended (the open code relies on the declaration order).
 */
enum Column {
    /** RocksDB's mandatory default family; unused by EELT. */
    DEFAULT("default"),
    /** Labeled frames. Key: 32-byte content hash. Value: 8-byte insertion sequence, then {@link LabelCodec} bytes. */
    FRAMES("frames"),
    /** Insertion order. Key: 8-byte sequence (0, 1, 2, … dense). Value: 32-byte content hash. */
    FRAME_INDEX("frame_index"),
    /** Model versions. Key: 8-byte version (≥ 1, strictly increasing). Value: {@link ModelCodec} bytes. */
    MODELS("models"),
    /** Campaign state. Key: UTF-8 name. Value: opaque bytes. */
    CAMPAIGN("campaign"),
    /** Failed or quarantined structures. Key: 32-byte content hash. Value: {@link FailureCodec} bytes. */
    FAILURES("failures"),
    /** Store metadata: {@code schema_version} (4-byte int), {@code hash_resolution} (8-byte double bits), {@code created_by}. */
    META("meta"),
    /**
     * Mean-force labels of free-energy campaigns (schema 2). Key: 32-byte content hash of the
     * rounded restraint center and the oracle settings ({@link ContentHasher#hashCv}).
     * Value: 8-byte insertion sequence, then {@link MeanForceCodec} bytes.
     */
    MEAN_FORCES("mean_forces"),
    /** Insertion order of mean-force labels (schema 2). Key: 8-byte sequence (dense). Value: 32-byte content hash. */
    MEAN_FORCE_INDEX("mean_force_index");

    private final String familyName;

    Column(String familyName) {
        this.familyName = familyName;
    }

    /** @return the RocksDB column-family name. */
    String familyName() {
        return familyName;
    }

    /** @return the column-family name as RocksDB takes it. */
    byte[] nameBytes() {
        return familyName.getBytes(StandardCharsets.UTF_8);
    }
}
