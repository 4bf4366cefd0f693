package org.eelt.protocol.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;

/** Reads one deepmd/npy system directory. Package-private: use {@link DeepmdNpy}. */
final class DeepmdSystemReader {
    /** Largest number of atom types a system may use (type ids 0 .. MAX_TYPES-1). */
    static final int MAX_TYPES = 4096;

    private DeepmdSystemReader() {
    }

    static int[] types(Path dir) throws IOException {
        Path file = dir.resolve("type.raw");
        if (!Files.isRegularFile(file)) {
            throw new FormatException(dir.toString(), "type.raw", "missing type.raw",
                    "a deepmd/npy system needs type.raw with one integer type id per atom");
        }
        List<String[]> tokens = DeepmdNpy.rawLines(file);
        if (tokens.isEmpty()) {
            throw new FormatException(file.toString(), "", "type.raw is empty", "write one integer type id per atom");
        }
        int[] t = new int[tokens.size()];
        for (int i = 0; i < t.length; i++) {
            String[] tok = tokens.get(i);
            try {
                t[i] = Integer.parseInt(tok[0]);
            } catch (NumberFormatException e) {
                t[i] = -1;
            }
            if (t[i] < 0) {
                throw new FormatException(file.toString(), "line " + tok[1], "type id '" + tok[0] + "' of atom " + i
                        + " is not a non-negative integer", "write one integer type id (0, 1, ...) per atom");
            }
            if (t[i] >= MAX_TYPES) {
                // found by fuzzing: a huge id made the reader build a default type map of that many names
                throw new FormatException(file.toString(), "line " + tok[1], "type id " + t[i] + " of atom " + i
                        + " is not below " + MAX_TYPES, "type ids index type_map.raw: number the types 0, 1, ...");
            }
        }
        return t;
    }

    static List<String> typeMap(Path dir, int[] types) throws IOException {
        int maxType = 0;
        for (int t : types) {
            maxType = Math.max(maxType, t);
        }
        Path file = dir.resolve("type_map.raw");
        List<String> names = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (String[] tok : DeepmdNpy.rawLines(file)) {
                names.add(tok[0]);
            }
            if (names.size() <= maxType) {
                throw new FormatException(file.toString(), "", "type_map.raw names " + names.size()
                        + " types but type.raw uses type id " + maxType, "add a name for every type id used in type.raw");
            }
        } else {
            for (int i = 0; i <= maxType; i++) {
                names.add("Type_" + i);
            }
        }
        return List.copyOf(names);
    }

    static List<Frame> read(Path dir) throws IOException {
        int[] types = types(dir);
        List<String> names = typeMap(dir, types);
        int n = types.length;
        String[] species = new String[n];
        for (int i = 0; i < n; i++) {
            species[i] = names.get(types[i]);
        }
        boolean nopbc = Files.exists(dir.resolve("nopbc"));
        List<Path> sets = sets(dir);
        if (sets.isEmpty()) {
            throw new FormatException(dir.toString(), "", "no set.* directory", "put the arrays in set.000/coord.npy, ...");
        }
        List<Frame> out = new ArrayList<>();
        for (Path set : sets) {
            readSet(dir, set, species, nopbc, out);
        }
        return out;
    }

    /** @return the {@code set.*} directories of a system, in name order (empty when there are none). */
    static List<Path> sets(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("set."))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
    }

    private static void readSet(Path dir, Path set, String[] species, boolean nopbc, List<Frame> out) throws IOException {
        int n = species.length;
        Path coordFile = set.resolve("coord.npy");
        if (!Files.isRegularFile(coordFile)) {
            throw new FormatException(set.toString(), "coord.npy", "missing coord.npy", "every set.* directory needs coord.npy (nframes, 3*natoms) in Å");
        }
        NpyArray coord = Npy.read(coordFile);
        if (coord.size() == 0) {
            throw new FormatException(coordFile.toString(), "array shape", "coord.npy holds no frames (shape "
                    + coord.shapeString() + ")", "remove the empty set directory or write its frames");
        }
        if (coord.size() % (3 * n) != 0) {
            throw new FormatException(coordFile.toString(), "array shape", "coord has " + coord.size() + " values (shape "
                    + coord.shapeString() + "), not a multiple of 3N = " + 3 * n + " where N = " + n + " atoms from "
                    + dir.resolve("type.raw"), "make coord.npy (nframes, 3*natoms) consistent with type.raw");
        }
        if (coord.ndim() == 2 && coord.dim(1) != 3 * n) {
            throw new FormatException(coordFile.toString(), "array shape", "coord.npy has shape " + coord.shapeString()
                    + ", i.e. " + coord.dim(1) + " values per frame, but " + dir.resolve("type.raw") + " lists " + n
                    + " atoms (3N = " + 3 * n + ")", "make type.raw hold one type per atom of coord.npy's frames");
        }
        int nf = coord.size() / (3 * n);
        double[] box = optional(set, "box.npy", nf, 9, "(nframes, 9)");
        if (box == null && !nopbc) {
            throw new FormatException(set.toString(), "box.npy", "missing box.npy in a periodic system",
                    "add box.npy (nframes, 9) with the cell vectors as rows, or an empty file 'nopbc' in " + dir);
        }
        double[] energy = optional(set, "energy.npy", nf, 1, "(nframes,)");
        double[] force = optional(set, "force.npy", nf, 3 * n, "(nframes, 3*natoms)");
        double[] virial = optional(set, "virial.npy", nf, 9, "(nframes, 9)");
        double[] atomEner = optional(set, "atom_ener.npy", nf, n, "(nframes, natoms)");
        double[] c = coord.data();
        for (int f = 0; f < nf; f++) {
            String where = set.getFileName() + " frame " + f;
            Cell cell = cell(dir, where, box == null ? null : slice(box, f, 9), nopbc);
            Structure s;
            try {
                s = new Structure(species, slice(c, f, 3 * n), cell);
            } catch (IllegalArgumentException e) {
                throw new FormatException(coordFile.toString(), "frame " + f, e.getMessage(), "fix the coordinates");
            }
            out.add(new Frame(s, energy == null ? null : energy[f], slice(force, f, 3 * n), slice(virial, f, 9),
                    slice(atomEner, f, n)));
        }
    }

    private static Cell cell(Path dir, String where, double[] h, boolean nopbc) {
        if (nopbc) {
            if (h == null) {
                return Cell.nonPeriodic();
            }
            Cell c = new Cell(h, new boolean[] {false, false, false});
            return Math.abs(c.signedVolume()) < 1e-12 ? Cell.nonPeriodic() : c;
        }
        try {
            return Cell.periodic(h);
        } catch (IllegalArgumentException e) {
            throw new FormatException(dir.resolve("box.npy").toString(), where, e.getMessage(),
                    "give three independent cell vectors, or add an empty 'nopbc' file for a non-periodic system");
        }
    }

    private static double[] optional(Path set, String name, int nf, int perFrame, String expected) throws IOException {
        Path file = set.resolve(name);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        NpyArray a = Npy.read(file);
        if (a.size() != (long) nf * perFrame) {
            throw new FormatException(file.toString(), "array shape", name + " has shape " + a.shapeString() + " ("
                    + a.size() + " values) but coord.npy in the same set has " + nf + " frames",
                    "write " + name + " with shape " + expected.replace("nframes", String.valueOf(nf)));
        }
        return a.data();
    }

    private static double[] slice(double[] a, int frame, int width) {
        if (a == null) {
            return null;
        }
        double[] out = new double[width];
        System.arraycopy(a, frame * width, out, 0, width);
        return out;
    }
}
