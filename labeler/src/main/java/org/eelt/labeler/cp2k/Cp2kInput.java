package org.eelt.labeler.cp2k;

import org.eelt.protocol.atoms.Element;
import org.eelt.protocol.atoms.Structure;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a CP2K input file for one ENERGY_FORCE calculation (PBE, GPW) of a periodic structure:
 * cell vectors and Cartesian coordinates in Å, forces printed to {@code eelt-forces-1_0.xyz}
 * (Hartree/Bohr) and, when asked, the analytical stress tensor to
 * {@code eelt-stress-1_0.stress_tensor} (GPa). A pure function of its arguments.
 */
public final class Cp2kInput {
    /** CP2K PROJECT name, the prefix of every output file. */
    public static final String PROJECT = "eelt";

    private Cp2kInput() {
    }

    /**
     * @param s       periodic structure (species are element symbols)
     * @param p       calculation parameters
     * @param dataDir directory with BASIS_MOLOPT and GTH_POTENTIALS
     * @param stress  whether to compute and print the analytical stress tensor
     * @return the input file's text
     */
    public static String write(Structure s, Cp2kParameters p, Path dataDir, boolean stress) {
        StringBuilder b = new StringBuilder();
        b.append("! written by EELT cp2k oracle: ").append(p.canonical()).append('\n');
        b.append("&GLOBAL\n  PROJECT ").append(PROJECT).append("\n  RUN_TYPE ENERGY_FORCE\n  PRINT_LEVEL LOW\n&END GLOBAL\n");
        b.append("&FORCE_EVAL\n  METHOD QUICKSTEP\n");
        if (stress) {
            b.append("  STRESS_TENSOR ANALYTICAL\n");
        }
        b.append("  &DFT\n");
        b.append("    BASIS_SET_FILE_NAME ").append(dataDir.resolve("BASIS_MOLOPT")).append('\n');
        b.append("    POTENTIAL_FILE_NAME ").append(dataDir.resolve("GTH_POTENTIALS")).append('\n');
        b.append("    CHARGE ").append(p.charge()).append('\n');
        b.append("    MULTIPLICITY ").append(p.multiplicity()).append('\n');
        if (p.multiplicity() != 1) {
            b.append("    UKS TRUE\n");
        }
        b.append(f("    &MGRID\n      CUTOFF %s\n      REL_CUTOFF %s\n    &END MGRID\n", p.cutoffRy(), p.relCutoffRy()));
        b.append("    &QS\n      EPS_DEFAULT 1.0E-10\n    &END QS\n");
        b.append(f("    &SCF\n      MAX_SCF %d\n      EPS_SCF %s\n      SCF_GUESS ATOMIC\n", p.maxScf(), p.epsScf()));
        if (p.smearK() > 0) {
            b.append(f("      ADDED_MOS 4\n      &SMEAR ON\n        METHOD FERMI_DIRAC\n"
                    + "        ELECTRONIC_TEMPERATURE [K] %s\n      &END SMEAR\n", p.smearK()));
        }
        b.append("      &DIAGONALIZATION\n        ALGORITHM STANDARD\n      &END DIAGONALIZATION\n");
        b.append("      &MIXING\n        METHOD BROYDEN_MIXING\n        ALPHA 0.4\n      &END MIXING\n");
        b.append("    &END SCF\n");
        b.append("    &XC\n      &XC_FUNCTIONAL PBE\n      &END XC_FUNCTIONAL\n    &END XC\n");
        b.append("  &END DFT\n");
        b.append("  &SUBSYS\n    &CELL\n");
        double[] h = s.cell().matrix();
        for (int r = 0; r < 3; r++) {
            b.append(f("      %s %.15f %.15f %.15f\n", "ABC".charAt(r), h[3 * r], h[3 * r + 1], h[3 * r + 2]));
        }
        b.append("      PERIODIC XYZ\n    &END CELL\n    &COORD\n");
        for (int i = 0; i < s.size(); i++) {
            b.append(f("      %s %.15f %.15f %.15f\n", s.species(i), s.position(i, 0), s.position(i, 1),
                    s.position(i, 2)));
        }
        b.append("    &END COORD\n");
        for (String sp : s.distinctSpecies()) {
            b.append("    &KIND ").append(sp).append("\n      ELEMENT ").append(Element.of(sp).symbol())
                    .append("\n      BASIS_SET ").append(p.basis()).append("\n      POTENTIAL ").append(p.potential())
                    .append("\n    &END KIND\n");
        }
        b.append("  &END SUBSYS\n  &PRINT\n    &FORCES ON\n      FILENAME forces\n    &END FORCES\n");
        if (stress) {
            b.append("    &STRESS_TENSOR ON\n      FILENAME stress\n    &END STRESS_TENSOR\n");
        }
        b.append("  &END PRINT\n&END FORCE_EVAL\n");
        return b.toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
