package org.eelt.freeenergy.cv;

/** A collective variable refers to an atom the structure does not have. The message names the CV, index and atom count. */
public final class CvAtomException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param cv    the CV's description, e.g. {@code dihedral(4,6,8,14)}
     * @param atom  the offending 0-based atom index
     * @param atoms the number of atoms in the structure
     */
    public CvAtomException(String cv, int atom, int atoms) {
        super("collective variable " + cv + " refers to atom " + atom + " but the structure has " + atoms
                + " atoms (valid indices 0.." + (atoms - 1) + "): fix the atom index in the CV definition");
    }
}
