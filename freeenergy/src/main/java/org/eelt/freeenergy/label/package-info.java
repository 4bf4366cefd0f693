/**
 * Mean-force labeling for free-energy training (the label itself is
 * {@link org.eelt.protocol.atoms.MeanForceLabel}, the one record that the numerics train on, the
 * store keeps and nodes exchange), {@link org.eelt.explorer.md.BlockAverage} (standard errors of
 * correlated time series), {@link org.eelt.freeenergy.label.RestrainedPotential} (a potential plus the
 * harmonic CV restraint V = Σ κ_q/2 (s_q − s0_q)²) and {@link org.eelt.freeenergy.label.RestrainedMd}
 * (the built-in restrained-MD labeler on the explorer's Langevin engine).
 *
 * <p>Sign convention: a label's mean force is f = −∂A/∂s at s0, estimated as
 * f = κ ⊙ ⟨wrap(s − s0)⟩. Units: s in CV units (Å, rad), f in energy unit per CV unit as stated by
 * {@link org.eelt.freeenergy.label.EnergyUnit} (eV for the built-in engine, kJ/mol for GROMACS).
 */
package org.eelt.freeenergy.label;
