package org.eelt.explorer.md;

/**
 * One thermodynamic sample.
 *
 * @param step        step number
 * @param time        time in ps
 * @param temperature T in K
 * @param pressure    P in bar (NaN when the cell is not fully periodic)
 * @param potential   E_pot in eV (bias included)
 * @param kinetic     E_kin in eV
 * @param total       E_pot + E_kin in eV
 * @param conserved   E_tot minus the energy the thermostat put in (eV): constant for exact
 *                    dynamics, so its drift measures integration error
 * @param volume      V in Å³ (NaN when not fully periodic)
 */
public record ThermoSample(long step, double time, double temperature, double pressure, double potential,
                           double kinetic, double total, double conserved, double volume) {
}
