package org.eelt.deploy.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.eelt.potential.dp.DeepPotModel;
import org.eelt.potential.dp.DpModelYaml;
import org.eelt.potential.dp.EeltModelFile;
import org.eelt.potential.dp.ModelProvenance;
import org.eelt.protocol.io.FormatException;
import org.eelt.trainer.BiasChange;
import org.eelt.trainer.data.DeepmdSystem;
import org.eelt.trainer.model.DeepPotConversion;
import org.eelt.trainer.model.DpModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eelt dp change-bias}: DeePMD-kit's {@code dp change-bias} in its default "change"
 * mode. The model's per-type energy bias (eV) is shifted by the least-squares fit of the
 * energy residuals on the given systems ({@link BiasChange}); forces and virials are unchanged.
 */
@Command(name = "change-bias", mixinStandardHelpOptions = true,
        description = {"Shift a model's per-type energy bias by the least-squares fit of E_ref - E_model on labeled",
                "deepmd/npy systems (DeePMD-kit's 'dp change-bias', mode change). Forces are unchanged.",
                "An EELT model file keeps its provenance (the systems are appended to its data id); a DeePMD-kit",
                "YAML is written back as DeePMD-kit YAML."})
final class DpChangeBiasCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "model file (EELT or DeePMD-kit YAML)")
    Path model;

    @Option(names = {"-s", "--system"}, required = true, paramLabel = "DIR",
            description = "deepmd/npy system or directory of systems with energy labels (repeatable)")
    List<Path> systems;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "the model with the new bias")
    Path output;

    @Override
    public Integer call() throws Exception {
        // read once: an EELT file (keeps its provenance) or else a DeePMD-kit YAML
        EeltModelFile eelt = null;
        DeepPotModel dp;
        try {
            eelt = EeltModelFile.read(model);
            dp = eelt.model();
        } catch (FormatException notEelt) {
            dp = DpModelYaml.read(model);
        }
        DpModel m = DeepPotConversion.fromDeepPot(dp);
        List<DeepmdSystem> data = new ArrayList<>();
        for (Path s : systems) {
            for (Path f : DpTestCommand.systems(s)) {
                data.add(DeepmdSystem.load(f, m.spec().typeMap()));
            }
        }
        BiasChange.Result r = BiasChange.change(m, data);
        if (eelt != null) {
            ModelProvenance p = eelt.provenance();
            String id = (p.dataSnapshotId().isEmpty() ? "" : p.dataSnapshotId() + ";") + "change-bias=" + systems;
            new EeltModelFile(DeepPotConversion.toDeepPot(r.model()), new ModelProvenance(p.source(), p.seed(), id,
                    p.codeVersion(), p.trainingSteps(), System.currentTimeMillis())).write(output);
        } else {
            DpModelYaml.write(DeepPotConversion.toDeepPot(r.model()), output);
        }
        StringBuilder shift = new StringBuilder();
        for (int t = 0; t < r.shift().length; t++) {
            shift.append(String.format(Locale.ROOT, " %s %+.6e", m.spec().typeMap().get(t), r.shift()[t]));
        }
        System.out.printf(Locale.ROOT, "change-bias on %d frames: mean residual %.4e eV/atom; energy RMSE/atom %.4e -> %.4e eV;"
                + " bias shift (eV):%s -> %s%n", r.frames(), r.meanResidual(), r.rmseBefore(), r.rmseAfter(), shift, output);
        return 0;
    }
}
