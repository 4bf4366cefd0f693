package org.eelt.protocol.units;

/**
 * Physical constants and unit conversions. EELT's internal units are
 * <b>eV</b> (energy), <b>Å</b> (length), <b>ps</b> (time), <b>amu</b> (mass) and <b>K</b> (temperature).
 * Forces are eV/Å, virials eV, stresses and pressures eV/Å³ unless a method says otherwise.
 *
 * <p>Constants are CODATA 2018 values (as used by ASE 3.22 / LAMMPS {@code metal} units).
 */
public final class Units {
    private Units() {
    }

    /** Boltzmann constant k_B in eV/K. */
    public static final double KB_EV_PER_K = 8.617333262e-5;
    /** One Hartree in eV. */
    public static final double HARTREE_EV = 27.211386245988;
    /** One Bohr radius in Å. */
    public static final double BOHR_ANGSTROM = 0.529177210903;
    /** Avogadro constant, 1/mol. */
    public static final double AVOGADRO = 6.02214076e23;
    /** Elementary charge in C (= J per eV). */
    public static final double ELEMENTARY_CHARGE_C = 1.602176634e-19;
    /** One kJ/mol in eV (per particle): 1000 / (N_A · e). */
    public static final double KJ_PER_MOL_EV = 1000.0 / (AVOGADRO * ELEMENTARY_CHARGE_C);
    /** One kcal/mol in eV (thermochemical calorie, 4.184 J). */
    public static final double KCAL_PER_MOL_EV = 4.184 * KJ_PER_MOL_EV;
    /** One atomic mass unit in kg. */
    public static final double AMU_KG = 1.66053906660e-27;
    /**
     * Converts mass·velocity² in amu·Å²/ps² to eV:
     * 1 amu·Å²/ps² = 1.66053906660e-27 kg · 1e-20 m² / 1e-24 s² / e = 1.0364269e-4 eV.
     */
    public static final double AMU_A2_PER_PS2_EV = AMU_KG * 1e4 / ELEMENTARY_CHARGE_C;
    /** Converts force/mass in (eV/Å)/amu to acceleration in Å/ps²: the inverse of {@link #AMU_A2_PER_PS2_EV}. */
    public static final double EV_PER_A_AMU_TO_A_PER_PS2 = 1.0 / AMU_A2_PER_PS2_EV;
    /** One eV/Å³ in bar: e·1e30 Pa / 1e5. */
    public static final double EV_PER_A3_BAR = ELEMENTARY_CHARGE_C * 1e30 / 1e5;
    /** One eV/Å³ in GPa. */
    public static final double EV_PER_A3_GPA = ELEMENTARY_CHARGE_C * 1e30 / 1e9;

    /** @return energy in eV given Hartree. */
    public static double hartreeToEv(double hartree) {
        return hartree * HARTREE_EV;
    }

    /** @return force in eV/Å given Hartree/Bohr. */
    public static double hartreePerBohrToEvPerAngstrom(double f) {
        return f * HARTREE_EV / BOHR_ANGSTROM;
    }

    /** @return length in Å given Bohr. */
    public static double bohrToAngstrom(double bohr) {
        return bohr * BOHR_ANGSTROM;
    }

    /** @return energy in eV given kJ/mol. */
    public static double kjPerMolToEv(double kjPerMol) {
        return kjPerMol * KJ_PER_MOL_EV;
    }

    /** @return energy in kJ/mol given eV. */
    public static double evToKjPerMol(double ev) {
        return ev / KJ_PER_MOL_EV;
    }

    /** @return energy in eV given kcal/mol. */
    public static double kcalPerMolToEv(double kcalPerMol) {
        return kcalPerMol * KCAL_PER_MOL_EV;
    }

    /** @return pressure in bar given eV/Å³. */
    public static double evPerA3ToBar(double p) {
        return p * EV_PER_A3_BAR;
    }

    /** @return pressure in eV/Å³ given bar. */
    public static double barToEvPerA3(double bar) {
        return bar / EV_PER_A3_BAR;
    }
}
