package org.eelt.protocol.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the header and the {@code Masses} and {@code Atoms} sections of a LAMMPS data file;
 * other sections (Velocities, Bonds, coefficients, …) are skipped. Package-private: use
 * {@link LammpsData}.
 */
final class LammpsDataParser {
    /** Section keywords of the LAMMPS data format (read_data documentation). */
    private static final Set<String> SECTIONS = Set.of("Atoms", "Velocities", "Masses", "Ellipsoids", "Lines",
            "Triangles", "Bodies", "Bonds", "Angles", "Dihedrals", "Impropers", "Pair Coeffs", "PairIJ Coeffs",
            "Bond Coeffs", "Angle Coeffs", "Dihedral Coeffs", "Improper Coeffs", "BondBond Coeffs",
            "BondAngle Coeffs", "MiddleBondTorsion Coeffs", "EndBondTorsion Coeffs", "AngleTorsion Coeffs",
            "AngleAngleTorsion Coeffs", "BondBond13 Coeffs", "AngleAngle Coeffs");
    /** Header keywords that are legal but irrelevant for atom_style atomic. */
    private static final Set<String> IGNORED_HEADER = Set.of("bonds", "angles", "dihedrals", "impropers",
            "bond types", "angle types", "dihedral types", "improper types", "extra bond per atom",
            "extra angle per atom", "extra dihedral per atom", "extra improper per atom", "extra special per atom",
            "ellipsoids", "lines", "triangles", "bodies");

    /** One line of the Atoms section. */
    record AtomLine(long id, int type, double[] xyz, int[] image, int line) {
    }

    private final LineSource src;
    int atoms = -1;
    int atomTypes = -1;
    final double[] bounds = new double[6];
    private final boolean[] haveBounds = new boolean[3];
    final double[] tilt = new double[3];
    Double[] masses;
    final List<AtomLine> atomLines = new ArrayList<>();
    private boolean haveAtoms;

    LammpsDataParser(LineSource src) {
        this.src = src;
    }

    void parse() throws IOException {
        if (src.next() == null) {
            throw src.error("empty file", "a LAMMPS data file starts with a title line followed by the header");
        }
        String section = null;
        String sectionComment = "";
        String line;
        while ((line = src.next()) != null) {
            int hash = line.indexOf('#');
            String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
            String comment = hash >= 0 ? line.substring(hash + 1).strip() : "";
            if (body.isEmpty()) {
                continue;
            }
            String keyword = body.replaceAll("\\s+", " ");
            if (SECTIONS.contains(keyword)) {
                section = keyword;
                sectionComment = comment;
                startSection(section);
                continue;
            }
            if (section == null) {
                header(body);
            } else if (section.equals("Masses")) {
                mass(LineSource.fields(body));
            } else if (section.equals("Atoms")) {
                atom(LineSource.fields(body), sectionComment);
            }
        }
        finish();
    }

    private void startSection(String section) {
        if (atoms < 0 || atomTypes < 0) {
            throw src.error("section '" + section + "' before the header declared 'atoms' and 'atom types'",
                    "put the lines 'N atoms' and 'T atom types' in the header");
        }
        if (section.equals("Atoms")) {
            if (haveAtoms) {
                throw src.error("a second Atoms section", "keep one Atoms section");
            }
            haveAtoms = true;
        }
    }

    private void header(String body) {
        String[] f = LineSource.fields(body);
        String tail2 = f.length >= 2 ? f[f.length - 2] + " " + f[f.length - 1] : "";
        if (body.endsWith(" atom types") && f.length == 3) {
            atomTypes = count(f[0], "atom types");
            masses = new Double[atomTypes];
        } else if (body.endsWith(" atoms") && f.length == 2) {
            atoms = count(f[0], "atoms");
        } else if (f.length == 4 && (tail2.equals("xlo xhi") || tail2.equals("ylo yhi") || tail2.equals("zlo zhi"))) {
            int axis = tail2.charAt(0) - 'x';
            double lo = src.parseDouble(f[0], 1, tail2.substring(0, 3));
            double hi = src.parseDouble(f[1], 2, tail2.substring(4));
            if (!(hi > lo)) {
                throw src.error("box bound " + tail2.substring(4) + " = " + hi + " is not above " + tail2.substring(0, 3)
                        + " = " + lo, "give lo < hi");
            }
            bounds[2 * axis] = lo;
            bounds[2 * axis + 1] = hi;
            haveBounds[axis] = true;
        } else if (f.length == 6 && body.endsWith("xy xz yz")) {
            for (int k = 0; k < 3; k++) {
                tilt[k] = src.parseDouble(f[k], k + 1, "tilt factor " + f[3 + k]);
            }
        } else if (body.matches(".*\\b(avec|bvec|cvec|abc origin)$")) {
            throw src.error("general triclinic boxes ('" + body + "') are not supported",
                    "write the box in restricted triclinic form (xlo xhi, ylo yhi, zlo zhi, xy xz yz)");
        } else if (!ignoredHeader(f)) {
            throw src.error("unrecognised header line '" + body + "'",
                    "use the LAMMPS read_data header keywords (N atoms, T atom types, xlo xhi, ...) or start a section");
        }
    }

