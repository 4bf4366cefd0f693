/**
 * Benchmarks as pure classes returning results with {@code toJson()}, for the CLI and CI.
 */
package org.eelt.deploy.bench;
