package org.eelt.freeenergy.label;

import org.eelt.protocol.units.Units;

/** The energy unit of a free energy and of its mean forces (per CV unit: Å or rad). */
public enum EnergyUnit {
    /** eV: the built-in restrained-MD labeler (potentials work in eV). */
    EV(1.0),
    /** kJ/mol: the GROMACS oracle. */
    KJ_PER_MOL(Units.KJ_PER_MOL_EV);

    private final double ev;

    EnergyUnit(double ev) {
        this.ev = ev;
    }

    /** @return one unit in eV. */
    public double inEv() {
        return ev;
    }

    /** @return k_B T in this unit at temperature T (K). */
    public double kT(double kelvin) {
        return Units.KB_EV_PER_K * kelvin / ev;
    }

    /** @return the unit's symbol, {@code eV} or {@code kJ/mol}. */
    public String symbol() {
        return this == EV ? "eV" : "kJ/mol";
    }
}
