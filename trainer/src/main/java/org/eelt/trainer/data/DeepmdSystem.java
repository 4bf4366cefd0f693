package org.eelt.trainer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.FormatException;
import org.eelt.trainer.loss.TrainFrame;
import org.eelt.trainer.model.DpSpec;
import org.eelt.trainer.model.Environment;

/**
 * A deepmd/npy system loaded into memory: {@code type.raw}, optional {@code type_map.raw},
 * {@code set.*}/{coord, box, energy, force, virial}.npy and an optional empty {@code nopbc}
 * file. Coordinates Å (nf × 3N), box rows = cell vectors (nf × 9, Å), energy eV, force eV/Å,
 * virial eV (nf × 9). Types are re-mapped to the model's type_map by name. Immutable.
 */
public final class DeepmdSystem {
    private final Path dir;
    private final String[] species;
    private final boolean pbc;
    private final double[][] coord;
    private final double[][] box;
    private final double[] energy;
    private final double[][] force;
    private final double[][] virial;

    private DeepmdSystem(Path dir, String[] species, boolean pbc, List<double[]> coord, List<double[]> box,
                         List<Double> energy, List<double[]> force, List<double[]> virial) {
        this.dir = dir;
        this.species = species;
        this.pbc = pbc;
        this.coord = coord.toArray(new double[0][]);
        this.box = box.toArray(new double[0][]);
        this.energy = energy.stream().mapToDouble(Double::doubleValue).toArray();
        this.force = force == null ? null : force.toArray(new double[0][]);
        this.virial = virial == null ? null : virial.toArray(new double[0][]);
    }

