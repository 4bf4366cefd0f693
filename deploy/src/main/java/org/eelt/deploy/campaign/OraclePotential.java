package org.eelt.deploy.campaign;

import java.util.EnumSet;
import java.util.List;

import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleResult;
import org.eelt.labeler.oracle.Property;
import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Structure;
import org.eelt.potential.neighbor.NeighborList;

/**
 * An oracle seen as a {@link Potential} (energy eV, forces eV/Å), so that oracle-driven MD can
 * produce the independent test set. The oracle computes its own neighbors: the list passed in is
 * ignored, and {@link #compute(Structure)} calls the oracle directly. Not thread-safe (one oracle
 * instance).
 */
public final class OraclePotential implements Potential {
    private final Oracle oracle;
    private final List<String> species;

    /**
     * @param oracle  the oracle
     * @param species the species it is used for
     */
    public OraclePotential(Oracle oracle, List<String> species) {
        this.oracle = oracle;
        this.species = List.copyOf(species);
    }

    /**
     * @return a nominal 1 Å: the oracle finds its own neighbors, so the list an MD engine builds
     *         with this cutoff only serves the engine's closest-pair (explosion) check
     */
    @Override
    public double cutoff() {
        return 1.0;
    }

    @Override
    public List<String> species() {
        return species;
    }

    @Override
    public ForceResult compute(Structure structure, NeighborList neighbors) {
        return compute(structure);
    }

    @Override
    public ForceResult compute(Structure structure) {
        OracleResult r = oracle.calculate(structure, EnumSet.of(Property.ENERGY, Property.FORCES));
        return new ForceResult(r.energy(), r.forces(), r.virial(), null, null);
    }
}
