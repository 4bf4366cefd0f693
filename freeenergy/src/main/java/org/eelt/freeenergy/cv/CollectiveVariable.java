package org.eelt.freeenergy.cv;

import org.eelt.protocol.atoms.Cell;

/**
 * A collective variable s(x) of the 3N atomic positions x (Å) with its analytic gradient ∂s/∂x.
 * Implementations are immutable and thread-safe.
 *
 * <p>Units: the value is in {@link #unit()} (Å, rad or 1); the gradient in unit/Å. A periodic CV
 * (dihedral) has period {@link #period()} (2π) and values in (−π, π]. Distances between atoms use
 * the minimum image of {@code cell} along its periodic axes; pass null (or a non-periodic cell) for
 * an isolated system.
 */
public interface CollectiveVariable {
    /** @return a short description with the atoms, e.g. {@code dihedral(4,6,8,14)}, used in messages. */
    String name();

    /** @return the unit of the value: {@code "A"}, {@code "rad"} or {@code "1"}. */
    String unit();

    /** @return the 0-based atom indices this CV reads. */
    int[] atoms();

    /** @return whether the CV is periodic (its value is an angle modulo {@link #period()}). */
    default boolean periodic() {
        return false;
    }

    /** @return the period (2π for dihedrals); +∞ for non-periodic CVs. */
    default double period() {
        return Double.POSITIVE_INFINITY;
    }

    /** @return the smallest value the CV can take (−π for dihedrals, where −π itself is mapped to π). */
    double domainMin();

    /** @return the largest value the CV can take. */
    double domainMax();

    /**
     * @param x     positions, 3N Å
     * @param cell  cell for the minimum image, or null
     * @param grad  output: ∂s/∂x (3N, unit/Å), overwritten in full (entries of other atoms are 0)
     * @return the value s(x)
     * @throws DegenerateCvException when the gradient is undefined at x
     * @throws CvAtomException       when an atom index is ≥ N
     */
    double valueAndGradient(double[] x, Cell cell, double[] grad);

    /** @return s(x); see {@link #valueAndGradient}. */
    default double value(double[] x, Cell cell) {
        return valueAndGradient(x, cell, new double[x.length]);
    }

    /** @return true when s0 is a value this CV can take (the restraint center check). */
    default boolean validCenter(double s0) {
        return Double.isFinite(s0) && s0 >= domainMin() && s0 <= domainMax();
    }

    /**
     * @throws CvDomainException naming the CV, the value and the domain when {@link #validCenter} is false
     */
    default void requireValidCenter(double s0) {
        if (!validCenter(s0)) {
            throw new CvDomainException("restraint center " + s0 + " " + unit() + " of " + name()
                    + " is outside its domain [" + domainMin() + ", " + domainMax() + "] " + unit()
                    + ": choose a center inside the domain");
        }
    }

    /** @throws CvAtomException when an atom of this CV is not among {@code atomCount} atoms */
    default void checkAtoms(int atomCount) {
        for (int a : atoms()) {
            if (a < 0 || a >= atomCount) {
                throw new CvAtomException(name(), a, atomCount);
            }
        }
    }
}
