package org.eelt.deploy.cli;

import org.eelt.potential.dp.DeepPotEvaluator;
import org.eelt.protocol.io.DeepmdNpy;
import org.eelt.trainer.DpTest;
import org.eelt.trainer.data.DeepmdSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code eelt dp test}: errors of a model on labeled deepmd/npy data, like DeePMD-kit's {@code dp test}. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Energy RMSE per atom (eV/atom), force RMSE (eV/Å) and virial RMSE per atom (eV/atom) of a model",
                "on a deepmd/npy system (or a directory of systems: frames of all systems pooled)."})
final class DpTestCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "M", description = "model file (EELT or DeePMD-kit YAML)")
    Path model;

    @Option(names = "--system", required = true, paramLabel = "DIR", description = "deepmd/npy system or directory of systems")
    Path system;

    @Option(names = "--json", description = "print {\"rmse_e_per_atom\", \"rmse_f\", \"rmse_v\", \"frames\"} as JSON")
    boolean json;

    /**
     * @return {@code dir} when it is a deepmd/npy system, else the systems below it
     * @throws IllegalArgumentException when there is none
     */
    static List<Path> systems(Path dir) throws java.io.IOException {
        List<Path> found = Files.isRegularFile(dir.resolve("type.raw")) ? List.of(dir) : DeepmdNpy.findSystems(dir);
        if (found.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no deepmd/npy system (a directory with type.raw) found");
        }
        return found;
    }

    @Override
    public Integer call() throws Exception {
        DeepPotEvaluator dp = PotentialSpecs.loadDeepPot(model);
        List<Path> systems = systems(system);
        double se = 0, sf = 0, sv = 0;
        long frames = 0, forceFrames = 0, virialFrames = 0;
        List<String> lines = new ArrayList<>();
        for (Path s : systems) {
            DeepmdSystem data = DeepmdSystem.load(s, dp.model().typeMap());
            DpTest.Result r = DpTest.evaluate(dp, data);
            se += r.rmseEPerAtom() * r.rmseEPerAtom() * r.frames();
            sf += r.rmseF() * r.rmseF() * r.frames();
            frames += r.frames();
            forceFrames += r.frames();
            if (!Double.isNaN(r.rmseV())) {
                sv += r.rmseV() * r.rmseV() * r.frames();
                virialFrames += r.frames();
            }
            lines.add(String.format(Locale.ROOT, "# %s: %d frames, energy RMSE/Natoms %.6e eV, force RMSE %.6e eV/A",
                    s, r.frames(), r.rmseEPerAtom(), r.rmseF()));
        }
        double rmseE = Math.sqrt(se / frames);
        double rmseF = Math.sqrt(sf / forceFrames);
        double rmseV = virialFrames == 0 ? Double.NaN : Math.sqrt(sv / virialFrames);
        if (json) {
            System.out.printf(Locale.ROOT, "{\"rmse_e_per_atom\": %.9g, \"rmse_f\": %.9g, \"rmse_v\": %s, \"frames\": %d}%n",
                    rmseE, rmseF, Double.isNaN(rmseV) ? "null" : String.format(Locale.ROOT, "%.9g", rmseV), frames);
        } else {
            lines.forEach(System.out::println);
            System.out.println("# number of test data : " + frames);
            System.out.printf(Locale.ROOT, "Energy RMSE/Natoms  : %.6e eV%n", rmseE);
            System.out.printf(Locale.ROOT, "Force  RMSE         : %.6e eV/A%n", rmseF);
            System.out.println(Double.isNaN(rmseV) ? "Virial RMSE/Natoms  : (no virial labels)"
                    : String.format(Locale.ROOT, "Virial RMSE/Natoms  : %.6e eV", rmseV));
        }
        return 0;
    }
}
