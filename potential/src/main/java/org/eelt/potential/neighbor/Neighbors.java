package org.eelt.potential.neighbor;

import org.eelt.protocol.atoms.Structure;

/**
 * Entry point for building neighbor lists: picks the best algorithm for the structure.
 */
public final class Neighbors {
    private Neighbors() {
    }

    /**
     * @param structure positions (Å) and cell
     * @param cutoff    interaction cutoff in Å
     * @param skin      skin in Å
     * @return a full neighbor list of all pairs within cutoff + skin, periodic images included
     */
    public static NeighborList build(Structure structure, double cutoff, double skin) {
        return BruteForceNeighbors.build(structure, cutoff, skin);
    }
}
