/**
 * The energy/force/virial training loss of Deep Potentials and its exact parameter
 * gradient (forward-over-reverse through the hand-written se_e2_a kernels). Energies eV,
 * forces eV/Å, virials eV, lengths Å.
 */
package org.eelt.trainer.loss;
