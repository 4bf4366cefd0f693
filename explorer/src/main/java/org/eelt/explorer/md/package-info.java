/**
 * Actor-free molecular dynamics: {@link org.eelt.explorer.md.MdRunner} integrates an
 * {@link org.eelt.explorer.md.MdState} with any {@link org.eelt.potential.Potential} under
 * {@link org.eelt.explorer.md.MdSettings}: velocity Verlet (NVE), Langevin BAOAB or Bussi
 * stochastic velocity rescaling (NVT), and Bernetti–Bussi stochastic cell rescaling, isotropic or
 * per axis (NPT). {@link org.eelt.explorer.md.MdSession} is the same run advanced in chunks (the
 * campaign walkers' form): state, random stream and neighbor list carry over, so chunks of any
 * lengths give the trajectory of one run, and the potential may be swapped between chunks.
 *
 * <p>Units: positions Å, velocities Å/ps, time ps, masses amu, energies eV, temperature K,
 * pressure bar at the API (eV/Å³ inside). Accelerations a = F/m · (1/{@code Units.AMU_A2_PER_PS2_EV})
 * in Å/ps²; kinetic energy ½ Σ m v² · {@code Units.AMU_A2_PER_PS2_EV} in eV; pressure
 * P = (2 E_kin + tr Ξ)/(3V). Runs are reproducible for a given seed (all random numbers come from
 * one {@link java.util.SplittableRandom}).
 *
 * <p>{@link org.eelt.explorer.md.BlockAverage} gives standard errors of the mean of correlated MD
 * time series (equal blocks, or Flyvbjerg–Petersen blocking); the built-in and GROMACS
 * restrained-MD mean-force labelers both use it.
 */
package org.eelt.explorer.md;
