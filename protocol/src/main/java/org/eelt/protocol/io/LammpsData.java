package org.eelt.protocol.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Element;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;

/**
 * LAMMPS data files, {@code atom_style atomic} ({@code Atoms # atomic}: {@code id type x y z [ix iy iz]}),
 * in {@code metal} units (Å, amu).
 *
 * <p><b>Writing</b> converts any cell to LAMMPS's restricted triclinic form with
 * {@link LammpsBox#ofCell(Cell)}; positions are written as R r, so an oracle maps LAMMPS
 * forces back with {@link LammpsBox#fromLammps(double[])} and virials with
 * {@link LammpsBox#tensorFromLammps(double[])}. Positions are written unwrapped with image
 * flags 0 (LAMMPS remaps atoms outside a periodic box on {@code read_data}). A structure with
 * no periodic axis gets an orthogonal box (R = identity) that encloses all atoms with a margin
 * ({@link #DEFAULT_MARGIN} Å unless given); the caller decides between {@code boundary f f f}
 * and {@code s s s}. Partly periodic cells are written with their full cell; use a shrink-wrapped
 * boundary along the open axes. Type ids 1..T follow the order of the type map; a
 * {@code Masses} section is written when every type name is an element symbol. Numbers are
 * written with {@link Double#toString(double)}, so they round-trip exactly.
 *
 * <p><b>Reading</b> returns one frame, atoms sorted by id, positions unwrapped with the image
 * flags when present (r + ix a + iy b + iz c), the cell a = (lx, 0, 0), b = (xy, ly, 0),
 * c = (xz, yz, lz) (the box origin is not subtracted). A data file does not record boundary
 * conditions: the cell is fully periodic unless flags are given. Species come from a type list
 * (index 0 = type 1) or, when none is given, from the {@code Masses} section matched to
 * standard atomic weights within {@link #MASS_TOLERANCE} amu.
 */
public final class LammpsData {
    /** Default distance (Å) between the outermost atoms and the faces of a non-periodic box. */
    public static final double DEFAULT_MARGIN = 5.0;
    /** Largest difference (amu) between a {@code Masses} entry and an element's standard weight. */
    public static final double MASS_TOLERANCE = 0.01;

