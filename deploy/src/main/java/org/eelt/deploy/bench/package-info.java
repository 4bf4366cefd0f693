/**
 * Benchmarks of EELT's kernels as pure classes that return result records with a hand-written
 * JSON form; the CLI ({@code eelt bench ...}) only prints them. Times in ms or ns, lengths in Å.
 */
package org.eelt.deploy.bench;
