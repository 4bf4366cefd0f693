package org.eelt.labeler.cp2k;

import org.eelt.labeler.external.OutputFormatException;
import org.eelt.protocol.units.Units;

import java.util.List;

/**
 * Readers of CP2K's output: total energy from the main output, forces from the FORCES print file,
 * and the stress tensor from the STRESS_TENSOR print file. Pure functions of the lines.
 *
 * <p>Sign convention: CP2K prints the stress tensor with the sign of a pressure (positive when the
 * cell pushes outwards, 1/3 trace = pressure), i.e. the negative of ASE's stress σ. The virial is
 * therefore Ξ = −σ_ASE·V = σ_CP2K·V (checked against finite differences of the energy under strain).
 */
public final class Cp2kOutput {
    private static final String ENERGY_TAG = "ENERGY| Total FORCE_EVAL ( QS ) energy";

    private Cp2kOutput() {
    }

    /**
     * @param lines main output ({@code -o} file)
     * @return the last total FORCE_EVAL energy in eV
     * @throws OutputFormatException when the line is missing
     */
    public static double energyEv(List<String> lines, String file) {
        Double e = null;
        for (String l : lines) {
            int i = l.indexOf(ENERGY_TAG);
            if (i >= 0) {
                String[] t = l.trim().split("\\s+");
                e = number(t[t.length - 1], file, l);
            }
        }
        if (e == null) {
            throw new OutputFormatException(file, "no '" + ENERGY_TAG + "' line");
        }
        return Units.hartreeToEv(e);
    }

    /** @return true when the main output reports an unconverged SCF. */
    public static boolean scfNotConverged(List<String> lines) {
        for (String l : lines) {
            if (l.contains("SCF run NOT converged")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param lines the FORCES print file
     * @param n     number of atoms
     * @return forces (3N, eV/Å) of the last "ATOMIC FORCES in [a.u.]" block (Hartree/Bohr in the file)
     */
    public static double[] forcesEvPerA(List<String> lines, int n, String file) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("ATOMIC FORCES in [a.u.]")) {
                start = i;
            }
        }
        if (start < 0) {
            throw new OutputFormatException(file, "no 'ATOMIC FORCES in [a.u.]' block");
        }
        double[] f = new double[3 * n];
        int atom = 0;
        for (int i = start + 1; i < lines.size() && atom < n; i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] t = l.split("\\s+");
            if (t.length != 6 || !t[0].equals(Integer.toString(atom + 1))) {
                throw new OutputFormatException(file, "line " + (i + 1) + ": expected the force of atom " + (atom + 1)
                        + " as 'index kind element fx fy fz', got '" + l + "'");
            }
            for (int k = 0; k < 3; k++) {
                f[3 * atom + k] = Units.hartreePerBohrToEvPerAngstrom(number(t[3 + k], file, l));
            }
            atom++;
        }
        if (atom != n) {
            throw new OutputFormatException(file, "found forces of " + atom + " atoms, expected " + n);
        }
        return f;
    }

    /**
     * @param lines  the STRESS_TENSOR print file
     * @param volume cell volume V in Å³
     * @return the virial Ξ = σ_CP2K·V (row-major 3×3, eV) from the last "Analytical stress tensor" block
     */
    public static double[] virialEv(List<String> lines, double volume, String file) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("stress tensor [") && lines.get(i).contains("STRESS|")
                    && !lines.get(i).contains("Eigen")) {
                start = i;
            }
        }
        if (start < 0) {
            throw new OutputFormatException(file, "no 'STRESS| ... stress tensor [unit]' block");
        }
        String head = lines.get(start);
        String unit = head.substring(head.indexOf('[') + 1, head.indexOf(']'));
        double toEvPerA3 = switch (unit) {
            case "GPa" -> 1.0 / Units.EV_PER_A3_GPA;
            case "bar" -> 1.0 / Units.EV_PER_A3_BAR;
            default -> throw new OutputFormatException(file, "line " + (start + 1) + ": unknown stress unit [" + unit + "]");
        };
        double[] v = new double[9];
        for (int r = 0; r < 3; r++) {
            int li = start + 2 + r;
            String[] t = li < lines.size() ? lines.get(li).trim().split("\\s+") : new String[0];
            if (t.length != 5 || !t[1].equals(String.valueOf("xyz".charAt(r)))) {
                throw new OutputFormatException(file, "line " + (li + 1) + ": expected stress row "
                        + "xyz".charAt(r) + " as 'STRESS| " + "xyz".charAt(r) + " sxx sxy sxz'");
            }
            for (int c = 0; c < 3; c++) {
                v[3 * r + c] = number(t[2 + c], file, lines.get(li)) * toEvPerA3 * volume;
            }
        }
        return v;
    }

    private static double number(String s, String file, String line) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new OutputFormatException(file, "'" + s + "' is not a number in line '" + line.trim() + "'");
        }
    }
}
