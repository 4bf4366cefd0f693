package org.eelt.labeler.oracle;

import org.eelt.protocol.atoms.Structure;

import java.util.Set;

/**
 * A reference calculator that labels structures, following ASE's calculator contract: it
 * declares the properties it implements and computes a requested subset of them.
 *
 * <p>Units: positions and cells in Å; results in eV (energy, virial), eV/Å (forces), eV/Å³ (stress).
 * Implementations never return a non-finite number: they throw {@link CalculationFailedException}
 * instead, so that no NaN becomes a label.
 *
 * <p>An oracle instance may be used from one thread at a time; a labeler pool gives each worker
 * its own instance (and, for external codes, its own work-directory root).
 */
public interface Oracle {
    /** @return a short name for provenance and logs, e.g. {@code "lammps"}, {@code "xtb"}. */
    String name();

    /** @return the properties this oracle can compute. */
    Set<Property> implementedProperties();

    /**
     * Canonical text of everything that determines the labels (SPEC with defaults filled in and,
     * where relevant, content hashes of parameter files). Two oracles with equal settings give
     * the same labels; the text enters provenance and the exactly-once content hash.
     *
     * @return the canonical settings text
     */
    String settings();

    /**
     * @param structure  species, positions (Å) and cell
     * @param properties what to compute; a subset of {@link #implementedProperties()}
     * @return the requested results (an oracle may return more than requested)
     * @throws OracleSetupException       when a property is not implemented, a species is unknown, or the
     *                                    configuration cannot work (missing binary or file)
     * @throws CalculationFailedException when this calculation failed
     */
    OracleResult calculate(Structure structure, Set<Property> properties);

    /**
     * Checks that all requested properties are implemented.
     *
     * @param properties the requested properties
     * @throws OracleSetupException naming the missing properties
     */
    default void requireImplemented(Set<Property> properties) {
        for (Property p : properties) {
            if (!implementedProperties().contains(p)) {
                throw new OracleSetupException("oracle '" + name() + "' does not implement " + p
                        + "; it implements " + implementedProperties() + ". Request only those, or use another oracle");
            }
        }
    }
}
