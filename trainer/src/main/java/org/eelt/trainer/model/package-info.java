/**
 * The trainable se_e2_a Deep Potential: architecture ({@link org.eelt.trainer.model.DpSpec}),
 * flat parameter layout, environment rows with their Jacobians, and pure kernels for the
 * energy, its displacement derivatives and (with dual-number tangents) the weight gradients
 * of force and virial losses. Lengths Å, energies eV, forces eV/Å, virials eV.
 */
package org.eelt.trainer.model;
