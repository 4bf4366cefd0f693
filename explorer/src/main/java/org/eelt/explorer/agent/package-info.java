/**
 * Explorer walker agents (Pekko typed): each walker runs MD in chunks ({@link org.eelt.explorer.agent.MdWalk}
 * on the {@link org.eelt.explorer.md.MdRunner} engine: NVE, Langevin NVT, or NPT with stochastic cell
 * rescaling) with one ensemble member's Deep Potential on {@code eelt-md-dispatcher}, carries its
 * trajectory (positions, velocities, cell, random stream) from chunk to chunk, picks up that
 * member's newest model between chunks, sends sampled frames to the examiner in batches with
 * credit-based backpressure, and restarts from its last accurate frame after repeated failed
 * batches or an explosion. Units: Å, ps, K, bar, amu, eV.
 */
package org.eelt.explorer.agent;