    /**
     * Loads a system directory.
     *
     * @param dir     the system directory
     * @param typeMap the model's type names (used when the system has no type_map.raw, and for re-mapping)
     * @return the loaded system
     * @throws IOException     when files cannot be read
     * @throws FormatException naming the file and problem when the content is inconsistent
     */
    public static DeepmdSystem load(Path dir, List<String> typeMap) throws IOException {
        String d = dir.toString();
        Path typeRaw = dir.resolve("type.raw");
        if (!Files.isRegularFile(typeRaw)) {
            throw new FormatException(d, "type.raw", "missing", "a deepmd/npy system needs type.raw (one type id per atom)");
        }
        String[] tok = Files.readString(typeRaw).trim().split("\\s+");
        List<String> sysMap = typeMap;
        Path mapRaw = dir.resolve("type_map.raw");
        if (Files.isRegularFile(mapRaw)) {
            sysMap = List.of(Files.readString(mapRaw).trim().split("\\s+"));
        }
        String[] species = new String[tok.length];
        for (int i = 0; i < tok.length; i++) {
            int t;
            try {
                t = Integer.parseInt(tok[i]);
            } catch (NumberFormatException e) {
                throw new FormatException(d, "type.raw entry " + (i + 1), "'" + tok[i] + "' is not an integer", "use type ids 0..ntypes-1");
            }
            if (t < 0 || t >= sysMap.size()) {
                throw new FormatException(d, "type.raw entry " + (i + 1), "type " + t + " outside the type map " + sysMap,
                        "add the type to type_map.raw / model.type_map");
            }
            species[i] = sysMap.get(t);
            if (!typeMap.contains(species[i])) {
                throw new FormatException(d, "type_map.raw", "type '" + species[i] + "' is not in the model's type_map "
                        + typeMap, "add it to model.type_map");
            }
        }
        int n = species.length;
        boolean pbc = !Files.exists(dir.resolve("nopbc"));
        List<Path> sets;
        try (Stream<Path> s = Files.list(dir)) {
            sets = s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("set.")).sorted().toList();
        }
        if (sets.isEmpty()) {
            throw new FormatException(d, "", "no set.* directories", "put coord.npy, box.npy, energy.npy, force.npy in set.000");
        }
        List<double[]> coord = new ArrayList<>(), box = new ArrayList<>(), force = new ArrayList<>(), virial = new ArrayList<>();
        List<Double> energy = new ArrayList<>();
        boolean hasForce = true, hasVirial = true;
        for (Path set : sets) {
            double[][] c = rows(set, "coord.npy", 3 * n, true);
            int nf = c.length;
            double[][] b = pbc ? rows(set, "box.npy", 9, true) : null;
            double[][] e = rows(set, "energy.npy", 1, true);
            double[][] f = rows(set, "force.npy", 3 * n, false);
            double[][] v = rows(set, "virial.npy", 9, false);
            for (double[][] a : new double[][][] {b, e, f, v}) {
                if (a != null && a.length != nf) {
                    throw new FormatException(d, set.getFileName().toString(), "arrays disagree on the frame count ("
                            + a.length + " vs " + nf + " in coord.npy)", "write all arrays of a set with the same frames");
                }
            }
            hasForce &= f != null;
            hasVirial &= v != null;
            for (int k = 0; k < nf; k++) {
                coord.add(c[k]);
                box.add(b != null ? b[k] : null);
                energy.add(e[k][0]);
                force.add(f != null ? f[k] : null);
                virial.add(v != null ? v[k] : null);
            }
        }
        return new DeepmdSystem(dir, species, pbc, coord, box, energy, hasForce ? force : null, hasVirial ? virial : null);
    }

    private static double[][] rows(Path set, String name, int width, boolean required) throws IOException {
        Path p = set.resolve(name);
        if (!Files.isRegularFile(p)) {
            if (required) {
                throw new FormatException(set.toString(), name, "missing", "deepmd/npy sets need coord, box (unless nopbc) and energy");
            }
            return null;
        }
        Npy a = Npy.read(p);
        if (a.data().length % width != 0) {
            throw new FormatException(p.toString(), "shape " + java.util.Arrays.toString(a.shape()), "expected rows of "
                    + width + " values", "check the atom count in type.raw against the array");
        }
        double[][] out = new double[a.data().length / width][];
        for (int k = 0; k < out.length; k++) {
            out[k] = java.util.Arrays.copyOfRange(a.data(), k * width, (k + 1) * width);
        }
        return out;
    }

    /** @return the system directory. */
    public Path dir() {
        return dir;
    }

    /** @return the number of frames. */
    public int frames() {
        return energy.length;
    }

    /** @return the number of atoms. */
    public int natoms() {
        return species.length;
    }

    /** @return whether virial labels exist. */
    public boolean hasVirial() {
        return virial != null;
    }

    /** @return the species per atom (copy). */
    public String[] species() {
        return species.clone();
    }

    /** @return the structure of frame k. */
    public Structure structure(int k) {
        Cell cell = pbc ? Cell.periodic(box[k]) : Cell.nonPeriodic();
        return new Structure(species, coord[k], cell);
    }

    /** @return label energy of frame k (eV). */
    public double energy(int k) {
        return energy[k];
    }

    /** @return label forces of frame k (3N, eV/Å) or null. */
    public double[] force(int k) {
        return force == null ? null : force[k].clone();
    }

    /** @return label virial of frame k (9, eV) or null. */
    public double[] virial(int k) {
        return virial == null ? null : virial[k].clone();
    }

    /** @return the number of atoms of each type of {@code typeMap}. */
    public int[] typeCounts(List<String> typeMap) {
        int[] c = new int[typeMap.size()];
        for (String s : species) {
            c[typeMap.indexOf(s)]++;
        }
        return c;
    }

    /** @return frame k prepared for training with the model's environment (neighbor slots). */
    public TrainFrame trainFrame(int k, DpSpec spec) {
        Structure s = structure(k);
        Environment env = Environment.build(spec, s, s.types(spec.typeMap()));
        return new TrainFrame(env, energy[k], force(k), virial(k));
    }
}
