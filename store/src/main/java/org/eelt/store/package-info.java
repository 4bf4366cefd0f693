/**
 * The durable RocksDB store of an EELT campaign ({@link org.eelt.store.EeltStore}): the labeled
 * dataset, exactly once per {@link org.eelt.store.ContentHash} (species, positions and cell
 * rounded to a resolution, periodic flags, oracle settings), model versions, campaign state and
 * failed structures. Records use small versioned binary formats ({@link org.eelt.store.LabelCodec});
 * the on-disk schema is versioned (see {@code Schema}). Units: Å, eV, eV/Å.
 */
package org.eelt.store;
