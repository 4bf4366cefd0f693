/** Throughput benchmark of the RocksDB store ({@link org.eelt.store.bench.StoreBench}). */
package org.eelt.store.bench;
