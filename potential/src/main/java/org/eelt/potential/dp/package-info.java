/**
 * Deep Potential, smooth edition (DeepPot-SE, DeePMD-kit's {@code se_e2_a} descriptor with an
 * energy fitting net): immutable model classes ({@link org.eelt.potential.dp.DeepPotModel},
 * {@link org.eelt.potential.dp.SeE2aDescriptor}, {@link org.eelt.potential.dp.EnergyFitting},
 * {@link org.eelt.potential.dp.DenseNet}), exact inference with hand-written backward passes
 * ({@link org.eelt.potential.dp.DeepPotEvaluator}), DeePMD-kit dpmodel YAML import/export
 * ({@link org.eelt.potential.dp.DpModelYaml}) and EELT's versioned model file
 * ({@link org.eelt.potential.dp.EeltModelFile}).
 *
 * <p>Units: positions and cutoffs in Å, energies in eV, forces in eV/Å, virials in eV.
 * All arrays are flat row-major {@code double[]}; the numerical kernels are pure functions.
 */
package org.eelt.potential.dp;
