/**
 * Free-energy numerics of EELT (reinforced dynamics): pure functions and immutable values, no
 * actors. Collective variables ({@link org.eelt.freeenergy.cv}), free-energy networks and
 * ensembles trained on mean forces ({@link org.eelt.freeenergy.net}), restrained-MD mean-force
 * labels ({@link org.eelt.freeenergy.label}), the Müller–Brown test system
 * ({@link org.eelt.freeenergy.mb}), CV-space sampling, biased MD and clustering
 * ({@link org.eelt.freeenergy.explore}) and the benchmark kernel ({@link org.eelt.freeenergy.bench}).
 *
 * <p>Units: positions Å, time ps, temperature K, mass amu. CVs are in Å (distances, Cartesian
 * components), rad (angles, dihedrals) or dimensionless (coordination numbers). Free energies and
 * mean forces are in the energy unit of their labels: eV for the built-in restrained-MD labeler
 * (so mean forces in eV/Å or eV/rad), kJ/mol for the GROMACS oracle (kJ/mol/rad); every label
 * states its unit ({@link org.eelt.freeenergy.label.EnergyUnit}). The sign convention of a mean
 * force is f = −∂A/∂s, estimated by restrained MD as f ≈ κ(⟨s⟩ − s0).
 */
package org.eelt.freeenergy;
