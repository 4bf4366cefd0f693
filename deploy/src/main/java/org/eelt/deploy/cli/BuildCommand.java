package org.eelt.deploy.cli;

import org.eelt.explorer.build.Alloys;
import org.eelt.explorer.build.Bulk;
import org.eelt.explorer.build.Perturbations;
import org.eelt.explorer.build.Surfaces;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.FormatOptions;
import org.eelt.protocol.io.Formats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code eelt build LATTICE ELEMENT}: initial structures for exploration. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build crystal structures: bulk fcc, bcc, sc, diamond, hcp; slabs fcc100, fcc110, fcc111,",
                "hcp0001 (vacuum along c, periodic in-plane); optional random alloy, rattle and strain.",
                "Lengths in Å. With --count N, N independently perturbed copies are written (seeds seed..seed+N-1)."})
final class BuildCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LATTICE", description = "fcc, bcc, sc, diamond, hcp, fcc100, fcc110, fcc111, hcp0001")
    String lattice;

    @Parameters(index = "1", paramLabel = "ELEMENT", description = "element symbol, e.g. Cu")
    String element;

    @Option(names = "--a", required = true, paramLabel = "Å", description = "lattice constant a")
    double a;

    @Option(names = "--c", paramLabel = "Å", description = "lattice constant c (hcp; default ideal c = a·√(8/3))")
    Double c;

    @Option(names = "--repeat", arity = "3", paramLabel = "N", description = "repeats along a b c (bulk) or nx ny layers (slabs); default 1 1 1")
    int[] repeat = {1, 1, 1};

    @Option(names = "--vacuum", defaultValue = "10", paramLabel = "Å", description = "vacuum thickness of slabs (default: ${DEFAULT-VALUE})")
    double vacuum;

    @Option(names = "--alloy", paramLabel = "COMP", description = "random substitution, e.g. Al=0.5,Cu=0.5 (fractions of sites)")
    String alloy;

    @Option(names = "--rattle", defaultValue = "0", paramLabel = "Å", description = "Gaussian displacement σ per component")
    double rattle;

    @Option(names = "--strain", defaultValue = "0", paramLabel = "ε", description = "random symmetric strain, components in [-ε, ε]")
    double strain;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--count", defaultValue = "1", paramLabel = "N", description = "number of structures (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output (extxyz, LAMMPS data, deepmd by name or --format)")
    Path out;

    @Option(names = "--format", paramLabel = "FMT", description = "output format")
    String format;

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + count);
        }
        Structure base = lattice();
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Structure s = base;
            long sd = seed + k;
            if (alloy != null) {
                s = Alloys.randomSubstitution(s, composition(alloy), sd);
            }
            if (strain > 0) {
                s = Perturbations.strain(s, strain, sd);
            }
            if (rattle > 0) {
                s = Perturbations.rattle(s, rattle, sd);
            }
            frames.add(Frame.of(s));
        }
        Formats.write(out, frames, format, FormatOptions.defaults());
        System.out.println("wrote " + count + " structure(s) of " + base.size() + " atoms to " + out);
        return 0;
    }

    private Structure lattice() {
        double cc = c != null ? c : a * Math.sqrt(8.0 / 3.0);
        return switch (lattice) {
            case "fcc" -> Bulk.supercell(Bulk.fcc(element, a, 1), repeat[0], repeat[1], repeat[2]);
            case "bcc" -> Bulk.supercell(Bulk.bcc(element, a, 1), repeat[0], repeat[1], repeat[2]);
            case "sc" -> Bulk.supercell(Bulk.sc(element, a, 1), repeat[0], repeat[1], repeat[2]);
            case "diamond" -> Bulk.supercell(Bulk.diamond(element, a, 1), repeat[0], repeat[1], repeat[2]);
            case "hcp" -> Bulk.hcp(element, a, cc, repeat[0], repeat[1], repeat[2]);
            case "fcc100" -> Surfaces.fcc100(element, a, repeat[2], repeat[0], repeat[1], vacuum);
            case "fcc110" -> Surfaces.fcc110(element, a, repeat[2], repeat[0], repeat[1], vacuum);
            case "fcc111" -> Surfaces.fcc111(element, a, repeat[2], repeat[0], repeat[1], vacuum);
            case "hcp0001" -> Surfaces.hcp0001(element, a, cc, repeat[2], repeat[0], repeat[1], vacuum);
            default -> throw new IllegalArgumentException("unknown lattice '" + lattice
                    + "': use fcc, bcc, sc, diamond, hcp, fcc100, fcc110, fcc111 or hcp0001");
        };
    }

    static Map<String, Double> composition(String text) {
        Map<String, Double> comp = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("--alloy wants ELEMENT=FRACTION pairs separated by commas, e.g. Al=0.5,Cu=0.5; got '"
                        + text + "'");
            }
            try {
                comp.put(kv[0].strip(), Double.parseDouble(kv[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--alloy: '" + kv[1] + "' is not a number (in '" + text + "')");
            }
        }
        return comp;
    }
}
