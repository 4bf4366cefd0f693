package org.eelt.potential.neighbor;

import org.eelt.protocol.atoms.Structure;

/**
 * Entry point for building neighbor lists: picks the faster algorithm for the structure.
 *
 * <p>Choice (measured on the 2-core build machine, thread CPU time, r_c = 6 Å at water density):
 * the O(N) {@link CellListNeighbors} wins for every periodic structure (already at 4 atoms,
 * where the brute-force search must loop over 125 images per pair), and for isolated molecules
 * from about 16 atoms on (16 atoms: 7 µs vs 9 µs; 512 atoms: 0.9 ms vs 2.8 ms). Isolated
 * molecules below {@value #BRUTE_FORCE_MAX_ATOMS} atoms use {@link BruteForceNeighbors}
 * (2 atoms: 1.6 µs vs 6.7 µs). Both return the same pairs; only the order inside a row differs
 * (see {@link #build(Structure, double, double, boolean)} for a fixed order).
 */
public final class Neighbors {
    /** Isolated structures with fewer atoms than this use the brute-force search. */
    public static final int BRUTE_FORCE_MAX_ATOMS = 16;

    private Neighbors() {
    }

    /**
     * @param structure positions (Å) and cell
     * @param cutoff    interaction cutoff in Å
     * @param skin      skin in Å
     * @return a full neighbor list of all pairs within cutoff + skin, periodic images included;
     *         the order inside a row is deterministic but unspecified
     */
    public static NeighborList build(Structure structure, double cutoff, double skin) {
        return build(structure, cutoff, skin, false);
    }

    /**
     * @param structure      positions (Å) and cell
     * @param cutoff         interaction cutoff in Å
     * @param skin           skin in Å
     * @param sortByNeighbor sort every row by neighbor index j (pairs with equal j by image), which costs
     *                       about 50% more build time on dense systems
     * @return a full neighbor list of all pairs within cutoff + skin, periodic images included
     */
    public static NeighborList build(Structure structure, double cutoff, double skin, boolean sortByNeighbor) {
        if (structure != null && !structure.cell().isPeriodic() && structure.size() < BRUTE_FORCE_MAX_ATOMS) {
            // brute force rows come out sorted by j, images of one j in loop order (only one: image 0)
            return BruteForceNeighbors.build(structure, cutoff, skin);
        }
        return CellListNeighbors.build(structure, cutoff, skin, sortByNeighbor);
    }
}
