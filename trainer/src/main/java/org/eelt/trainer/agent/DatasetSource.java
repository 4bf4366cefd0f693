package org.eelt.trainer.agent;

import java.util.List;

import org.eelt.protocol.atoms.Frame;

/**
 * Read access to the labeled dataset for training (the campaign backs it with the RocksDB store).
 * Implementations must be thread-safe and must not block writers.
 */
public interface DatasetSource {
    /**
     * @param snapshot the number of labeled frames of the snapshot (the first {@code snapshot} labels)
     * @return those frames (energy eV, forces eV/Å, optional virial eV)
     */
    List<Frame> frames(long snapshot);
}
