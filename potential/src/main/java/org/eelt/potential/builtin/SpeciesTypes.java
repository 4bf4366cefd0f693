package org.eelt.potential.builtin;

import org.eelt.protocol.atoms.Structure;

import java.util.List;

/** Maps the species labels of a structure to a potential's element indices, with a clear error. */
final class SpeciesTypes {
    private SpeciesTypes() {
    }

    /**
     * @param structure the structure
     * @param elements  the potential's species, index = type id
     * @param source    what the potential is (e.g. its file name), for the error message
     * @return the type id of every atom
     * @throws IllegalArgumentException naming the first species the potential lacks and the ones it has
     */
    static int[] of(Structure structure, List<String> elements, String source) {
        int n = structure.size();
        int[] t = new int[n];
        String last = null;
        int lastType = -1;
        for (int i = 0; i < n; i++) {
            String s = structure.species(i);
            if (!s.equals(last)) {
                lastType = elements.indexOf(s);
                last = s;
            }
            if (lastType < 0) {
                throw new IllegalArgumentException("element '" + s + "' (atom " + i + ") is not provided by "
                        + source + ", which has " + elements
                        + ": use a potential that covers '" + s + "' or relabel the atom");
            }
            t[i] = lastType;
        }
        return t;
    }
}
