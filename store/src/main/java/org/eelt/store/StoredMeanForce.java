package org.eelt.store;

import org.eelt.protocol.atoms.MeanForceLabel;

/**
 * A mean-force label read back from the store.
 *
 * @param sequence its insertion sequence (0, 1, 2, … dense)
 * @param hash     its content hash (rounded center + oracle settings)
 * @param label    the label
 */
public record StoredMeanForce(long sequence, ContentHash hash, MeanForceLabel label) {
}
