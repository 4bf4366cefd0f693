/**
 * Training data: deepmd/npy systems (a minimal .npy reader), deterministic batch sampling,
 * environment statistics davg/dstd and the least-squares energy bias. Å, eV, eV/Å.
 */
package org.eelt.trainer.data;
