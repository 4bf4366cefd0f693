package org.eelt.store;

import org.eelt.protocol.atoms.Structure;

/**
 * A structure whose labeling failed, kept so that it is not retried forever and can be inspected.
 *
 * @param hash           its content hash
 * @param structure      the structure (Å)
 * @param reason         the latest failure reason
 * @param attempts       how many failures were recorded for it
 * @param firstEpochMs   time of the first failure, ms since the Unix epoch
 * @param lastEpochMs    time of the latest failure, ms since the Unix epoch
 */
public record FailureRecord(ContentHash hash, Structure structure, String reason, int attempts, long firstEpochMs,
                            long lastEpochMs) {
}
