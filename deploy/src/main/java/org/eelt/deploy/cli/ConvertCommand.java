package org.eelt.deploy.cli;

import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.io.FormatOptions;
import org.eelt.protocol.io.Formats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code eelt convert IN OUT}: converts between extxyz/xyz, deepmd/npy and LAMMPS data files. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert structures between extxyz/xyz, deepmd/npy and LAMMPS data (atomic style).",
                "Formats are detected from the paths (a directory is deepmd/npy; .extxyz/.xyz; .data/.lmp/data.*)",
                "or named with --from/--format. The output is written to a temporary file and moved into place,",
                "so a failed conversion never leaves a partial output. Units: Å, eV, eV/Å."})
final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "input file or deepmd/npy system directory "
            + "(a directory of systems is read system by system)")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "output file or deepmd/npy directory")
    Path output;

    @Option(names = "--format", paramLabel = "FMT", description = "output format: extxyz, deepmd, lammps-data")
    String format;

    @Option(names = "--from", paramLabel = "FMT", description = "input format: extxyz, xyz, deepmd, lammps-data")
    String from;

    @Option(names = "--type-map", split = ",", paramLabel = "NAMES",
            description = "species in type order, e.g. O,H (deepmd type ids; LAMMPS types 1..T)")
    List<String> typeMap;

    @Option(names = "--set-size", paramLabel = "N", defaultValue = "5000",
            description = "frames per deepmd set.NNN directory (default: ${DEFAULT-VALUE})")
    int setSize;

    @Option(names = "--lammps-pbc", paramLabel = "FLAGS", defaultValue = "ppp",
            description = "periodicity of a LAMMPS data input, one letter per axis: p periodic, f fixed (default: ppp)")
    String lammpsPbc;

    @Override
    public Integer call() throws Exception {
        FormatOptions options = FormatOptions.defaults().withSetSize(setSize).withTypeMap(typeMap)
                .withLammpsPbc(CliArgs.pbcFlags("--lammps-pbc", lammpsPbc));
        List<Frame> frames = Formats.read(input, from, options);
        Formats.write(output, frames, format, options);
        System.out.println("wrote " + frames.size() + " frame(s) to " + output);
        return 0;
    }
}
