/**
 * Training data: deepmd/npy systems (read with org.eelt.protocol.io.DeepmdNpy), deterministic batch sampling,
 * environment statistics davg/dstd and the least-squares energy bias. Å, eV, eV/Å.
 */
package org.eelt.trainer.data;
