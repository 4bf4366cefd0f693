/**
 * Benchmarks that print one JSON line each (rates in steps/s and GFLOP/s, times in s).
 */
package org.eelt.deploy.bench;
