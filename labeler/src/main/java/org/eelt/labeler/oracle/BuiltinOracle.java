package org.eelt.labeler.oracle;

import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Structure;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An oracle that evaluates a built-in {@link Potential} (Lennard-Jones, Sutton–Chen, tabulated
 * EAM) in this JVM: energy (eV), forces (eV/Å), virial (eV) and per-atom energies (eV). It is
 * exact up to round-off and needs no work directory, so it is the reference oracle of tests and
 * benchmarks. Thread-safe when the potential is (potentials are pure functions).
 */
public final class BuiltinOracle implements Oracle {
    private static final Set<Property> IMPLEMENTED = EnumSet.allOf(Property.class);
    private final String name;
    private final String settings;
    private final Potential potential;

    /**
     * @param name      short name for provenance, e.g. {@code "eam"}
     * @param settings  canonical settings text (see {@link Oracle#settings()})
     * @param potential the potential to evaluate
     */
    public BuiltinOracle(String name, String settings, Potential potential) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.potential = Objects.requireNonNull(potential, "potential");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<Property> implementedProperties() {
        return IMPLEMENTED;
    }

    @Override
    public String settings() {
        return settings;
    }

    /** @return the wrapped potential. */
    public Potential potential() {
        return potential;
    }

    @Override
    public OracleResult calculate(Structure structure, Set<Property> properties) {
        requireImplemented(properties);
        for (String s : structure.distinctSpecies()) {
            if (!potential.species().contains(s)) {
                throw new OracleSetupException("species '" + s + "' is not covered by " + name + " potential (knows "
                        + potential.species() + "): relabel the atoms or use a potential for " + s);
            }
        }
        ForceResult r = potential.compute(structure);
        return OracleResult.checked(name, structure.size(), r.energy(), r.forces(), r.virial(), r.atomicEnergies(),
                "", null);
    }
}
