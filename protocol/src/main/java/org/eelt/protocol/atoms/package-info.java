/**
 * Atoms and cells: {@link org.eelt.protocol.atoms.Element}, {@link org.eelt.protocol.atoms.Cell},
 * {@link org.eelt.protocol.atoms.Structure}, {@link org.eelt.protocol.atoms.Frame} and
 * {@link org.eelt.protocol.atoms.LabeledFrame}. Lengths in Å, energies in eV, forces in eV/Å,
 * virials in eV, masses in amu.
 */
package org.eelt.protocol.atoms;
