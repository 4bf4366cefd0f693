/**
 * Messages exchanged by EELT agents that may cross node boundaries: plain records of ids,
 * numbers, arrays and model bytes (never live objects), marked {@link org.eelt.protocol.messages.CborSerializable}
 * so that Pekko serializes them with jackson-cbor. Units: Å, eV, eV/Å, ms.
 */
package org.eelt.protocol.messages;
