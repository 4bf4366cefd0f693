package org.eelt.deploy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.FormatOptions;
import org.eelt.protocol.io.Formats;
import org.eelt.store.EeltStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eelt export RUN_DIR --format extxyz|deepmd|fe-csv|fe-json OUT}: writes every labeled frame
 * (or, for free-energy runs, every mean-force label) of a run once.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the labeled dataset of a campaign run (RUN_DIR/store) once per label:",
                "extxyz (one file) or deepmd/npy (a directory with one system per species sequence,","sys-NNN-Matoms). Units: Å, eV, eV/Å.",
                "Free-energy runs: fe-csv or fe-json, one row per mean-force label (center s0 in CV units,",
                "f = -dA/ds = kappa(<s> - s0) and its standard error in energy per CV unit, samples, unit, oracle)."})
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "run directory of `eelt run`")
    Path runDir;

    @Parameters(index = "1", paramLabel = "OUT", description = "output file (extxyz) or directory (deepmd)")
    Path output;

    @Option(names = "--format", paramLabel = "FMT", required = true, description = "extxyz or deepmd")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("extxyz") && !format.equals("deepmd") && !format.equals("fe-csv") && !format.equals("fe-json")) {
            throw new CliFailure("--format must be extxyz, deepmd, fe-csv or fe-json, got '" + format + "'");
        }
        Path store = runDir.resolve("store");
        if (!Files.isDirectory(store)) {
            throw new CliFailure(runDir + " has no store/ directory: give the run directory of `eelt run --out DIR`");
        }
        try (EeltStore s = EeltStore.open(store)) {
            if (format.startsWith("fe-")) {
                int n = FeLabelExport.write(s, output, format.equals("fe-json"));
                System.out.println("wrote " + n + " mean-force label(s) to " + output);
                return 0;
            }
            if (s.count() == 0 && s.meanForceCount() > 0) {
                throw new CliFailure(runDir + " is a free-energy run with " + s.meanForceCount() + " mean-force labels and"
                        + " no labeled frames: use --format fe-csv or --format fe-json");
            }
            if (format.equals("extxyz")) {
                int n = s.exportTo(output, format, FormatOptions.defaults(), s.snapshot());
                System.out.println("wrote " + n + " labeled frame(s) to " + output);
                return 0;
            }
            Map<String, List<Frame>> systems = new LinkedHashMap<>();
            for (LabeledFrame l : s.export(s.snapshot())) {
                Structure st = l.structure();
                String key = String.join(",", st.species()) + (st.cell().isPeriodic() ? "" : ";nopbc");
                systems.computeIfAbsent(key, k -> new ArrayList<>()).add(l.frame());
            }
            Files.createDirectories(output);
            int i = 0, n = 0;
            for (List<Frame> frames : systems.values()) {
                Path dir = output.resolve(String.format(Locale.ROOT, "sys-%03d-%datoms", i++, frames.get(0).structure().size()));
                Formats.write(dir, frames, "deepmd", FormatOptions.defaults());
                n += frames.size();
            }
            System.out.println("wrote " + n + " labeled frame(s) in " + systems.size() + " deepmd/npy system(s) under " + output);
        }
        return 0;
    }
}