    private boolean ignoredHeader(String[] f) {
        if (f.length < 2) {
            return false;
        }
        StringBuilder kw = new StringBuilder(f[1]);
        for (int i = 2; i < f.length; i++) {
            kw.append(' ').append(f[i]);
        }
        if (!IGNORED_HEADER.contains(kw.toString())) {
            return false;
        }
        count(f[0], kw.toString());
        return true;
    }

    private int count(String token, String what) {
        int v = src.parseInt(token, 1, "the number of " + what);
        if (v < 0) {
            throw src.error(1, "negative number of " + what + ": " + v, "give a count >= 0");
        }
        return v;
    }

    private void mass(String[] f) {
        if (f.length != 2) {
            throw src.error("a Masses line needs 'type mass', found " + f.length + " fields", "write e.g. '1 63.546'");
        }
        int t = src.parseInt(f[0], 1, "atom type");
        if (t < 1 || t > atomTypes) {
            throw src.error(1, "atom type " + t + " outside 1.." + atomTypes, "use a type id declared by 'atom types'");
        }
        double m = src.parseDouble(f[1], 2, "mass");
        if (!(m > 0)) {
            throw src.error(2, "mass must be positive, found " + m, "give the mass in amu");
        }
        masses[t - 1] = m;
    }

    private void atom(String[] f, String style) {
        if (!style.isEmpty() && !style.equals("atomic")) {
            throw src.error("atom style '" + style + "' is not supported",
                    "write the file with atom_style atomic (Atoms # atomic: id type x y z [ix iy iz])");
        }
        if (f.length != 5 && f.length != 8) {
            throw src.error("an Atoms line (atomic style) needs 'id type x y z' or 'id type x y z ix iy iz', found "
                    + f.length + " fields", "check the atom style of the file (only atomic is supported)");
        }
        if (atomLines.size() == atoms) {
            throw src.error("more Atoms lines than the " + atoms + " atoms declared in the header",
                    "make the header 'atoms' count match the Atoms section");
        }
        long id = src.parseLong(f[0], 1, "atom id");
        int type = src.parseInt(f[1], 2, "atom type");
        if (type < 1 || type > atomTypes) {
            throw src.error(2, "atom type " + type + " outside 1.." + atomTypes, "use a type id declared by 'atom types'");
        }
        double[] xyz = {src.parseDouble(f[2], 3, "x"), src.parseDouble(f[3], 4, "y"), src.parseDouble(f[4], 5, "z")};
        int[] img = new int[3];
        if (f.length == 8) {
            for (int k = 0; k < 3; k++) {
                img[k] = src.parseInt(f[5 + k], 6 + k, "image flag");
            }
        }
        atomLines.add(new AtomLine(id, type, xyz, img, src.lineNumber()));
    }

    private void finish() {
        if (atoms < 0 || atomTypes < 0) {
            throw new FormatException(src.file(), "header", "missing 'atoms' or 'atom types' count",
                    "put the lines 'N atoms' and 'T atom types' in the header");
        }
        for (int k = 0; k < 3; k++) {
            if (!haveBounds[k]) {
                String ax = String.valueOf((char) ('x' + k));
                throw new FormatException(src.file(), "header", "missing '" + ax + "lo " + ax + "hi' box bounds",
                        "add the line '<lo> <hi> " + ax + "lo " + ax + "hi'");
            }
        }
        if (atoms > 0 && !haveAtoms) {
            throw new FormatException(src.file(), "end of file", "no Atoms section", "add 'Atoms # atomic' with one line per atom");
        }
        if (atomLines.size() != atoms) {
            throw new FormatException(src.file(), "Atoms section", "found " + atomLines.size() + " atom lines but the header declares "
                    + atoms + " atoms", "make the header 'atoms' count match the Atoms section");
        }
        atomLines.sort(Comparator.comparingLong(AtomLine::id));
        Set<Long> seen = new HashSet<>();
        for (AtomLine a : atomLines) {
            if (!seen.add(a.id())) {
                throw new FormatException(src.file(), "line " + a.line(), "duplicate atom id " + a.id(),
                        "give every atom a unique id");
            }
        }
    }
}
