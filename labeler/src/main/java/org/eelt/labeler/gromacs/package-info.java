/**
 * GROMACS restrained-MD mean-force oracle for alanine dipeptide (ACE-ALA-NME) in vacuum with
 * amber99sb-ildn: the free-energy labels of the ala2 campaign.
 *
 * <p>{@link org.eelt.labeler.gromacs.GromacsAla2System} sets the system up once per working directory
 * (pdb2gmx, box, minimisation); {@link org.eelt.labeler.gromacs.GromacsMeanForceOracle} labels a
 * center (φ0, ψ0) by restraining both dihedrals, running mdrun and reading the φ/ψ series back with
 * gmx rama; {@link org.eelt.labeler.gromacs.RestrainedMeanForce} turns the series into the mean force
 * f = κ·⟨wrap(s − s0)⟩ ≈ −∇A with a block-averaged error bar, returned as
 * {@link org.eelt.labeler.gromacs.GromacsMeanForce}.
 *
 * <p>Units at this API: angles rad, κ kJ/mol/rad², mean force kJ/mol/rad, temperature K, time ps.
 * Inside GROMACS: nm, ps, kJ/mol, and restraint angles in degrees in the topology file.
 */
package org.eelt.labeler.gromacs;
