/**
 * Ensemble model deviation exactly as DeePMD-kit's {@code dp model-devi} and LAMMPS
 * {@code pair_style deepmd ... out_file} define it: force deviation per atom, virial deviation
 * per atom count, energy deviation per atom count, and the {@code model_devi.out} line format.
 * Forces in eV/Å, virials and energies in eV (deviations of Ξ/N and E/N in eV/atom).
 */
package org.eelt.examiner.deviation;
