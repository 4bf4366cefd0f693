/**
 * Built-in reference potentials: {@link org.eelt.potential.builtin.LennardJones},
 * {@link org.eelt.potential.builtin.SuttonChen} and
 * {@link org.eelt.potential.builtin.TabulatedEam} (LAMMPS {@code funcfl}, {@code setfl} and
 * {@code eam/fs} files, evaluated exactly as LAMMPS's {@code pair_style eam*}).
 *
 * <p>Units: positions Å, energies eV, forces eV/Å, virials eV. All potentials are immutable and
 * thread-safe; each {@code compute} call works on its own scratch arrays. Pairs are visited once
 * ({@link org.eelt.potential.builtin.HalfPairs}) from the full neighbor list and Newton's third
 * law gives the partner's force.
 */
package org.eelt.potential.builtin;
