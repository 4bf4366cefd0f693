package org.eelt.protocol.atoms;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An atomic configuration: one species label per atom, Cartesian positions (Å) and a {@link Cell}.
 *
 * <p>Species are labels such as {@code "Cu"} or {@code "O"}; they are usually element symbols
 * ({@link #masses()} requires that) but coarse-grained models may use any non-blank name.
 * Positions are stored flat as {x0, y0, z0, x1, ...}. Immutable: arrays are copied on the way
 * in and out, so hot loops should call {@link #positions()} once.
 */
public final class Structure {
    private final String[] species;
    private final double[] positions;
    private final Cell cell;

    /**
     * @param species   one label per atom (non-blank)
     * @param positions 3N Cartesian coordinates in Å, all finite
     * @param cell      the cell; {@link Cell#nonPeriodic()} for isolated molecules
     */
    public Structure(String[] species, double[] positions, Cell cell) {
        if (species == null || positions == null || cell == null) {
            throw new IllegalArgumentException("species, positions and cell are required");
        }
        if (positions.length != 3 * species.length) {
            throw new IllegalArgumentException("atom count mismatch: " + species.length + " species but "
                    + positions.length + " coordinates (expected " + 3 * species.length + ")");
        }
        for (int i = 0; i < species.length; i++) {
            if (species[i] == null || species[i].isBlank()) {
                throw new IllegalArgumentException("atom " + i + " has a blank species label");
            }
        }
        for (int i = 0; i < positions.length; i++) {
            if (!Double.isFinite(positions[i])) {
                throw new IllegalArgumentException("atom " + i / 3 + " has a non-finite coordinate: " + positions[i]);
            }
        }
        this.species = species.clone();
        this.positions = positions.clone();
        this.cell = cell;
    }

    /** @return the number of atoms N. */
    public int size() {
        return species.length;
    }

    /** @return a copy of the species labels. */
    public String[] species() {
        return species.clone();
    }

    /** @return the species label of atom i. */
    public String species(int i) {
        return species[i];
    }

    /** @return a copy of the 3N positions (Å). */
    public double[] positions() {
        return positions.clone();
    }

    /** @return coordinate k (0 = x, 1 = y, 2 = z) of atom i in Å. */
    public double position(int i, int k) {
        return positions[3 * i + k];
    }

    /** @return the cell. */
    public Cell cell() {
        return cell;
    }

    /** @return the distinct species in order of first appearance. */
    public List<String> distinctSpecies() {
        return List.copyOf(new LinkedHashSet<>(Arrays.asList(species)));
    }

    /**
     * @return per-atom masses in amu from the standard atomic weights
     * @throws IllegalArgumentException when a species label is not an element symbol
     */
    public double[] masses() {
        double[] m = new double[species.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Element.of(species[i]).mass();
        }
        return m;
    }

    /** @return a structure with the same species and cell and new positions (3N, Å). */
    public Structure withPositions(double[] newPositions) {
        return new Structure(species, newPositions, cell);
    }

    /** @return a structure with the same species and positions and a new cell. */
    public Structure withCell(Cell newCell) {
        return new Structure(species, positions, newCell);
    }

    /**
     * @param typeMap type names, index = type id
     * @return the type id of every atom
     * @throws IllegalArgumentException naming the first species missing from the map
     */
    public int[] types(List<String> typeMap) {
        int[] t = new int[species.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = typeMap.indexOf(species[i]);
            if (t[i] < 0) {
                throw new IllegalArgumentException("species '" + species[i] + "' (atom " + i
                        + ") is not in the type map " + typeMap + ": add it to type_map or relabel the atom");
            }
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Structure s && Arrays.equals(species, s.species)
                && Arrays.equals(positions, s.positions) && cell.equals(s.cell);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(species) + Arrays.hashCode(positions)) + cell.hashCode();
    }

    @Override
    public String toString() {
        return "Structure[" + species.length + " atoms " + distinctSpecies() + ", " + cell + "]";
    }
}
