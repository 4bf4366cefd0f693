package org.eelt.protocol.messages;

/**
 * Marker for every message that may cross a node boundary. Pekko binds it to
 * {@code jackson-cbor} ({@code pekko.actor.serialization-bindings} in the deploy module's
 * {@code reference.conf}). Implementations must be records of plain data: ids, numbers,
 * arrays, strings, lists of such records and actor references.
 */
public interface CborSerializable {
}
