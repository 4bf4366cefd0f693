package org.eelt.protocol.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;

/** Writes one deepmd/npy system directory. Package-private: use {@link DeepmdNpy}. */
final class DeepmdSystemWriter {
    private DeepmdSystemWriter() {
    }

    static void write(Path dir, List<Frame> frames, List<String> typeMap, int setSize) throws IOException {
        if (frames == null || frames.isEmpty()) {
            throw new IllegalArgumentException("no frames to write to " + dir);
        }
        if (setSize < 1) {
            throw new IllegalArgumentException("set size must be at least 1, got " + setSize);
        }
        Structure first = frames.get(0).structure();
        String[] species = first.species();
        List<String> map = typeMap != null ? List.copyOf(typeMap) : first.distinctSpecies();
        int[] types = first.types(map);
        boolean periodic = first.cell().isPeriodic();
        for (int f = 0; f < frames.size(); f++) {
            Structure s = frames.get(f).structure();
            if (!Arrays.equals(species, s.species())) {
                throw new IllegalArgumentException("frame " + f + " has the species sequence " + summary(s.species())
                        + " but frame 0 has " + summary(species) + ": a deepmd/npy system holds one atom order;"
                        + " split the frames by composition into separate systems");
            }
            Cell c = s.cell();
            if (c.isPeriodic() && !c.isFullyPeriodic()) {
                throw new IllegalArgumentException("frame " + f + " is periodic along some axes only (" + c
                        + "): deepmd/npy is either fully periodic or non-periodic (nopbc); add vacuum and make the"
                        + " cell fully periodic, or make it non-periodic");
            }
            if (c.isPeriodic() != periodic) {
                throw new IllegalArgumentException("frame " + f + (periodic ? " is non-periodic" : " is periodic")
                        + " unlike frame 0: split periodic and non-periodic frames into separate systems");
            }
        }
        boolean energy = consistent(frames, Frame::hasEnergy, "energy");
        boolean force = consistent(frames, Frame::hasForces, "forces");
        boolean virial = consistent(frames, Frame::hasVirial, "virial");
        boolean atomEner = consistent(frames, Frame::hasAtomicEnergies, "atomic energies");
        boolean box = periodic || frames.stream().anyMatch(f -> !f.structure().cell().equals(Cell.nonPeriodic()));

        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(dir)) {
            if (s.findAny().isPresent()) {
                throw new FileAlreadyExistsException(dir.toString(), null,
                        "directory is not empty: write a deepmd/npy system into a new or empty directory");
            }
        }
        StringBuilder t = new StringBuilder();
        for (int v : types) {
            t.append(v).append('\n');
        }
        Files.writeString(dir.resolve("type.raw"), t, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("type_map.raw"), String.join("\n", map) + "\n", StandardCharsets.UTF_8);
        if (!periodic) {
            Files.createFile(dir.resolve("nopbc"));
        }
        int n = species.length;
        for (int start = 0, set = 0; start < frames.size(); start += setSize, set++) {
            List<Frame> chunk = frames.subList(start, Math.min(frames.size(), start + setSize));
            Path sd = Files.createDirectory(dir.resolve(String.format(Locale.ROOT, "set.%03d", set)));
            int nf = chunk.size();
            array(sd, "coord.npy", chunk, 3 * n, f -> f.structure().positions());
            if (box) {
                array(sd, "box.npy", chunk, 9, f -> f.structure().cell().matrix());
            }
            if (energy) {
                Npy.write(sd.resolve("energy.npy"), new int[] {nf},
                        chunk.stream().mapToDouble(f -> f.energy().doubleValue()).toArray());
            }
            if (force) {
                array(sd, "force.npy", chunk, 3 * n, Frame::forces);
            }
            if (virial) {
                array(sd, "virial.npy", chunk, 9, Frame::virial);
            }
            if (atomEner) {
                array(sd, "atom_ener.npy", chunk, n, Frame::atomicEnergies);
            }
        }
    }

    private static void array(Path set, String name, List<Frame> chunk, int width, Function<Frame, double[]> get)
            throws IOException {
        double[] data = new double[chunk.size() * width];
        for (int f = 0; f < chunk.size(); f++) {
            System.arraycopy(get.apply(chunk.get(f)), 0, data, f * width, width);
        }
        Npy.write(set.resolve(name), new int[] {chunk.size(), width}, data);
    }

    private static boolean consistent(List<Frame> frames, Predicate<Frame> has, String what) {
        boolean first = has.test(frames.get(0));
        for (int f = 1; f < frames.size(); f++) {
            if (has.test(frames.get(f)) != first) {
                throw new IllegalArgumentException("frame " + f + (first ? " lacks " : " has ") + what + " unlike frame 0:"
                        + " deepmd/npy stores a label for all frames of a system or none; split the frames by the labels they carry");
            }
        }
        return first;
    }

    private static String summary(String[] species) {
        if (species.length <= 8) {
            return Arrays.toString(species);
        }
        return species.length + " atoms " + Arrays.toString(Arrays.copyOf(species, 8)).replace("]", ", ...]");
    }
}
