package org.eelt.protocol.messages;

/**
 * Event: the labeled dataset in the store reached {@code labeled} frames.
 *
 * @param labeled number of labeled frames stored (the snapshot id)
 * @param newLabels labels added by the write that caused it
 */
public record DatasetGrew(long labeled, int newLabels) implements CborSerializable {
}
