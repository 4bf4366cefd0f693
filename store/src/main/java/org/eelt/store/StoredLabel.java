package org.eelt.store;

import org.eelt.protocol.atoms.LabeledFrame;

/**
 * A label as the store holds it.
 *
 * @param sequence its insertion sequence (0-based, dense, in order of acknowledgement)
 * @param hash     its content hash
 * @param label    the labeled frame (Å, eV, eV/Å) with provenance
 */
public record StoredLabel(long sequence, ContentHash hash, LabeledFrame label) {
}
