package org.eelt.potential;

import org.eelt.potential.neighbor.NeighborList;
import org.eelt.potential.neighbor.Neighbors;
import org.eelt.protocol.atoms.Structure;

import java.util.List;

/**
 * An interatomic potential: energy (eV), forces (eV/Å), virial (eV) and per-atom energies (eV)
 * of a structure (positions in Å). Implementations are pure functions of their parameters and
 * the input; they hold no per-call mutable state and are safe to share between threads.
 */
public interface Potential {
    /** @return the interaction cutoff in Å; neighbor lists passed in must cover at least this. */
    double cutoff();

    /** @return the species this potential knows (element symbols or type names, in its own order). */
    List<String> species();

    /**
     * @param structure positions (Å), species and cell
     * @param neighbors a full neighbor list of this structure built with cutoff ≥ {@link #cutoff()}
     * @return energy, forces, virial and per-atom energies
     * @throws IllegalArgumentException when a species is unknown to the potential (the message names it)
     */
    ForceResult compute(Structure structure, NeighborList neighbors);

    /** Computes with a freshly built neighbor list (no skin). */
    default ForceResult compute(Structure structure) {
        return compute(structure, Neighbors.build(structure, cutoff(), 0.0));
    }
}
