package org.eelt.protocol.messages;

import java.util.Arrays;
import java.util.Objects;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;

/**
 * A structure as plain data, for messages: species, positions and cell.
 *
 * @param species   one element symbol per atom
 * @param positions 3N Cartesian positions in Å
 * @param cell      9 numbers, rows are the cell vectors in Å (zeros when non-periodic)
 * @param pbc       periodicity per axis (3 flags)
 */
public record AtomsData(String[] species, double[] positions, double[] cell, boolean[] pbc) implements CborSerializable {
    /** Validates the shapes. */
    public AtomsData {
        Objects.requireNonNull(species, "species");
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(pbc, "pbc");
        if (positions.length != 3 * species.length || cell.length != 9 || pbc.length != 3) {
            throw new IllegalArgumentException("AtomsData needs 3N positions (N = " + species.length + "), 9 cell numbers"
                    + " and 3 pbc flags; got " + positions.length + ", " + cell.length + ", " + pbc.length);
        }
    }

    /** @return the plain-data form of a structure. */
    public static AtomsData of(Structure s) {
        return new AtomsData(s.species(), s.positions(), s.cell().matrix(), s.cell().pbc());
    }

    /** @return the structure (copies the arrays). */
    public Structure toStructure() {
        return new Structure(species.clone(), positions.clone(), new Cell(cell.clone(), pbc.clone()));
    }

    /** @return the number of atoms. */
    public int size() {
        return species.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AtomsData a && Arrays.equals(species, a.species) && Arrays.equals(positions, a.positions)
                && Arrays.equals(cell, a.cell) && Arrays.equals(pbc, a.pbc);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(species), Arrays.hashCode(positions), Arrays.hashCode(cell),
                Arrays.hashCode(pbc));
    }

    @Override
    public String toString() {
        return "AtomsData[" + species.length + " atoms]";
    }
}
