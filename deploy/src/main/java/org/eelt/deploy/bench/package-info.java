/**
 * Benchmarks behind {@code eelt bench ...}: pure classes that run a measurement and return a
 * result with {@code toJson()}. Times in µs or ms as the key names say; rates in GFLOP/s.
 */
package org.eelt.deploy.bench;
