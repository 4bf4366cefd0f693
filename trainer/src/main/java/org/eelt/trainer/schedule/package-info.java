/**
 * Training schedules: the exponentially decaying learning rate and the loss prefactors that
 * follow it (DeePMD-kit's rules). Steps are optimizer steps; rates are dimensionless.
 */
package org.eelt.trainer.schedule;
