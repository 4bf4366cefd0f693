package org.eelt.labeler.xtb;

import org.eelt.labeler.external.OutputFormatException;
import org.eelt.protocol.units.Units;

import java.util.List;

/**
 * Readers of the Turbomole-format {@code energy} and {@code gradient} files that xtb writes with
 * {@code --grad}. Energies there are in Hartree, coordinates in Bohr, gradients ∂E/∂r in
 * Hartree/Bohr (Fortran {@code D} exponents allowed). Pure functions of the file lines.
 */
public final class TurbomoleFiles {
    private TurbomoleFiles() {
    }

    /**
     * Reads the SCF energy of the last entry of a {@code $energy} block.
     *
     * @param lines the file's lines
     * @return the energy in eV (Hartree × {@link Units#HARTREE_EV})
     * @throws OutputFormatException when there is no energy entry
     */
    public static double energyEv(List<String> lines) {
        int start = indexOf(lines, "$energy", "energy");
        Double last = null;
        for (int i = start + 1; i < lines.size() && !lines.get(i).trim().startsWith("$"); i++) {
            String[] t = lines.get(i).trim().split("\\s+");
            if (t.length < 2) {
                throw new OutputFormatException("energy", "line " + (i + 1) + ": expected 'cycle energy ...', got '"
                        + lines.get(i) + "'");
            }
            last = number(t[1], "energy", i);
        }
        if (last == null) {
            throw new OutputFormatException("energy", "no entry after $energy");
        }
        return Units.hartreeToEv(last);
    }

    /**
     * Reads the forces of the last cycle of a {@code $grad} block: F = −∂E/∂r.
     *
     * @param lines   the file's lines
     * @param species expected element symbols in order (checked against the file, case-insensitive)
     * @return forces, 3N values in eV/Å
     * @throws OutputFormatException on a missing cycle, wrong atom count or mismatched element
     */
    public static double[] forcesEvPerA(List<String> lines, String[] species) {
        int start = indexOf(lines, "$grad", "gradient");
        int cycle = -1;
        for (int i = start + 1; i < lines.size() && !lines.get(i).trim().startsWith("$end"); i++) {
            if (lines.get(i).contains("cycle")) {
                cycle = i;
            }
        }
        if (cycle < 0) {
            throw new OutputFormatException("gradient", "no 'cycle =' line after $grad");
        }
        int n = species.length;
        if (cycle + 2 * n >= lines.size()) {
            throw new OutputFormatException("gradient", "truncated: expected " + n + " coordinate and " + n
                    + " gradient lines after line " + (cycle + 1));
        }
        double[] f = new double[3 * n];
        for (int a = 0; a < n; a++) {
            int li = cycle + 1 + a;
            String[] t = lines.get(li).trim().split("\\s+");
            if (t.length != 4 || !t[3].equalsIgnoreCase(species[a])) {
                throw new OutputFormatException("gradient", "line " + (li + 1) + ": expected coordinates of atom "
                        + a + " (" + species[a] + "), got '" + lines.get(li).trim() + "'");
            }
            int lg = cycle + 1 + n + a;
            String[] g = lines.get(lg).trim().split("\\s+");
            if (g.length != 3) {
                throw new OutputFormatException("gradient", "line " + (lg + 1) + ": expected 3 gradient components, got '"
                        + lines.get(lg).trim() + "'");
            }
            for (int k = 0; k < 3; k++) {
                f[3 * a + k] = -Units.hartreePerBohrToEvPerAngstrom(number(g[k], "gradient", lg));
            }
        }
        return f;
    }

    private static int indexOf(List<String> lines, String marker, String file) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith(marker)) {
                return i;
            }
        }
        throw new OutputFormatException(file, "no " + marker + " block (" + lines.size() + " lines)");
    }

    private static double number(String s, String file, int line) {
        try {
            return Double.parseDouble(s.replace('D', 'E').replace('d', 'e'));
        } catch (NumberFormatException e) {
            throw new OutputFormatException(file, "line " + (line + 1) + ": '" + s + "' is not a number");
        }
    }
}
