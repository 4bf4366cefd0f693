/** Benchmark kernels of the free-energy numerics ({@link org.eelt.freeenergy.bench.FeBench}); the CLI registers them. */
package org.eelt.freeenergy.bench;
