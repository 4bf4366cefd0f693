/**
 * Deep Potential training, DeePMD-kit style: {@link org.eelt.trainer.Trainer} (one model),
 * {@link org.eelt.trainer.EnsembleTrainer} (K members on separate threads),
 * {@link org.eelt.trainer.Checkpoint} (restart / init-model), {@link org.eelt.trainer.LcurveWriter}
 * (lcurve.out), progress callbacks and {@link org.eelt.trainer.DpTest} (dp test errors).
 * Units: Å, eV, eV/Å; virials eV.
 */
package org.eelt.trainer;
