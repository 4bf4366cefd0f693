package org.eelt.deploy.cli;

import org.eelt.potential.ForceResult;
import org.eelt.potential.dp.DeepPotEvaluator;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.io.FormatOptions;
import org.eelt.protocol.io.Formats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code eelt dp ...}: Deep Potential (DeepPot-SE se_e2_a) evaluation, training and testing. */
@Command(name = "dp", mixinStandardHelpOptions = true,
        description = {"Deep Potential (DeepPot-SE, se_e2_a) models: DeePMD-kit dpmodel YAML (.yaml, as written by",
                "'dp convert-backend') and EELT model files are both accepted wherever a model is read."},
        subcommands = {DpCommand.Eval.class, DpTrainCommand.class, DpTestCommand.class, DpChangeBiasCommand.class})
final class DpCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = {"Evaluate a model on every frame: energy (eV), forces (eV/Å), virial (eV, 9 values row-major in",
                    "the comment line) and per-atom energies (property atomic_energy). Frames without a Lattice",
                    "(or with pbc=\"F F F\") are non-periodic."})
    static final class Eval implements Callable<Integer> {
        @Option(names = "--model", required = true, paramLabel = "M", description = "model file")
        Path model;

        @Option(names = "--input", required = true, paramLabel = "IN", description = "structures (extxyz, deepmd, LAMMPS data)")
        Path input;

        @Option(names = "--output", required = true, paramLabel = "OUT", description = "output file (extxyz or deepmd)")
        Path output;

        @Option(names = "--format", paramLabel = "FMT", description = "output format (default: from the name)")
        String format;

        @Override
        public Integer call() throws Exception {
            DeepPotEvaluator dp = PotentialSpecs.loadDeepPot(model);
            List<Frame> in = Formats.read(input);
            List<Frame> out = new ArrayList<>(in.size());
            for (Frame f : in) {
                ForceResult r = dp.compute(f.structure());
                out.add(new Frame(f.structure(), r.energy(), r.forces(), r.virial(), r.atomicEnergies()));
            }
            Formats.write(output, out, format, FormatOptions.defaults());
            System.out.println("evaluated " + out.size() + " frame(s) -> " + output);
            return 0;
        }
    }
}
