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
import java.util.Map;
import java.util.regex.Pattern;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;

/**
 * ASE's extended XYZ format (and plain XYZ), multi-frame. Units: positions and Lattice Å,
 * energy eV, forces eV/Å, virial eV, stress eV/Å³, atomic energies eV.
 *
 * <p>Each frame is a line with the atom count N, a comment line and N atom lines. The comment
 * line holds {@code key=value} pairs:
 * <ul>
 * <li>{@code Lattice="ax ay az bx by bz cx cy cz"}: the cell vectors as rows. Without it the frame
 * is non-periodic ({@link Cell#nonPeriodic()}); {@code pbc="T T T"} (T/F per axis, default all T
 * when a Lattice is present) sets the periodic flags, and a periodic {@code pbc} without a Lattice
 * is an error.</li>
 * <li>{@code Properties=species:S:1:pos:R:3:forces:R:3:...}: the atom-line columns as
 * name:type:width triples. Recognised: {@code species}, {@code pos}/{@code positions},
 * {@code forces}/{@code force}, {@code atomic_energy}/{@code energies} (per-atom energies);
 * other columns are skipped by their declared width. Without Properties the atom lines are
 * {@code symbol x y z} (plain XYZ; further columns ignored).</li>
 * <li>{@code energy=E}; {@code virial="9 values"} (row-major) or 6 Voigt values
 * (xx yy zz yz xz xy); or {@code stress=} (9 or 6 values), converted to virial = −stress·V.</li>
 * <li>anything else is returned as {@link ExtXyzFrame#info()}.</li>
 * </ul>
 *
 * <p>The writer emits {@code Lattice} (omitted for {@link Cell#nonPeriodic()}),
 * {@code Properties=species:S:1:pos:R:3[:forces:R:3][:atomic_energy:R:1]}, {@code energy},
 * {@code virial}, extra info and {@code pbc}, with numbers from {@link Double#toString(double)} so
 * that every float64 value reads back bit for bit.
 */
public final class ExtXyz {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    private ExtXyz() {
    }

    /** @return the frames of the file. */
    public static List<Frame> read(Path file) throws IOException {
        List<Frame> out = new ArrayList<>();
        for (ExtXyzFrame f : readWithInfo(file)) {
            out.add(f.frame());
        }
        return out;
    }

    /** @return the frames of the file with their extra comment-line info. */
    public static List<ExtXyzFrame> readWithInfo(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        }
    }

    /**
     * Reads all frames from a character stream.
     *
     * @param name used in error messages
     * @throws FormatException naming the file, line (and column or frame) of malformed content
     */
    public static List<ExtXyzFrame> read(BufferedReader reader, String name) throws IOException {
        return new ExtXyzReader(new LineSource(reader, name)).readAll();
    }

    /** Writes frames without extra info. */
    public static void write(Path file, List<Frame> frames) throws IOException {
        writeWithInfo(file, frames.stream().map(ExtXyzFrame::of).toList());
    }

    /** Writes frames with their extra info (e.g. {@code step=10}). */
    public static void writeWithInfo(Path file, List<ExtXyzFrame> frames) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ExtXyzFrame f : frames) {
                append(w, f.frame(), f.info());
            }
        }
    }

    /**
     * Appends one frame to a stream (e.g. a trajectory being written step by step).
     *
     * @param info extra scalar entries for the comment line, written in map order; keys must be
     *             identifiers other than Lattice, Properties, pbc, energy, virial, stress
     * @throws IllegalArgumentException for a bad key, a value with a double quote or newline, or a
     *                                  species label with blanks
     */
    public static void append(Writer out, Frame frame, Map<String, String> info) throws IOException {
        out.write(format(frame, info));
    }

    /** @return the text of one frame (count line, comment line, atom lines). */
    public static String format(Frame frame, Map<String, String> info) {
        Structure s = frame.structure();
        int n = s.size();
        StringBuilder sb = new StringBuilder(80 * (n + 2));
        sb.append(n).append('\n');
        Cell cell = s.cell();
        if (!cell.equals(Cell.nonPeriodic())) {
            sb.append("Lattice=\"");
            join(sb, cell.matrix());
            sb.append("\" ");
        }
        sb.append("Properties=species:S:1:pos:R:3");
        if (frame.hasForces()) {
            sb.append(":forces:R:3");
        }
        if (frame.hasAtomicEnergies()) {
            sb.append(":atomic_energy:R:1");
        }
        if (frame.hasEnergy()) {
            sb.append(" energy=").append(frame.energy().doubleValue());
        }
        if (frame.hasVirial()) {
            sb.append(" virial=\"");
            join(sb, frame.virial());
            sb.append('"');
        }
        if (info != null) {
            for (Map.Entry<String, String> e : info.entrySet()) {
                String k = e.getKey();
                String v = e.getValue();
                if (k == null || !KEY.matcher(k).matches() || ExtXyzReader.RESERVED.contains(k)) {
                    throw new IllegalArgumentException("extxyz info key '" + k + "' must be an identifier"
                            + " and not one of " + ExtXyzReader.RESERVED);
                }
                if (v == null || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                    throw new IllegalArgumentException("extxyz info value of '" + k + "' must not be null or contain"
                            + " a double quote or a line break: " + v);
                }
                sb.append(' ').append(k).append('=').append(ExtXyzComment.quote(v));
            }
        }
        sb.append(" pbc=\"").append(flag(cell.periodic(0))).append(' ').append(flag(cell.periodic(1)))
                .append(' ').append(flag(cell.periodic(2))).append("\"\n");
        double[] p = s.positions();
        double[] f = frame.forces();
        double[] ae = frame.atomicEnergies();
        for (int i = 0; i < n; i++) {
            String sp = s.species(i);
            if (sp.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("species label '" + sp + "' of atom " + i + " contains blanks");
            }
            sb.append(sp).append(' ').append(p[3 * i]).append(' ').append(p[3 * i + 1]).append(' ').append(p[3 * i + 2]);
            if (f != null) {
                sb.append(' ').append(f[3 * i]).append(' ').append(f[3 * i + 1]).append(' ').append(f[3 * i + 2]);
            }
            if (ae != null) {
                sb.append(' ').append(ae[i]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static char flag(boolean b) {
        return b ? 'T' : 'F';
    }

    private static void join(StringBuilder sb, double[] v) {
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? " " : "").append(v[i]);
        }
    }
}
