/**
 * Free-energy campaigns ({@code kind = fe}) on the same Campaign actor, agents and store as Deep
 * Potential campaigns: the strategies plugged into the agents' seams (examiner scoring by the
 * mean-force deviation ε and CV-space clustering, CV-space sampler and biased-MD walkers,
 * restrained-MD and GROMACS labelers, free-energy network training rounds), the systems
 * (Müller–Brown, alanine dipeptide), and the FE outputs (FES grid CSV/PNG, RMSE against the exact
 * A, ΔF between basins). Units: CVs in Å/rad/1, energies in the system's unit (eV or kJ/mol),
 * mean forces f = −∂A/∂s in energy per CV unit.
 */
package org.eelt.deploy.campaign.fe;
