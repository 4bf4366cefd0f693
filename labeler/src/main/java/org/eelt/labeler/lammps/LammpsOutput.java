package org.eelt.labeler.lammps;

import org.eelt.labeler.external.OutputFormatException;
import java.util.List;

/**
 * Readers of what {@link LammpsInput}'s script writes. All values are in the LAMMPS frame
 * (restricted triclinic); the oracle rotates them back. Pure functions of the lines.
 */
public final class LammpsOutput {
    /**
     * LAMMPS's own conversion from eV/Å³ to bar in {@code units metal} ({@code force->nktv2p =
     * 1.6021765e6} in its source), which it used to print the pressure. Converting back with
     * CODATA's 1.602176634e6 instead would bias the virial by 8.4e-8 relative.
     */
    public static final double LAMMPS_METAL_NKTV2P = 1.6021765e6;

    private LammpsOutput() {
    }

    /**
     * Energy, volume and virial of the result file.
     *
     * @param energy potential energy, eV
     * @param volume box volume, Å³
     * @param virial Ξ = P_virial·V (row-major 3×3, eV) with P_virial = Σ r⊗f / V the virial part of
     *               LAMMPS's pressure tensor converted from bar: Ξ_ab = P_ab[bar]·V / {@link #LAMMPS_METAL_NKTV2P}
     */
    public record Scalars(double energy, double volume, double[] virial) {
    }

    /**
     * @param lines the result file ({@code EELT pe E vol V p1 pxx p2 pyy p3 pzz p4 pxy p5 pxz p6 pyz})
     * @return energy, volume and virial
     */
    public static Scalars scalars(List<String> lines) {
        for (String l : lines) {
            String[] t = l.trim().split("\\s+");
            if (t.length == 17 && t[0].equals("EELT") && t[1].equals("pe") && t[3].equals("vol")) {
                double e = number(t[2], LammpsInput.RESULT, l);
                double v = number(t[4], LammpsInput.RESULT, l);
                double[] p = new double[6];
                for (int i = 0; i < 6; i++) {
                    p[i] = number(t[6 + 2 * i], LammpsInput.RESULT, l) * v / LAMMPS_METAL_NKTV2P;
                }
                double[] w = {p[0], p[3], p[4], p[3], p[1], p[5], p[4], p[5], p[2]};
                return new Scalars(e, v, w);
            }
        }
        throw new OutputFormatException(LammpsInput.RESULT, "no 'EELT pe ... vol ... p1 ... p6 ...' line");
    }

    /**
     * @param lines   the dump file ({@code ITEM: ATOMS id fx fy fz [c_eelt_pea]}, sorted by id)
     * @param n       number of atoms
     * @param forces  out: 3N forces in eV/Å (LAMMPS frame)
     * @param atomicE out: N per-atom energies in eV, or null when not dumped
     */
    public static void perAtom(List<String> lines, int n, double[] forces, double[] atomicE) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("ITEM: ATOMS")) {
                start = i;
            }
        }
        if (start < 0) {
            throw new OutputFormatException(LammpsInput.DUMP, "no 'ITEM: ATOMS' section");
        }
        int columns = atomicE == null ? 4 : 5;
        if (start + n >= lines.size()) {
            throw new OutputFormatException(LammpsInput.DUMP, "expected " + n + " atom lines after line " + (start + 1)
                    + ", found " + (lines.size() - start - 1));
        }
        for (int a = 0; a < n; a++) {
            String l = lines.get(start + 1 + a);
            String[] t = l.trim().split("\\s+");
            if (t.length != columns || !t[0].equals(Integer.toString(a + 1))) {
                throw new OutputFormatException(LammpsInput.DUMP, "line " + (start + 2 + a) + ": expected atom " + (a + 1)
                        + " with " + columns + " columns, got '" + l.trim() + "'");
            }
            for (int k = 0; k < 3; k++) {
                forces[3 * a + k] = number(t[1 + k], LammpsInput.DUMP, l);
            }
            if (atomicE != null) {
                atomicE[a] = number(t[4], LammpsInput.DUMP, l);
            }
        }
    }

    /** Parses a number; LAMMPS's {@code nan}/{@code inf} become non-finite doubles (rejected later). */
    static double number(String s, String file, String line) {
        String x = s.toLowerCase();
        if (x.endsWith("nan")) {
            return Double.NaN;
        }
        if (x.endsWith("inf")) {
            return x.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new OutputFormatException(file, "'" + s + "' is not a number in line '" + line.trim() + "'");
        }
    }
}
