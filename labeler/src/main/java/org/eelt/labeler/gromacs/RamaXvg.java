package org.eelt.labeler.gromacs;

import org.eelt.labeler.external.OutputFormatException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the φ/ψ time series that {@code gmx rama -o} writes: comment ({@code #}) and xmgrace
 * ({@code @}) lines, then one line {@code phi psi residue} per residue and frame, angles in
 * degrees in [−180, 180). Alanine dipeptide has one residue with both angles (ALA-2), so each frame
 * is one line.
 */
public final class RamaXvg {
    private RamaXvg() {
    }

    /**
     * @param fileName the file's name, for errors
     * @param lines    the file's lines
     * @param residue  the residue label to keep, e.g. {@code ALA-2}
     * @return {@code [frame][0 = φ, 1 = ψ]} in rad
     * @throws OutputFormatException naming the line of a malformed record, or when no frame is found
     */
    public static double[][] read(String fileName, List<String> lines, String residue) {
        List<double[]> frames = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("@")) {
                continue;
            }
            String[] f = t.split("\\s+");
            if (f.length < 3) {
                throw new OutputFormatException(fileName, "line " + n + ": expected 'phi psi residue', got '" + t + "'");
            }
            if (!f[2].equals(residue)) {
                continue;
            }
            try {
                double phi = Double.parseDouble(f[0]);
                double psi = Double.parseDouble(f[1]);
                if (!Double.isFinite(phi) || !Double.isFinite(psi)) {
                    throw new NumberFormatException("not finite");
                }
                frames.add(new double[] {Math.toRadians(phi), Math.toRadians(psi)});
            } catch (NumberFormatException e) {
                throw new OutputFormatException(fileName, "line " + n + ": unreadable angle in '" + t + "'");
            }
        }
        if (frames.isEmpty()) {
            throw new OutputFormatException(fileName, "no phi/psi records of residue " + residue
                    + " (" + lines.size() + " lines read)");
        }
        return frames.toArray(new double[0][]);
    }
}
