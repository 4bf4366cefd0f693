package org.eelt.deploy.cli;

import org.eelt.deploy.campaign.LabelExtxyzExport;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eelt export RUN_DIR --format extxyz|deepmd|fe-csv|fe-json OUT}: writes every labeled frame
 * (or, for free-energy runs, every mean-force label) of a run once; {@code eelt export ID --server URL ...}
 * fetches them from a running service.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the labeled dataset of a campaign run (RUN_DIR/store) once per label:",
                "extxyz (one file) or deepmd/npy (a directory with one system per species sequence,","sys-NNN-Matoms). Units: Å, eV, eV/Å.",
                "Free-energy runs: fe-csv or fe-json, one row per mean-force label (center s0 in CV units,",
                "f = -dA/ds = kappa(<s> - s0) and its standard error in energy per CV unit, samples, unit, oracle).",
                "With --server URL the first argument is a campaign ID of that service (GET /api/campaigns/ID/export).",
                ServerOptions.EXIT_CODES})
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR|ID", description = "run directory of `eelt run`, or with --server a campaign id")
    Path runDir;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Parameters(index = "1", paramLabel = "OUT", description = "output file (extxyz) or directory (deepmd)")
    Path output;

    @Option(names = "--format", paramLabel = "FMT", required = true, description = "extxyz or deepmd")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("extxyz") && !format.equals("deepmd") && !format.equals("fe-csv") && !format.equals("fe-json")) {
            throw new CliFailure("--format must be extxyz, deepmd, fe-csv or fe-json, got '" + format + "'");
        }
        if (server.server != null) {
            if (format.startsWith("fe-")) {
                throw new CliFailure("--format " + format + " reads a local run directory; omit --server");
            }
            return RemoteExport.run(server, runDir.toString(), format, output);
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
                int n = LabelExtxyzExport.write(s, output);
                report(n, 1);
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
            report(n, systems.size());
        }
        return 0;
    }

    private void report(int frames, int systems) {
        if (server.json) {
            var o = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            o.put("format", format);
            o.put("out", output.toString());
            o.put("frames", frames);
            o.put("systems", systems);
            System.out.println(o);
        } else if (format.equals("extxyz")) {
            System.out.println("wrote " + frames + " labeled frame(s) to " + output);
        } else {
            System.out.println("wrote " + frames + " labeled frame(s) in " + systems + " deepmd/npy system(s) under "
                    + output);
        }
    }
}
