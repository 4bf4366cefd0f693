package org.eelt.deploy.cli;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.io.DeepmdNpy;
import org.eelt.protocol.io.FileFormat;
import org.eelt.protocol.io.FormatInfo;
import org.eelt.protocol.io.FormatOptions;
import org.eelt.protocol.io.Formats;
import org.eelt.protocol.io.Npy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

/** {@code eelt info FILE}: frames, atoms, species, cell and the labels present. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Summarise a structure file or deepmd/npy system: frames, atoms, species, cell (Å), "
                + "periodicity and which labels (energy, forces, virial, per-atom energies) are present.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "extxyz/xyz file, deepmd/npy directory or LAMMPS data file")
    Path file;

    @Option(names = "--from", paramLabel = "FMT", description = "format: extxyz, xyz, deepmd, lammps-data")
    String from;

    @Override
    public Integer call() throws Exception {
        FormatInfo i = Formats.info(file, from, FormatOptions.defaults());
        System.out.println("file: " + file);
        System.out.println("format: " + i.format().id());
        System.out.println("frames: " + i.frames());
        if (i.format() == FileFormat.DEEPMD) {
            printSets(file);
        }
        System.out.println("atoms: " + (i.minAtoms() == i.maxAtoms() ? String.valueOf(i.minAtoms())
                : i.minAtoms() + ".." + i.maxAtoms()));
        StringJoiner species = new StringJoiner(", ");
        for (Map.Entry<String, Integer> e : i.speciesCounts().entrySet()) {
            species.add(e.getKey() + " " + e.getValue());
        }
        System.out.println("species: " + species + (i.uniformComposition() ? "" : " (first frame; composition varies)"));
        Cell c = i.firstCell();
        System.out.println("pbc: " + flag(c, 0) + " " + flag(c, 1) + " " + flag(c, 2)
                + " (" + i.periodicFrames() + "/" + i.frames() + " frames periodic)");
        if (c.isPeriodic()) {
            System.out.printf("cell (Å, rows a b c): [%s] [%s] [%s]%n", row(c, 0), row(c, 1), row(c, 2));
            if (c.isFullyPeriodic()) {
                System.out.printf("volume: %.6g Å^3%n", c.volume());
            }
        }
        System.out.println("labels: energy " + i.energyFrames() + "/" + i.frames()
                + ", forces " + i.forceFrames() + "/" + i.frames()
                + ", virial " + i.virialFrames() + "/" + i.frames()
                + ", atomic_energy " + i.atomicEnergyFrames() + "/" + i.frames());
        return 0;
    }

    /** Lists the systems and sets of a deepmd/npy directory with their frame counts (from energy.npy or coord.npy). */
    private static void printSets(Path dir) throws IOException {
        List<Path> systems = Files.isRegularFile(dir.resolve("type.raw")) ? List.of(dir) : DeepmdNpy.findSystems(dir);
        for (Path system : systems) {
            StringJoiner sets = new StringJoiner(", ");
            for (Path set : DeepmdNpy.sets(system)) {
                Path counted = Files.exists(set.resolve("energy.npy")) ? set.resolve("energy.npy") : set.resolve("coord.npy");
                sets.add(set.getFileName() + " frames: " + Npy.read(counted).dim(0));
            }
            System.out.println((systems.size() > 1 ? "  " + dir.relativize(system) + " " : "") + "sets: " + sets);
        }
    }

    private static String flag(Cell c, int k) {
        return c.periodic(k) ? "T" : "F";
    }

    private static String row(Cell c, int r) {
        return String.format("%.6g %.6g %.6g", c.get(r, 0), c.get(r, 1), c.get(r, 2));
    }
}
