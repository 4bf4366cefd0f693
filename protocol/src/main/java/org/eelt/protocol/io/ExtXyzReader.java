package org.eelt.protocol.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;

/** Reads the frames of an (extended) XYZ file one by one. Package-private: use {@link ExtXyz}. */
final class ExtXyzReader {
    /** Comment keys that become part of the Frame rather than the info map. */
    static final Set<String> RESERVED = Set.of("Lattice", "Properties", "pbc", "energy", "virial", "stress");
    private static final Set<String> SPECIES = Set.of("species");
    private static final Set<String> POSITIONS = Set.of("pos", "positions");
    private static final Set<String> FORCES = Set.of("forces", "force");
    private static final Set<String> ATOMIC_ENERGIES = Set.of("atomic_energy", "atomic_energies", "energies");

    private final LineSource src;
    private int frameIndex;

    ExtXyzReader(LineSource src) {
        this.src = src;
    }

    List<ExtXyzFrame> readAll() throws IOException {
        List<ExtXyzFrame> out = new ArrayList<>();
        ExtXyzFrame f;
        while ((f = next()) != null) {
            out.add(f);
        }
        return out;
    }

    /** @return the next frame, or null at the end of the file. */
    ExtXyzFrame next() throws IOException {
        String countLine;
        do {
            countLine = src.next();
            if (countLine == null) {
                return null;
            }
        } while (countLine.isBlank());
        int countLineNumber = src.lineNumber();
        String[] cf = LineSource.fields(countLine);
        int n;
        try {
            n = Integer.parseInt(cf[0]);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0 || cf.length != 1) {
            throw src.error("frame " + frameIndex + ": expected the number of atoms, found '" + countLine.strip() + "'",
                    "each frame starts with a line holding only the atom count");
        }
        String comment = src.next();
        if (comment == null) {
            throw src.error("frame " + frameIndex + " (line " + countLineNumber + "): file ends before the comment line",
                    "add the comment line and " + n + " atom lines");
        }
        Header h = header(comment);
        String[] species = new String[n];
        double[] pos = new double[3 * n];
        double[] forces = h.forces != null ? new double[3 * n] : null;
        double[] ae = h.atomicEnergy != null ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            String line = src.next();
            if (line == null) {
                throw new FormatException(src.file(), "line " + (src.lineNumber() + 1) + ", frame " + frameIndex,
                        "frame declares " + n + " atoms (line " + countLineNumber + ") but the file ends after " + i
                                + " atom lines", "fix the atom count or add the missing atom lines");
            }
            String[] f = LineSource.fields(line);
            if (h.plain ? f.length < 4 : f.length != h.width) {
                throw src.error("atom " + i + " of frame " + frameIndex + " has " + f.length + " fields, expected "
                        + (h.plain ? "at least 4 (symbol x y z)" : h.width + " from Properties=" + h.properties),
                        "make every atom line match the Properties columns");
            }
            species[i] = f[h.species.offset()];
            readVector(f, h.pos, pos, i, 3, "position");
            if (forces != null) {
                readVector(f, h.forces, forces, i, 3, "force");
            }
            if (ae != null) {
                readVector(f, h.atomicEnergy, ae, i, 1, "atomic energy");
            }
        }
        Structure s;
        try {
            s = new Structure(species, pos, h.cell);
        } catch (IllegalArgumentException e) {
            throw new FormatException(src.file(), "frame " + frameIndex + " (line " + countLineNumber + ")", e.getMessage(),
                    "fix the atom lines");
        }
        double[] virial = h.virial;
        if (h.stress != null) {
            virial = new double[9];
            for (int k = 0; k < 9; k++) {
                virial[k] = -h.stress[k] * h.cell.volume();
            }
        }
        frameIndex++;
        return new ExtXyzFrame(new Frame(s, h.energy, forces, virial, ae), h.info);
    }

    private void readVector(String[] f, ExtXyzComment.Column c, double[] out, int atom, int width, String what) {
        for (int k = 0; k < width; k++) {
            int field = c.offset() + k;
            out[width * atom + k] = src.parseDouble(f[field], field + 1,
                    what + (width == 3 ? " " + "xyz".charAt(k) : "") + " of atom " + atom + " in frame " + frameIndex);
        }
    }

    /** What the comment line declares. */
    private static final class Header {
        boolean plain;
        String properties = "species:S:1:pos:R:3";
        int width = 4;
        ExtXyzComment.Column species = new ExtXyzComment.Column("species", 'S', 1, 0);
        ExtXyzComment.Column pos = new ExtXyzComment.Column("pos", 'R', 3, 1);
        ExtXyzComment.Column forces;
        ExtXyzComment.Column atomicEnergy;
        Cell cell = Cell.nonPeriodic();
        Double energy;
        double[] virial;
        double[] stress;
        Map<String, String> info = Map.of();
    }

    private Header header(String comment) {
        Header h = new Header();
        Map<String, String> kv;
        if (comment.indexOf('=') < 0) {
            h.plain = true; // free-text comment of a plain xyz file
            return h;
        }
        try {
            kv = ExtXyzComment.parse(comment);
        } catch (ExtXyzComment.SyntaxError e) {
            if (comment.contains("Properties=") || comment.contains("Lattice=")) {
                throw src.error("frame " + frameIndex + ": " + e.getMessage(), "close every quoted value with '\"'");
            }
            h.plain = true;
            return h;
        }
        if (!kv.containsKey("Properties")) {
            h.plain = true;
        } else {
            h.properties = kv.get("Properties");
            columns(h);
        }
        double[] lattice = kv.containsKey("Lattice") ? numbers(kv.get("Lattice"), "Lattice", 9, 9) : null;
        boolean[] pbc = kv.containsKey("pbc") ? pbc(kv.get("pbc")) : null;
        if (lattice == null) {
            if (pbc != null && (pbc[0] || pbc[1] || pbc[2])) {
                throw src.error("frame " + frameIndex + ": pbc=\"" + kv.get("pbc") + "\" says periodic but there is no Lattice",
                        "add Lattice=\"ax ay az bx by bz cx cy cz\" (Å) or set pbc=\"F F F\"");
            }
        } else {
            try {
                h.cell = new Cell(lattice, pbc != null ? pbc : new boolean[] {true, true, true});
            } catch (IllegalArgumentException e) {
                throw src.error("frame " + frameIndex + ": bad Lattice: " + e.getMessage(), "give three independent cell vectors");
            }
        }
        if (kv.containsKey("energy")) {
            h.energy = numbers(kv.get("energy"), "energy", 1, 1)[0];
        }
        if (kv.containsKey("virial")) {
            h.virial = tensor(numbers(kv.get("virial"), "virial", 6, 9));
        }
        if (kv.containsKey("stress")) {
            if (lattice == null) {
                throw src.error("frame " + frameIndex + ": stress needs a periodic Lattice to be turned into a virial"
                        + " (virial = -stress * V)", "add Lattice=\"...\", or give virial=\"...\" instead");
            }
            h.stress = tensor(numbers(kv.get("stress"), "stress", 6, 9));
            if (h.virial != null) {
                throw src.error("frame " + frameIndex + ": both virial and stress are given", "keep one of them");
            }
        }
        Map<String, String> info = new java.util.LinkedHashMap<>(kv);
        info.keySet().removeAll(RESERVED);
        h.info = info;
        return h;
    }

    private void columns(Header h) {
        List<ExtXyzComment.Column> cols;
        try {
            cols = ExtXyzComment.columns(h.properties);
        } catch (ExtXyzComment.SyntaxError e) {
            throw src.error("frame " + frameIndex + ": " + e.getMessage(), "write Properties=species:S:1:pos:R:3[:forces:R:3]");
        }
        h.species = null;
        h.pos = null;
        h.width = 0;
        for (ExtXyzComment.Column c : cols) {
            h.width += c.width();
            if (SPECIES.contains(c.name()) && c.type() == 'S' && c.width() == 1) {
                h.species = c;
            } else if (POSITIONS.contains(c.name()) && c.type() == 'R' && c.width() == 3) {
                h.pos = c;
            } else if (FORCES.contains(c.name()) && c.type() == 'R' && c.width() == 3) {
                h.forces = c;
            } else if (ATOMIC_ENERGIES.contains(c.name()) && c.type() == 'R' && c.width() == 1) {
                h.atomicEnergy = c;
            }
        }
        if (h.species == null || h.pos == null) {
            throw src.error("frame " + frameIndex + ": Properties=" + h.properties + " lacks species:S:1 or pos:R:3",
                    "declare the species and position columns, e.g. Properties=species:S:1:pos:R:3");
        }
    }

    private double[] numbers(String value, String key, int min, int max) {
        String[] f = LineSource.fields(value);
        if (f.length != min && f.length != max) {
            throw src.error("frame " + frameIndex + ": " + key + " has " + f.length + " values, expected "
                    + (min == max ? String.valueOf(min) : min + " or " + max), "write " + key + "=\"...\" with "
                    + (min == max ? min : min + " (Voigt xx yy zz yz xz xy) or " + max) + " numbers");
        }
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            try {
                out[i] = Double.parseDouble(f[i]);
            } catch (NumberFormatException e) {
                out[i] = Double.NaN;
            }
            if (!Double.isFinite(out[i])) {
                throw src.error("frame " + frameIndex + ": value " + (i + 1) + " of " + key + " is '" + f[i] + "', not a finite number",
                        "write decimal numbers");
            }
        }
        return out;
    }

    /** Expands Voigt (xx yy zz yz xz xy) to a row-major 3×3 tensor; 9 values pass through. */
    private static double[] tensor(double[] v) {
        if (v.length == 9) {
            return v;
        }
        return new double[] {v[0], v[5], v[4], v[5], v[1], v[3], v[4], v[3], v[2]};
    }

    private boolean[] pbc(String value) {
        String[] f = LineSource.fields(value);
        if (f.length != 3) {
            throw src.error("frame " + frameIndex + ": pbc=\"" + value + "\" needs 3 flags", "write pbc=\"T T T\" (T or F per axis)");
        }
        boolean[] out = new boolean[3];
        for (int k = 0; k < 3; k++) {
            switch (f[k].toLowerCase(Locale.ROOT)) {
                case "t", "true", "1" -> out[k] = true;
                case "f", "false", "0" -> out[k] = false;
                default -> throw src.error("frame " + frameIndex + ": pbc flag '" + f[k] + "' is not T or F",
                        "write pbc=\"T T T\" (T or F per axis)");
            }
        }
        return out;
    }
}
