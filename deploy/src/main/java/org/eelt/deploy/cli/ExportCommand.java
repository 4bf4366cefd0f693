package org.eelt.deploy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.eelt.protocol.io.FormatOptions;
import org.eelt.store.EeltStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eelt export RUN_DIR --format extxyz|deepmd OUT}: writes every labeled frame of a run once. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the labeled dataset of a campaign run (RUN_DIR/store) once per label:",
                "extxyz (one file) or deepmd/npy (a directory, one system per composition). Units: Å, eV, eV/Å."})
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "run directory of `eelt run`")
    Path runDir;

    @Parameters(index = "1", paramLabel = "OUT", description = "output file (extxyz) or directory (deepmd)")
    Path output;

    @Option(names = "--format", paramLabel = "FMT", required = true, description = "extxyz or deepmd")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("extxyz") && !format.equals("deepmd")) {
            throw new CliFailure("--format must be extxyz or deepmd, got '" + format + "'");
        }
        Path store = runDir.resolve("store");
        if (!Files.isDirectory(store)) {
            throw new CliFailure(runDir + " has no store/ directory: give the run directory of `eelt run --out DIR`");
        }
        try (EeltStore s = EeltStore.open(store)) {
            int n = s.exportTo(output, format, FormatOptions.defaults(), s.snapshot());
            System.out.println("wrote " + n + " labeled frame(s) to " + output);
        }
        return 0;
    }
}
