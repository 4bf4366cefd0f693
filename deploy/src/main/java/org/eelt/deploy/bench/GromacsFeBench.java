package org.eelt.deploy.bench;

import org.eelt.labeler.gromacs.GromacsAla2System;
import org.eelt.labeler.gromacs.GromacsMeanForce;
import org.eelt.labeler.gromacs.GromacsMeanForceOracle;
import org.eelt.labeler.gromacs.GromacsSettings;
import org.eelt.labeler.gromacs.MeanForceRejectedException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code eelt bench gromacs-fe --json}: speed of the GROMACS restrained-MD mean-force oracle on
 * alanine dipeptide. The one-time setup (pdb2gmx, box, minimisation) is timed apart; then labels run
 * one after another (one labeler, {@code mdrun -nt 1}) at centers cycling through the main regions of
 * the Ramachandran map, each a full label: pre-pull when needed, grompp, mdrun, gmx rama, estimate.
 * Reports wall ms per label (mean, median, min, max), labels/s = labels / Σ label wall time, and the
 * simulated ns per label, plus every label's mean force (kJ/mol/rad) as a sanity record.
 */
public final class GromacsFeBench {
    /** Centers (φ, ψ) in degrees, visited in this order: C7eq, C5, αR, barrier, C7ax, αL, bridge, PII. */
    static final double[][] CENTERS_DEG = {{-80, 150}, {-150, 160}, {-70, -40}, {0, 150}, {70, -70}, {60, 40},
            {-100, 0}, {-70, 120}};

    private GromacsFeBench() {
    }

    /**
     * @param workDir  the labeler working directory (setup is reused when present)
     * @param pdb      the alanine-dipeptide PDB
     * @param settings the oracle settings
     * @param labels   number of labels to time
     * @return the JSON result
     */
    public static String run(Path workDir, Path pdb, GromacsSettings settings, int labels) {
        if (labels < 1) {
            throw new IllegalArgumentException("--labels must be at least 1, got " + labels);
        }
        long t0 = System.nanoTime();
        GromacsAla2System system = GromacsAla2System.prepare(settings, workDir, pdb);
        double setupS = (System.nanoTime() - t0) / 1e9;
        GromacsMeanForceOracle oracle = new GromacsMeanForceOracle(settings, system);
        List<String> rows = new ArrayList<>();
        double[] ms = new double[labels];
        int rejected = 0;
        for (int k = 0; k < labels; k++) {
            double[] deg = CENTERS_DEG[k % CENTERS_DEG.length];
            double[] c = {Math.toRadians(deg[0]), Math.toRadians(deg[1])};
            long t = System.nanoTime();
            GromacsMeanForce m;
            boolean ok = true;
            try {
                m = oracle.label(c);
            } catch (MeanForceRejectedException e) {
                m = e.rejected();
                ok = false;
                rejected++;
            }
            ms[k] = (System.nanoTime() - t) / 1e6;
            System.err.printf(Locale.ROOT, "gromacs-fe: label %d/%d %s%n", k + 1, labels, m);
            rows.add(String.format(Locale.ROOT, "    {\"phi_deg\": %s, \"psi_deg\": %s, \"mean_force_kjmol_rad\": [%.4f, %.4f], "
                            + "\"std_err_kjmol_rad\": [%.4f, %.4f], \"samples\": %d, \"accepted\": %s, \"wall_ms\": %.1f}",
                    num(deg[0]), num(deg[1]), m.meanForce()[0], m.meanForce()[1], m.stdErr()[0], m.stdErr()[1],
                    m.samples(), ok, ms[k]));
        }
        double total = Arrays.stream(ms).sum();
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = labels % 2 == 1 ? sorted[labels / 2] : 0.5 * (sorted[labels / 2 - 1] + sorted[labels / 2]);
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"benchmark\": \"gromacs-fe\",\n");
        sb.append("  \"system\": \"alanine dipeptide, vacuum, ").append(settings.forceField()).append("\",\n");
        sb.append("  \"gmx_version\": \"").append(system.gmxVersion()).append("\",\n");
        sb.append("  \"oracle_settings\": \"").append(settings.canonical()).append("\",\n");
        sb.append(String.format(Locale.ROOT, "  \"ps_per_label\": %s,%n", num(settings.stepsPerLabel() * settings.timeStepPs())));
        sb.append("  \"mdrun_threads\": ").append(settings.threads()).append(",\n");
        sb.append(String.format(Locale.ROOT, "  \"setup_s\": %.3f,%n", setupS));
        sb.append("  \"labels\": ").append(labels).append(",\n");
        sb.append("  \"rejected\": ").append(rejected).append(",\n");
        sb.append("  \"pre_pulls\": ").append(oracle.prePulls()).append(",\n");
        sb.append(String.format(Locale.ROOT, "  \"wall_ms_per_label_mean\": %.1f,%n", total / labels));
        sb.append(String.format(Locale.ROOT, "  \"wall_ms_per_label_median\": %.1f,%n", median));
        sb.append(String.format(Locale.ROOT, "  \"wall_ms_per_label_min\": %.1f,%n", sorted[0]));
        sb.append(String.format(Locale.ROOT, "  \"wall_ms_per_label_max\": %.1f,%n", sorted[labels - 1]));
        sb.append(String.format(Locale.ROOT, "  \"labels_per_s\": %.4f,%n", labels / (total / 1000)));
        sb.append("  \"per_label\": [\n").append(String.join(",\n", rows)).append("\n  ]\n}");
        return sb.toString();
    }

    private static String num(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
