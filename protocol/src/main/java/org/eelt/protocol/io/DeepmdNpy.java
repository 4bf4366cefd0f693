package org.eelt.protocol.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eelt.protocol.atoms.Frame;

/**
 * DeePMD-kit's {@code deepmd/npy} system directory (the layout dpdata writes).
 *
 * <pre>
 * system/
 *   type.raw        one integer type id per atom (N lines)
 *   type_map.raw    one species name per type id (optional: names Type_0, Type_1, ... when absent)
 *   nopbc           empty file: the system is not periodic (box.npy may then be absent)
 *   set.000/        frames 0 .. s-1, then set.001/ ... (read in name order)
 *     coord.npy     (nf, 3N)  positions, Å
 *     box.npy       (nf, 9)   cell vectors as rows, Å
 *     energy.npy    (nf,)     total energy, eV            (optional)
 *     force.npy     (nf, 3N)  forces, eV/Å                (optional)
 *     virial.npy    (nf, 9)   virial, row-major, eV       (optional)
 *     atom_ener.npy (nf, N)   per-atom energies, eV       (optional)
 * </pre>
 * Arrays may be float32 or float64 (float32 values widen exactly); like DeePMD-kit, an array is
 * accepted when its size is a whole multiple of its per-frame size, and that multiple must equal
 * the number of frames of {@code coord.npy}.
 *
 * <p>The writer stores float64 arrays, splits the frames into sets of a chosen size
 * ({@link #DEFAULT_SET_SIZE} like dpdata), and keeps the atom order of the frames: type.raw holds
 * each atom's index in the type map. A system must have one species sequence and one kind of
 * label set for all frames.
 */
public final class DeepmdNpy {
    /** dpdata's default number of frames per {@code set.NNN} directory. */
    public static final int DEFAULT_SET_SIZE = 5000;

    private DeepmdNpy() {
    }

    /**
     * Reads one system directory.
     *
     * @throws FormatException naming the file (and the related file) for missing or inconsistent arrays
     */
    public static List<Frame> read(Path dir) throws IOException {
        return DeepmdSystemReader.read(dir);
    }

    /** @return the species names of the system's type map ({@code Type_i} when type_map.raw is absent). */
    public static List<String> typeMap(Path dir) throws IOException {
        return DeepmdSystemReader.typeMap(dir, DeepmdSystemReader.types(dir));
    }

    /**
     * @param system a deepmd/npy system directory
     * @return its {@code set.*} directories in name order (empty when there are none)
     * @throws IOException when the directory cannot be listed
     */
    public static List<Path> sets(Path system) throws IOException {
        return DeepmdSystemReader.sets(system);
    }

    /**
     * Finds system directories (those holding a {@code type.raw}) at or below {@code dir}, in
     * lexicographic path order, e.g. {@code data_0 .. data_3} of DeePMD-kit's water example.
     */
    public static List<Path> findSystems(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new FormatException(dir.toString(), "", "not a directory", "give a deepmd/npy system or a folder of systems");
        }
        try (Stream<Path> s = Files.walk(dir, 16)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("type.raw")))
                    .sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
        }
    }

    /** Reads every system at or below {@code dir} (see {@link #findSystems}) and concatenates the frames. */
    public static List<Frame> readAll(Path dir) throws IOException {
        List<Path> systems = findSystems(dir);
        if (systems.isEmpty()) {
            throw new FormatException(dir.toString(), "", "no deepmd/npy system (no type.raw) in this folder",
                    "point to a system directory or a folder holding systems");
        }
        List<Frame> out = new ArrayList<>();
        for (Path p : systems) {
            out.addAll(read(p));
        }
        return out;
    }

    /** Writes with the distinct species of the first frame as type map and sets of {@link #DEFAULT_SET_SIZE}. */
    public static void write(Path dir, List<Frame> frames) throws IOException {
        write(dir, frames, null, DEFAULT_SET_SIZE);
    }

    /**
     * Writes a system directory.
     *
     * @param dir     target; created if missing, must be empty if present
     * @param frames  at least one frame, all with the same species sequence, all fully periodic or
     *                all non-periodic, and the same labels present
     * @param typeMap species of type ids 0..T−1, or null for the distinct species of the first frame
     * @param setSize frames per {@code set.NNN} directory (≥ 1)
     * @throws IllegalArgumentException when the frames cannot form one system (the message says why
     *                                  and how to split them)
     * @throws FileAlreadyExistsException when {@code dir} exists and is not empty
     */
    public static void write(Path dir, List<Frame> frames, List<String> typeMap, int setSize) throws IOException {
        DeepmdSystemWriter.write(dir, frames, typeMap, setSize);
    }

    /** @return lines of a text file without blank lines, with the line numbers, for the raw files. */
    static List<String[]> rawLines(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                for (String t : LineSource.fields(line)) {
                    out.add(new String[] {t, String.valueOf(no)});
                }
            }
        }
        return out;
    }
}
