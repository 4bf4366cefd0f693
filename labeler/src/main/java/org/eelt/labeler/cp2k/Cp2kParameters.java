package org.eelt.labeler.cp2k;

import org.eelt.labeler.oracle.OracleSetupException;

import java.util.Locale;

/**
 * Settings of a CP2K Quickstep (GPW) PBE calculation.
 *
 * <p>Defaults ({@link #defaults()}) are deliberately cheap, for tests and first trials, not for
 * production labels: plane-wave cutoff 200 Ry, relative cutoff 30 Ry, SCF by diagonalization with
 * Broyden mixing (α = 0.4) and Fermi–Dirac smearing at 1000 K (4 added MOs), at most 50 SCF steps
 * to EPS_SCF = 1e-6, basis DZVP-MOLOPT-SR-GTH with GTH-PBE pseudopotentials. Production DP-GEN
 * setups typically use 400–600 Ry cutoffs; set them in the SPEC.
 *
 * @param cutoffRy     MGRID CUTOFF in Ry
 * @param relCutoffRy  MGRID REL_CUTOFF in Ry
 * @param charge       total charge in e
 * @param multiplicity spin multiplicity 2S+1 (≠ 1 switches to UKS)
 * @param maxScf       SCF step limit; an unconverged SCF fails the calculation
 * @param epsScf       SCF convergence threshold (Hartree-like units of CP2K)
 * @param smearK       Fermi–Dirac electronic temperature in K; 0 turns smearing off
 * @param basis        basis set name in BASIS_MOLOPT
 * @param potential    pseudopotential name in GTH_POTENTIALS
 */
public record Cp2kParameters(double cutoffRy, double relCutoffRy, int charge, int multiplicity, int maxScf,
                             double epsScf, double smearK, String basis, String potential) {
    /** Validates ranges and names. */
    public Cp2kParameters {
        if (!(cutoffRy >= 20 && cutoffRy <= 5000)) {
            throw new OracleSetupException("cp2k cutoff must be in [20, 5000] Ry, got " + cutoffRy);
        }
        if (!(relCutoffRy >= 5 && relCutoffRy <= cutoffRy)) {
            throw new OracleSetupException("cp2k rel_cutoff must be in [5, cutoff] Ry, got " + relCutoffRy);
        }
        if (multiplicity < 1) {
            throw new OracleSetupException("cp2k multiplicity must be ≥ 1, got " + multiplicity);
        }
        if (maxScf < 1 || maxScf > 10000) {
            throw new OracleSetupException("cp2k max_scf must be in [1, 10000], got " + maxScf);
        }
        if (!(epsScf > 0 && epsScf < 1)) {
            throw new OracleSetupException("cp2k eps_scf must be in (0, 1), got " + epsScf);
        }
        if (!(smearK >= 0 && smearK < 1e5)) {
            throw new OracleSetupException("cp2k smear (electronic temperature, K) must be in [0, 1e5), got " + smearK);
        }
        for (String n : new String[] {basis, potential}) {
            if (n == null || !n.matches("[A-Za-z0-9_.+-]+")) {
                throw new OracleSetupException("cp2k basis/potential names may hold letters, digits and _.+- only, got '"
                        + n + "'");
            }
        }
    }

    /** @return the cheap defaults described in the class documentation. */
    public static Cp2kParameters defaults() {
        return new Cp2kParameters(200, 30, 0, 1, 50, 1e-6, 1000, "DZVP-MOLOPT-SR-GTH", "GTH-PBE");
    }

    /** @return the canonical SPEC text with every parameter. */
    public String canonical() {
        return String.format(Locale.ROOT,
                "cp2k:cutoff=%s;rel_cutoff=%s;charge=%d;multiplicity=%d;max_scf=%d;eps_scf=%s;smear=%s;basis=%s;potential=%s",
                cutoffRy, relCutoffRy, charge, multiplicity, maxScf, epsScf, smearK, basis, potential);
    }
}
