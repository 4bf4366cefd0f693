/**
 * Explorer walker agents (Pekko typed): each walker runs Langevin MD in chunks with one ensemble
 * member's Deep Potential on {@code eelt-md-dispatcher}, picks up that member's newest model between
 * chunks, sends sampled frames to the examiner in batches with credit-based backpressure, and
 * restarts from its last accurate frame after repeated failed batches or an explosion.
 * Units: Å, ps, K, amu, eV.
 */
package org.eelt.explorer.agent;
