/**
 * Units and constants. Internal units: eV, Å, ps, amu, K (LAMMPS {@code metal} style).
 */
package org.eelt.protocol.units;
