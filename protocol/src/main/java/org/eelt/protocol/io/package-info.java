/**
 * File formats: extxyz/xyz, deepmd/npy systems, LAMMPS data files, and NumPy {@code .npy} arrays.
 * Positions Å, energies eV, forces eV/Å, virials eV. Malformed content raises
 * {@link org.eelt.protocol.io.FormatException}.
 */
package org.eelt.protocol.io;
