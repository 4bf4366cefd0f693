/**
 * LAMMPS oracle ({@code lmp}, units metal): input script, output readers and the oracle, which maps
 * LAMMPS's restricted-triclinic frame back to the input frame.
 */
package org.eelt.labeler.lammps;
