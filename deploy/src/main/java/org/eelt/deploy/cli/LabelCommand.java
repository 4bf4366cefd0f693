package org.eelt.deploy.cli;

import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.Property;
import org.eelt.labeler.run.LabelFailure;
import org.eelt.labeler.run.LabelReport;
import org.eelt.labeler.run.LabelRunner;
import org.eelt.labeler.run.TextProgressBar;
import org.eelt.labeler.spec.OracleSpec;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.FormatOptions;
import org.eelt.protocol.io.Formats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code eelt label}: computes reference energies, forces and virials with an oracle. */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = {"Label structures with a reference calculator (oracle): energy (eV), forces (eV/Å), virial (eV).",
                "Each worker runs its own calculations; external codes run in their own work directories",
                "with a timeout that kills the whole process tree. Frames that fail are reported and left out;",
                "the exit status is then 1.",
                "",
                "Machine settings come from Java system properties eelt.oracles.* (set them in EELT_JAVA_OPTS):",
                "work-root, timeout-s, keep-failed-work-dirs, keep-work-dirs, potentials-dir,",
                "lammps.binary, xtb.binary, cp2k.binary, cp2k.data-dir.",
                "",
                OracleSpec.GRAMMAR})
final class LabelCommand implements Callable<Integer> {
    @Option(names = "--oracle", required = true, paramLabel = "SPEC", description = "oracle SPEC (grammar below)")
    String spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "structures: extxyz, deepmd/npy, LAMMPS data")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "labeled frames (extxyz or deepmd by name/--format)")
    Path output;

    @Option(names = "--format", paramLabel = "FMT", description = "output format: extxyz (default by name), deepmd")
    String format;

    @Option(names = "--workers", defaultValue = "1", paramLabel = "N", description = "concurrent calculations (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "per-calculation timeout in s (overrides eelt.oracles.timeout-s)")
    Double timeoutS;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "work-directory root (overrides eelt.oracles.work-root)")
    Path workDir;

    @Option(names = "--no-virial", description = "do not request the virial")
    boolean noVirial;

    @Override
    public Integer call() throws Exception {
        OracleSpec oracle = OracleSpec.parse(spec);
        OracleSettings settings = PotentialSpecs.oracleSettings(overrides());
        List<Frame> in = Formats.read(input);
        List<Structure> structures = new ArrayList<>(in.size());
        for (Frame f : in) {
            structures.add(f.structure());
        }
        LabelRunner runner = LabelRunner.of(oracle, settings, workers);
        TextProgressBar bar = new TextProgressBar(System.err, 40);
        LabelReport report = runner.label(structures, noVirial ? EnumSet.noneOf(Property.class) : EnumSet.of(Property.VIRIAL), bar);
        List<Frame> out = new ArrayList<>();
        for (LabeledFrame lf : report.frames()) {
            if (lf != null) {
                out.add(lf.frame());
            }
        }
        for (LabelFailure failure : report.failures()) {
            System.err.println("frame " + failure.index() + ": " + failure.errorType() + ": " + failure.message());
        }
        if (!out.isEmpty()) {
            Formats.write(output, out, format, FormatOptions.defaults());
        }
        System.out.printf("labeled %d/%d frame(s) with %s in %.1f s -> %s%n", out.size(), structures.size(),
                oracle.canonical(), report.elapsed().toMillis() / 1000.0, out.isEmpty() ? "(nothing written)" : output);
        return report.failures().isEmpty() ? 0 : 1;
    }

    /** @return the settings given as options, which replace the {@code eelt.oracles.*} system properties */
    private Map<String, String> overrides() {
        Map<String, String> map = new HashMap<>();
        if (timeoutS != null) {
            map.put(OracleSettings.PREFIX + "timeout-s", String.valueOf(timeoutS));
        }
        if (workDir != null) {
            map.put(OracleSettings.PREFIX + "work-root", workDir.toString());
        }
        return map;
    }
}
