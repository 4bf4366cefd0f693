/** Optimizers over flat {@code double[]} parameter vectors (Adam with PyTorch's update rule). */
package org.eelt.trainer.optim;
