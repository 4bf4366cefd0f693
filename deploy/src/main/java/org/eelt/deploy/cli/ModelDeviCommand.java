package org.eelt.deploy.cli;

import org.eelt.examiner.deviation.ModelDeviation;
import org.eelt.examiner.deviation.ModelDeviations;
import org.eelt.potential.dp.DeepPotEvaluator;
import org.eelt.protocol.io.ExtXyz;
import org.eelt.protocol.io.ExtXyzFrame;
import org.eelt.protocol.io.FileFormat;
import org.eelt.protocol.io.Formats;
import org.eelt.protocol.atoms.Frame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code eelt model-devi}: DeePMD-kit's model deviation of an ensemble on a trajectory. */
@Command(name = "model-devi", mixinStandardHelpOptions = true,
        description = {"Model deviation of an ensemble over a trajectory, as DeePMD-kit's 'dp model-devi' writes it:",
                "step max_devi_v min_devi_v avg_devi_v max_devi_f min_devi_f avg_devi_f devi_e.",
                "Forces: eps_i = sqrt(<|F_i - <F_i>|^2>) (eV/Å), max/min/avg over atoms; virial: std of Xi/N (eV/atom);",
                "energy: std of E/N (eV/atom). Population standard deviations over the K models.",
                "The step is the frame's 'step' entry in an extxyz comment line, else its index."})
final class ModelDeviCommand implements Callable<Integer> {
    @Option(names = "--models", required = true, arity = "2..*", paramLabel = "M", description = "two or more model files")
    List<Path> models;

    @Option(names = "--input", required = true, paramLabel = "TRAJ", description = "trajectory (extxyz, deepmd, LAMMPS data)")
    Path input;

    @Option(names = "--output", paramLabel = "FILE", description = "write model_devi.out here (default: stdout)")
    Path output;

    @Override
    public Integer call() throws Exception {
        List<DeepPotEvaluator> ensemble = new ArrayList<>();
        for (Path m : models) {
            ensemble.add(PotentialSpecs.loadDeepPot(m));
        }
        List<Frame> frames = new ArrayList<>();
        List<Long> steps = new ArrayList<>();
        if (FileFormat.detect(input) == FileFormat.EXTXYZ) {
            List<ExtXyzFrame> xf = ExtXyz.readWithInfo(input);
            for (int i = 0; i < xf.size(); i++) {
                frames.add(xf.get(i).frame());
                steps.add(step(xf.get(i), i));
            }
        } else {
            frames.addAll(Formats.read(input));
            for (int i = 0; i < frames.size(); i++) {
                steps.add((long) i);
            }
        }
        PrintStream out = output == null ? System.out : new PrintStream(Files.newOutputStream(output), false, "UTF-8");
        try {
            out.println(ModelDeviation.header());
            for (int i = 0; i < frames.size(); i++) {
                out.println(ModelDeviations.compute(steps.get(i), ensemble, frames.get(i).structure()).format());
            }
        } finally {
            out.flush();
            if (output != null) {
                out.close();
            }
        }
        return 0;
    }

    private long step(ExtXyzFrame f, int index) {
        String s = f.info().get("step");
        if (s == null) {
            return index;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(input + ", frame " + index + ": step='" + s + "' is not an integer");
        }
    }
}
