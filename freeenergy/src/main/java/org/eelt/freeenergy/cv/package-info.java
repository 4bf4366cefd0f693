/**
 * Collective variables s(x) of atomic positions x (3N, Å) with analytic gradients ∂s/∂x:
 * {@link org.eelt.freeenergy.cv.Distance} (Å, minimum image), {@link org.eelt.freeenergy.cv.Angle}
 * (rad, [0, π]), {@link org.eelt.freeenergy.cv.Dihedral} (rad, periodic in (−π, π]),
 * {@link org.eelt.freeenergy.cv.CoordinationNumber} (dimensionless), {@link org.eelt.freeenergy.cv.Cartesian}
 * (Å) and {@link org.eelt.freeenergy.cv.LinearCombination}; {@link org.eelt.freeenergy.cv.CvSet} is the
 * vector s(x) with wrap-aware differences. Errors: {@link org.eelt.freeenergy.cv.CvAtomException}
 * (an atom index out of range), {@link org.eelt.freeenergy.cv.DegenerateCvException} (gradient
 * undefined, e.g. collinear dihedral atoms), {@link org.eelt.freeenergy.cv.CvDomainException}
 * (a restraint center outside the CV's domain).
 */
package org.eelt.freeenergy.cv;
