package org.eelt.deploy.cli;

import org.eelt.labeler.gromacs.GromacsAla2System;
import org.eelt.labeler.gromacs.GromacsMeanForce;
import org.eelt.labeler.gromacs.GromacsMeanForceOracle;
import org.eelt.labeler.gromacs.GromacsSettings;
import org.eelt.labeler.gromacs.MeanForceRejectedException;
import org.eelt.labeler.oracle.CalculationFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code eelt gromacs-label}: one restrained-MD mean-force label of alanine dipeptide with GROMACS. */
@Command(name = "gromacs-label", mixinStandardHelpOptions = true,
        description = {"Mean force -dA/d(phi, psi) of alanine dipeptide (vacuum, amber99sb-ildn) at one restraint",
                "center, from restrained GROMACS MD: f = kappa * <wrap(s - s0)> in kJ/mol/rad with a block-averaged",
                "standard error. Prints one JSON object. The center is given in degrees here (rad in the API).",
                "",
                "Machine settings come from Java system properties eelt.oracles.gromacs.* (set them in",
                "EELT_JAVA_OPTS): binary, timeout-s, threads, keep-failed-work-dirs, and the physics keys",
                "force-field, temperature-k, integrator, dt-ps, steps, box-nm, cutoff-nm, kappa, output-interval,",
                "equilibration-fraction, blocks, error-threshold, seed, pre-pull-rate, pre-pull-threshold.",
                "Exit status: 0 accepted, 1 rejected (error above threshold) or GROMACS failure, 2 bad input."})
final class GromacsLabelCommand implements Callable<Integer> {
    @Option(names = "--phi", required = true, paramLabel = "DEG", description = "restraint center phi0 in degrees, (-180, 180]")
    double phiDeg;

    @Option(names = "--psi", required = true, paramLabel = "DEG", description = "restraint center psi0 in degrees, (-180, 180]")
    double psiDeg;

    @Option(names = "--kappa", paramLabel = "KJ_MOL_RAD2", description = "restraint force constant in kJ/mol/rad^2 (default 500)")
    Double kappa;

    @Option(names = "--steps", paramLabel = "N", description = "MD steps of 0.002 ps (default 50000 = 100 ps)")
    Integer steps;

    @Option(names = "--work-dir", required = true, paramLabel = "DIR",
            description = "labeler working directory; the one-time setup is kept and reused there")
    Path workDir;

    @Option(names = "--pdb", paramLabel = "FILE", description = "alanine-dipeptide PDB (default: ../shared/fixtures/ala2/alanine-dipeptide.pdb)")
    Path pdb;

    @Override
    public Integer call() {
        for (double[] a : new double[][] {{phiDeg, 0}, {psiDeg, 1}}) {
            if (!(a[0] > -180 && a[0] <= 180)) {
                String name = a[1] == 0 ? "--phi" : "--psi";
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %s is outside the dihedral's domain "
                        + "(-180, 180] degrees%s", name, a[0], Double.isFinite(a[0]) ? String.format(Locale.ROOT,
                        ": use %s %.6f", name, Math.toDegrees(org.eelt.labeler.gromacs.RestrainedMeanForce.wrap(
                                Math.toRadians(a[0])))) : ""));
            }
        }
        GromacsSettings s = settings(kappa, steps);
        double[] center = {Math.toRadians(phiDeg), Math.toRadians(psiDeg)};
        if (phiDeg == 180) {
            center[0] = Math.PI;
        }
        if (psiDeg == 180) {
            center[1] = Math.PI;
        }
        GromacsMeanForceOracle.checkCenter(center);
        try {
            GromacsAla2System system = GromacsAla2System.prepare(s, workDir, pdb != null ? pdb : defaultPdb());
            GromacsMeanForce m = new GromacsMeanForceOracle(s, system).label(center);
            System.out.println(json(m, true, ""));
            return 0;
        } catch (MeanForceRejectedException e) {
            System.out.println(json(e.rejected(), false, e.reason()));
            return 1;
        } catch (CalculationFailedException e) {
            throw new CliFailure(e.getMessage());
        }
    }

    /** @return settings from system properties {@code eelt.oracles.gromacs.*}, with the command-line overrides. */
    static GromacsSettings settings(Double kappa, Integer steps) {
        Map<String, String> map = new HashMap<>();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(GromacsSettings.PREFIX)) {
                map.put(key, System.getProperty(key));
            }
        }
        if (kappa != null) {
            map.put(GromacsSettings.PREFIX + "kappa", Double.toString(kappa));
        }
        if (steps != null) {
            map.put(GromacsSettings.PREFIX + "steps", Integer.toString(steps));
        }
        return GromacsSettings.fromMap(map, GromacsSettings.PREFIX);
    }

    static Path defaultPdb() {
        return BenchCommand.sharedDir().resolve("fixtures/ala2/alanine-dipeptide.pdb");
    }

    private static String json(GromacsMeanForce m, boolean accepted, String reason) {
        return String.format(Locale.ROOT, "{\"center_rad\": [%.10f, %.10f], \"center_deg\": [%.6f, %.6f], "
                        + "\"mean_force_kjmol_rad\": [%.6f, %.6f], \"std_err_kjmol_rad\": [%.6f, %.6f], \"samples\": %d, "
                        + "\"accepted\": %s, \"reason\": \"%s\", \"oracle_settings\": \"%s\", \"gmx_version\": \"%s\", "
                        + "\"seed\": %d, \"wall_ms\": %d}",
                m.center()[0], m.center()[1], Math.toDegrees(m.center()[0]), Math.toDegrees(m.center()[1]),
                m.meanForce()[0], m.meanForce()[1], m.stdErr()[0], m.stdErr()[1], m.samples(), accepted,
                reason.replace("\"", "'"), m.oracleSettings(), m.gmxVersion(), m.seed(), m.wallMs());
    }
}