    private LammpsData() {
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes a data file for the structure (labels of a frame are not part of the format).
     *
     * @param file      destination
     * @param structure atoms (Å) and cell
     * @param typeMap   species of LAMMPS types 1..T in order, or null for the distinct species in
     *                  order of first appearance
     * @return the box and the rotation R (r_lammps = R r) that was applied
     * @throws IllegalArgumentException when a species is missing from the type map
     */
    public static LammpsBox write(Path file, Structure structure, List<String> typeMap) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return write(w, structure, typeMap, DEFAULT_MARGIN);
        }
    }

    /** @return the box that {@link #write} uses for this structure with margin {@code margin} (Å) when non-periodic. */
    public static LammpsBox boxFor(Structure structure, double margin) {
        return structure.cell().isPeriodic() ? LammpsBox.ofCell(structure.cell())
                : LammpsBox.enclosing(structure.positions(), margin);
    }

    /**
     * Writes a data file to a character stream.
     *
     * @param margin box margin (Å) for non-periodic structures
     * @return the box and rotation applied
     */
    public static LammpsBox write(Writer out, Structure structure, List<String> typeMap, double margin)
            throws IOException {
        List<String> types = typeMap != null ? List.copyOf(typeMap) : structure.distinctSpecies();
        int[] t = structure.types(types);
        LammpsBox box = boxFor(structure, margin);
        double[] r = box.toLammps(structure.positions());
        StringBuilder sb = new StringBuilder(64 * (structure.size() + 20));
        sb.append("LAMMPS data file written by EELT (atom_style atomic, units metal); types");
        for (int i = 0; i < types.size(); i++) {
            sb.append(' ').append(i + 1).append('=').append(types.get(i));
        }
        sb.append("\n\n");
        sb.append(structure.size()).append(" atoms\n");
        sb.append(types.size()).append(" atom types\n\n");
        sb.append(box.xlo()).append(' ').append(box.xhi()).append(" xlo xhi\n");
        sb.append(box.ylo()).append(' ').append(box.yhi()).append(" ylo yhi\n");
        sb.append(box.zlo()).append(' ').append(box.zhi()).append(" zlo zhi\n");
        if (!box.isOrthogonal()) {
            sb.append(box.xy()).append(' ').append(box.xz()).append(' ').append(box.yz()).append(" xy xz yz\n");
        }
        if (types.stream().allMatch(s -> Element.find(s).isPresent())) {
            sb.append("\nMasses\n\n");
            for (int i = 0; i < types.size(); i++) {
                sb.append(i + 1).append(' ').append(Element.of(types.get(i)).mass())
                        .append(" # ").append(types.get(i)).append('\n');
            }
        }
        sb.append("\nAtoms # atomic\n\n");
        for (int i = 0; i < structure.size(); i++) {
            sb.append(i + 1).append(' ').append(t[i] + 1).append(' ').append(r[3 * i]).append(' ')
                    .append(r[3 * i + 1]).append(' ').append(r[3 * i + 2]).append(" 0 0 0\n");
        }
        out.write(sb.toString());
        return box;
    }

    // ------------------------------------------------------------------ reading

    /** Reads with species from the {@code Masses} section, fully periodic cell. */
    public static List<Frame> read(Path file) throws IOException {
        return read(file, null, new boolean[] {true, true, true});
    }

    /**
     * Reads a data file into one unlabeled frame.
     *
     * @param file      the data file
     * @param typeNames species of types 1..T (index 0 = type 1), or null to match {@code Masses}
     *                  to elements
     * @param pbc       periodic flags of the cell (the file does not record them)
     * @return a list with one frame
     * @throws FormatException for malformed content, naming file and line
     */
    public static List<Frame> read(Path file, List<String> typeNames, boolean[] pbc) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return List.of(Frame.of(read(r, file.toString(), typeNames, pbc)));
        }
    }

    /** Reads a data file from a character stream; {@code name} is used in error messages. */
    public static Structure read(BufferedReader reader, String name, List<String> typeNames, boolean[] pbc)
            throws IOException {
        LineSource src = new LineSource(reader, name);
        LammpsDataParser p = new LammpsDataParser(src);
        p.parse();
        String[] typeSpecies = speciesOfTypes(src, p, typeNames);
        int n = p.atoms;
        double[] h = {p.bounds[1] - p.bounds[0], 0, 0, p.tilt[0], p.bounds[3] - p.bounds[2], 0,
                p.tilt[1], p.tilt[2], p.bounds[5] - p.bounds[4]};
        String[] species = new String[n];
        double[] pos = new double[3 * n];
        for (int i = 0; i < n; i++) {
            LammpsDataParser.AtomLine a = p.atomLines.get(i);
            species[i] = typeSpecies[a.type() - 1];
            for (int k = 0; k < 3; k++) {
                pos[3 * i + k] = a.xyz()[k] + a.image()[0] * h[k] + a.image()[1] * h[3 + k] + a.image()[2] * h[6 + k];
            }
        }
        Cell cell;
        try {
            cell = new Cell(h, pbc);
        } catch (IllegalArgumentException e) {
            throw new FormatException(name, "header", "invalid box: " + e.getMessage(),
                    "check the xlo xhi / ylo yhi / zlo zhi / xy xz yz lines");
        }
        return new Structure(species, pos, cell);
    }

    private static String[] speciesOfTypes(LineSource src, LammpsDataParser p, List<String> typeNames) {
        String[] out = new String[p.atomTypes];
        if (typeNames != null) {
            if (typeNames.size() < p.atomTypes) {
                throw new FormatException(src.file(), "header", "the file has " + p.atomTypes
                        + " atom types but only " + typeNames.size() + " type names were given " + typeNames,
                        "give one species name per LAMMPS type, in type order");
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = typeNames.get(i);
            }
            return out;
        }
        for (int t = 0; t < out.length; t++) {
            Double mass = p.masses[t];
            if (mass == null) {
                throw new FormatException(src.file(), "Masses section", "no mass for atom type " + (t + 1)
                        + ", so its element is unknown", "add the type to the Masses section or pass the type names (e.g. O H)");
            }
            List<Element> matches = new ArrayList<>();
            for (Element e : Element.values()) {
                if (Math.abs(e.mass() - mass) <= MASS_TOLERANCE) {
                    matches.add(e);
                }
            }
            if (matches.size() != 1) {
                throw new FormatException(src.file(), "Masses section, type " + (t + 1),
                        String.format(Locale.ROOT, "mass %s amu matches %s within %.2f amu", mass,
                                matches.isEmpty() ? "no element" : "several elements " + matches, MASS_TOLERANCE),
                        "pass the type names explicitly (one species per type, in type order)");
            }
            out[t] = matches.get(0).symbol();
        }
        return out;
    }
}
