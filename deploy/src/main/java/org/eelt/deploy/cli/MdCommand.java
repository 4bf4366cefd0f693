package org.eelt.deploy.cli;

import org.eelt.explorer.md.MdResult;
import org.eelt.explorer.md.MdRunner;
import org.eelt.explorer.md.MdSettings;
import org.eelt.explorer.md.MdState;
import org.eelt.explorer.md.ThermoWriter;
import org.eelt.explorer.md.TrajectoryWriter;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.io.Formats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code eelt md}: molecular dynamics with a built-in potential or a Deep Potential. */
@Command(name = "md", mixinStandardHelpOptions = true,
        description = {"Run molecular dynamics. Units: T in K, pressure in bar, dt in ps, lengths in Å, energies in eV.",
                "NVE: velocity Verlet; NVT: Langevin (BAOAB) or Bussi stochastic velocity rescaling;",
                "NPT: stochastic cell rescaling (isotropic or per axis) on top of the thermostat.",
                "The run stops with a reason (exit status 1) on non-finite values, atoms closer than",
                "--min-distance, or T above 10x the target.",
                PotentialSpecs.GRAMMAR})
final class MdCommand implements Callable<Integer> {
    @Option(names = "--potential", required = true, paramLabel = "SPEC", description = "dp:MODEL, lj:..., sutton-chen:, eam:FILE")
    String potential;

    @Option(names = "--structure", required = true, paramLabel = "FILE", description = "initial structure (first frame is used)")
    Path structure;

    @Option(names = "--ensemble", defaultValue = "nvt", description = "nve, nvt or npt (default: ${DEFAULT-VALUE})")
    String ensemble;

    @Option(names = "--thermostat", defaultValue = "langevin", description = "langevin or bussi (default: ${DEFAULT-VALUE})")
    String thermostat;

    @Option(names = "--barostat", defaultValue = "iso", description = "npt cell coupling: iso or aniso (default: ${DEFAULT-VALUE})")
    String barostat;

    @Option(names = "--temp", defaultValue = "300", paramLabel = "K", description = "temperature (default: ${DEFAULT-VALUE})")
    double temp;

    @Option(names = "--press", defaultValue = "1.0", paramLabel = "BAR", description = "pressure for npt (default: ${DEFAULT-VALUE})")
    double press;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "number of steps")
    long steps;

    @Option(names = "--dt", defaultValue = "0.001", paramLabel = "PS", description = "timestep (default: ${DEFAULT-VALUE} ps = 1 fs)")
    double dt;

    @Option(names = "--tau-t", defaultValue = "0.1", paramLabel = "PS", description = "thermostat time constant (default: ${DEFAULT-VALUE})")
    double tauT;

    @Option(names = "--tau-p", defaultValue = "1.0", paramLabel = "PS", description = "barostat time constant (default: ${DEFAULT-VALUE})")
    double tauP;

    @Option(names = "--compressibility", defaultValue = "7.3e-7", paramLabel = "1/BAR",
            description = "isothermal compressibility for the barostat (default: ${DEFAULT-VALUE}, Cu)")
    double compressibility;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--traj", paramLabel = "FILE", description = "extxyz trajectory with energy, forces, virial")
    Path traj;

    @Option(names = "--traj-every", defaultValue = "100", paramLabel = "N", description = "steps between frames (default: ${DEFAULT-VALUE})")
    int trajEvery;

    @Option(names = "--thermo", paramLabel = "FILE", description = "thermo output file (default: stdout)")
    Path thermo;

    @Option(names = "--thermo-every", defaultValue = "100", paramLabel = "N", description = "steps between thermo lines (default: ${DEFAULT-VALUE})")
    int thermoEvery;

    @Option(names = "--skin", defaultValue = "1.0", paramLabel = "Å", description = "neighbor-list skin (default: ${DEFAULT-VALUE})")
    double skin;

    @Option(names = "--min-distance", defaultValue = "0.5", paramLabel = "Å", description = "explosion threshold (default: ${DEFAULT-VALUE})")
    double minDistance;

    @Override
    public Integer call() throws Exception {
        Potential pot = PotentialSpecs.resolve(potential);
        List<Frame> frames = Formats.read(structure);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException(structure + ": no structure in the file");
        }
        MdSettings settings = settings();
        Writer thermoOut = thermo == null ? new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(thermo);
        BufferedWriter trajOut = traj == null ? null : Files.newBufferedWriter(traj);
        try {
            MdRunner runner = new MdRunner(pot, settings).withListener(new ThermoWriter(thermoOut));
            if (trajOut != null) {
                runner = runner.withListener(new TrajectoryWriter(trajOut));
            }
            MdResult result = runner.run(MdState.of(frames.get(0).structure()));
            thermoOut.flush();
            System.err.printf("md: %d steps in %.1f s (%.3g µs/step/atom), %d neighbor-list builds%n", result.steps(),
                    result.wallSeconds(), 1e6 * result.wallSeconds() / Math.max(1, result.steps())
                            / frames.get(0).structure().size(), result.neighborRebuilds());
            if (!result.completed()) {
                throw new CliFailure("md stopped: " + result.reason());
            }
            return 0;
        } finally {
            if (trajOut != null) {
                trajOut.close();
            }
            if (thermo != null) {
                thermoOut.close();
            } else {
                thermoOut.flush();
            }
        }
    }

    private MdSettings settings() {
        MdSettings.Builder b = MdSettings.builder().timestep(dt).steps(steps).temperature(temp).seed(seed).skin(skin)
                .thermoEvery(thermoEvery).trajectoryEvery(traj == null ? 0 : trajEvery).minDistance(minDistance);
        switch (ensemble) {
            case "nve" -> b.nve();
            case "nvt", "npt" -> {
                switch (thermostat) {
                    case "langevin" -> b.langevin(tauT);
                    case "bussi" -> b.bussi(tauT);
                    default -> throw new IllegalArgumentException("--thermostat must be langevin or bussi, got '" + thermostat + "'");
                }
                if (ensemble.equals("npt")) {
                    MdSettings.Barostat kind = switch (barostat) {
                        case "iso" -> MdSettings.Barostat.ISOTROPIC;
                        case "aniso" -> MdSettings.Barostat.ANISOTROPIC;
                        default -> throw new IllegalArgumentException("--barostat must be iso or aniso, got '" + barostat + "'");
                    };
                    b.barostat(kind, press, tauP, compressibility);
                }
            }
            default -> throw new IllegalArgumentException("--ensemble must be nve, nvt or npt, got '" + ensemble + "'");
        }
        return b.build();
    }
}
