/** Benchmarks of EELT components against reference codes (JSON reports). */
package org.eelt.deploy.bench;
