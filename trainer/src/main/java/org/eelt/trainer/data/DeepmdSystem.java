package org.eelt.trainer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.io.DeepmdNpy;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.FormatException;
import org.eelt.trainer.loss.TrainFrame;
import org.eelt.trainer.model.DpSpec;
import org.eelt.trainer.model.Environment;

/**
 * A deepmd/npy system loaded into memory (read with {@link DeepmdNpy}): {@code type.raw}, optional {@code type_map.raw},
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
        List<Frame> frames = DeepmdNpy.read(dir);
        if (frames.isEmpty()) {
            throw new FormatException(d, "", "the system has no frames", "put coord.npy, box.npy, energy.npy, force.npy in set.000");
        }
        String[] raw = frames.get(0).structure().species();
        boolean named = Files.isRegularFile(dir.resolve("type_map.raw"));
        String[] species = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            species[i] = named ? raw[i] : unnamed(raw[i], typeMap, d, i);
            if (!typeMap.contains(species[i])) {
                throw new FormatException(d, "type_map.raw", "type '" + species[i] + "' (atom " + i
                        + ") is not in the model's type_map " + typeMap, "add it to model.type_map");
            }
        }
        boolean pbc = frames.get(0).structure().cell().isPeriodic();
        List<double[]> coord = new ArrayList<>(), box = new ArrayList<>(), force = new ArrayList<>(), virial = new ArrayList<>();
        List<Double> energy = new ArrayList<>();
        boolean hasForce = true, hasVirial = true;
        for (int k = 0; k < frames.size(); k++) {
            Frame f = frames.get(k);
            if (!f.hasEnergy()) {
                throw new FormatException(d, "frame " + k, "no energy label (energy.npy missing)",
                        "training needs energy.npy in every set");
            }
            coord.add(f.structure().positions());
            box.add(pbc ? f.structure().cell().matrix() : null);
            energy.add(f.energy());
            force.add(f.forces());
            virial.add(f.virial());
            hasForce &= f.hasForces();
            hasVirial &= f.hasVirial();
        }
        return new DeepmdSystem(dir, species, pbc, coord, box, energy, hasForce ? force : null, hasVirial ? virial : null);
    }

    /**
     * An in-memory system from labeled frames (e.g. a dataset snapshot of the store). All frames
     * must have the same species sequence and an energy label; forces and virials are used when
     * every frame has them.
     *
     * @param name    a name for messages (stands in for the directory)
     * @param frames  the frames (same atoms in the same order)
     * @param typeMap the model's type names
     * @throws IllegalArgumentException naming the first offending frame
     */
    public static DeepmdSystem fromFrames(String name, List<Frame> frames, List<String> typeMap) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException(name + ": no frames");
        }
        String[] species = frames.get(0).structure().species();
        boolean pbc = frames.get(0).structure().cell().isPeriodic();
        List<double[]> coord = new ArrayList<>(), box = new ArrayList<>(), force = new ArrayList<>(), virial = new ArrayList<>();
        List<Double> energy = new ArrayList<>();
        boolean hasForce = true, hasVirial = true;
        for (int k = 0; k < frames.size(); k++) {
            Frame f = frames.get(k);
            if (!java.util.Arrays.equals(species, f.structure().species())) {
                throw new IllegalArgumentException(name + ", frame " + k + ": species differ from frame 0; put frames "
                        + "with another composition or atom order in their own system");
            }
            if (!f.hasEnergy()) {
                throw new IllegalArgumentException(name + ", frame " + k + ": no energy label; label the frame first");
            }
            if (f.structure().cell().isPeriodic() != pbc) {
                throw new IllegalArgumentException(name + ", frame " + k + ": periodicity differs from frame 0");
            }
            coord.add(f.structure().positions());
            box.add(pbc ? f.structure().cell().matrix() : null);
            energy.add(f.energy());
            force.add(f.forces());
            virial.add(f.virial());
            hasForce &= f.hasForces();
            hasVirial &= f.hasVirial();
        }
        for (int i = 0; i < species.length; i++) {
            if (!typeMap.contains(species[i])) {
                throw new IllegalArgumentException(name + ": species '" + species[i] + "' (atom " + i
                        + ") is not in the model's type_map " + typeMap + "; add it to model.type_map");
            }
        }
        return new DeepmdSystem(Path.of(name), species.clone(), pbc, coord, box, energy, hasForce ? force : null,
                hasVirial ? virial : null);
    }

    /** Without type_map.raw the reader names types Type_i; like DeePMD-kit, i indexes the model's type_map. */
    private static String unnamed(String name, List<String> typeMap, String dir, int atom) {
        if (name.startsWith("Type_")) {
            int t = Integer.parseInt(name.substring(5));
            if (t >= typeMap.size()) {
                throw new FormatException(dir, "type.raw", "atom " + atom + " has type " + t + " but model.type_map has "
                        + typeMap.size() + " types", "add the type to model.type_map or write type_map.raw");
            }
            return typeMap.get(t);
        }
        return name;
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
