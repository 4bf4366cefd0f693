package org.eelt.store;

/**
 * A mean-force label read back from the store.
 *
 * @param sequence its insertion sequence (0, 1, 2, … dense)
 * @param hash     its content hash (rounded center + oracle settings)
 * @param label    the label
 */
public record StoredMeanForce(long sequence, ContentHash hash, MeanForceRecord label) {
}
