/**
 * Labeling: reference calculators ("oracles") that give structures their energy, forces and virial.
 * {@link org.eelt.labeler.oracle} holds the ASE-style contract and the built-in oracle,
 * {@link org.eelt.labeler.external} the process runner shared by external codes,
 * {@link org.eelt.labeler.lammps}, {@link org.eelt.labeler.xtb} and {@link org.eelt.labeler.cp2k} the
 * external oracles, {@link org.eelt.labeler.spec} the SPEC grammar and factory, and
 * {@link org.eelt.labeler.run} the multi-worker labeling runner.
 */
package org.eelt.labeler;
