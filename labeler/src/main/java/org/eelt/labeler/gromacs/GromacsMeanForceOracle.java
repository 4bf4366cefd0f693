package org.eelt.labeler.gromacs;

import org.eelt.labeler.external.OutputFormatException;
import org.eelt.labeler.external.WorkDirectory;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mean-force labels of alanine dipeptide (CVs φ, ψ in rad) from restrained GROMACS MD.
 *
 * <p>Per label at s0 = (φ0, ψ0): a copy of the topology gets {@code [ dihedral_restraints ]} on φ
 * and ψ with κ ({@link DihedralRestraints}); {@code grompp} and {@code mdrun -nt 1} run
 * {@link GromacsSettings#stepsPerLabel()} steps; {@code gmx rama} prints the φ/ψ time series; the
 * first 10 % is discarded and f = κ·⟨wrap(s − s0)⟩ ≈ −∇A(s0) in kJ/mol/rad is returned with a
 * block-averaged standard error ({@link RestrainedMeanForce}). A label whose error exceeds
 * {@link GromacsSettings#errorThreshold()} is rejected with {@link MeanForceRejectedException}.
 *
 * <p><b>Start structure.</b> Each label starts from the stored conformation nearest its center
 * (the minimised structure, or the final frame of an earlier label, see {@link ConformationCache}).
 * When that conformation is more than {@link GromacsSettings#prePullThreshold()} rad from the center
 * (in either angle), a pre-pull run first drags the restraint centers from the start's angles to
 * s0 at {@link GromacsSettings#prePullRate()} rad/ps (λ-interpolated restraint, {@link GromacsMdp#prePull});
 * switching a stiff restraint on far from its center instead produces forces of κ·Δφ (≈ 2600
 * kJ/mol/rad at κ = 1000 and Δφ = 150°) that make LINCS fail. The production run starts from the
 * pre-pulled (or cached) structure with fresh velocities and still discards its first 10 %.
 *
 * <p>Thread-safe; each call blocks for the GROMACS processes and must run off the actor dispatcher.
 */
public final class GromacsMeanForceOracle {
    private final GromacsSettings settings;
    private final GromacsAla2System system;
    private final AtomicInteger prePulls = new AtomicInteger();

    /**
     * @param settings the oracle settings
     * @param system   the prepared system (see {@link GromacsAla2System#prepare})
     */
    public GromacsMeanForceOracle(GromacsSettings settings, GromacsAla2System system) {
        this.settings = settings;
        this.system = system;
    }

    /** @return the settings. */
    public GromacsSettings settings() {
        return settings;
    }

    /** @return how many labels of this oracle needed a pre-pull run (their start conformation was far). */
    public int prePulls() {
        return prePulls.get();
    }

    /**
     * Checks a restraint center before anything runs.
     *
     * @param center (φ0, ψ0) in rad
     * @throws IllegalArgumentException saying which angle is outside (−π, π] and how to fix it
     */
    public static void checkCenter(double[] center) {
        if (center == null || center.length != 2) {
            throw new IllegalArgumentException("the alanine-dipeptide restraint center is (phi, psi): expected 2 angles, got "
                    + (center == null ? "none" : center.length));
        }
        String[] names = {"phi", "psi"};
        for (int i = 0; i < 2; i++) {
            double x = center[i];
            if (!Double.isFinite(x) || x <= -Math.PI || x > Math.PI) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "restraint center %s0 = %s rad is outside the dihedral's domain (-pi, pi]%s", names[i], x,
                        Double.isFinite(x) ? String.format(Locale.ROOT, ": use the equivalent angle %.6f rad",
                                RestrainedMeanForce.wrap(x)) : ""));
            }
        }
    }

    /**
     * Computes one label.
     *
     * @param center restraint center (φ0, ψ0) in rad, each in (−π, π]
     * @return the mean force with its error bar and provenance
     * @throws IllegalArgumentException    when the center is outside (−π, π]
     * @throws MeanForceRejectedException  when the standard error exceeds the threshold
     * @throws GromacsFailureException     when a GROMACS command fails (quoting its log)
     */
    public GromacsMeanForce label(double[] center) {
        checkCenter(center);
        long t0 = System.nanoTime();
        long seed = labelSeed(settings.seed(), center, settings.kappa());
        WorkDirectory wd = WorkDirectory.create(system.dir().resolve("labels"), String.format(Locale.ROOT,
                "label-%+.0f_%+.0f-", Math.toDegrees(center[0]), Math.toDegrees(center[1])));
        Path dir = wd.path();
        boolean ok = false;
        try {
            Path start = startStructure(dir, center, seed);
            Ala2Topology f = system.facts();
            GromacsAla2System.write(dir.resolve("restrained.top"), DihedralRestraints.insert(system.topology(), List.of(
                    DihedralRestraints.Restraint.fixed(f.phi(), center[0], settings.kappa()),
                    DihedralRestraints.Restraint.fixed(f.psi(), center[1], settings.kappa()))));
            GromacsAla2System.write(dir.resolve("md.mdp"), GromacsMdp.production(settings, settings.stepsPerLabel(), seed));
            grompp(dir, "md", start, "restrained.top");
            mdrun(dir, "md");
            system.gmx().run(dir, "rama", "rama", "-f", "md.xtc", "-s", "md.tpr", "-o", "rama.xvg");
            double[][] series = readSeries(dir, "rama.xvg");
            RestrainedMeanForce.Estimate e = RestrainedMeanForce.estimate(series, center, settings.kappa(),
                    settings.equilibrationFraction(), settings.blocks());
            system.conformations().add(series[series.length - 1], dir.resolve("md.gro"));
            GromacsMeanForce result = new GromacsMeanForce(center, e.meanForce(), e.stdErr(), e.samples(),
                    settings.canonical(), system.gmxVersion(), seed, (System.nanoTime() - t0) / 1_000_000);
            ok = true; // the run itself succeeded: its directory is not kept even when the label is rejected
            if (e.maxStdErr() > settings.errorThreshold()) {
                throw new MeanForceRejectedException(String.format(Locale.ROOT,
                        "label rejected: standard error (%.3f, %.3f) kJ/mol/rad exceeds the threshold %.3f kJ/mol/rad "
                                + "at (phi0, psi0) = (%.1f, %.1f) deg; run longer (steps) or raise error-threshold",
                        e.stdErr()[0], e.stdErr()[1], settings.errorThreshold(), Math.toDegrees(center[0]),
                        Math.toDegrees(center[1])), result);
            }
            return result;
        } catch (GromacsFailureException e) {
            if (settings.keepFailedWorkDirs()) {
                throw e;
            }
            throw new GromacsFailureException(e.reason(), e.excerpt(), null);
        } finally {
            if (ok || !settings.keepFailedWorkDirs()) {
                wd.delete();
            }
        }
    }

    /** Returns the structure production starts from, pre-pulling when the nearest cached one is far. */
    private Path startStructure(Path dir, double[] center, long seed) {
        ConformationCache.Entry near = system.conformations().nearest(center);
        double far = 0;
        double[] to = new double[2];
        for (int i = 0; i < 2; i++) {
            double d = RestrainedMeanForce.wrap(center[i] - near.angles()[i]);
            far = Math.max(far, Math.abs(d));
            to[i] = near.angles()[i] + d; // the short way round; may leave (-pi, pi], GROMACS wraps the difference
        }
        if (far <= settings.prePullThreshold()) {
            return near.gro();
        }
        prePulls.incrementAndGet();
        long steps = Math.max(settings.outputInterval(),
                (long) Math.ceil(far / settings.prePullRate() / settings.timeStepPs()));
        Ala2Topology f = system.facts();
        GromacsAla2System.write(dir.resolve("prepull.top"), DihedralRestraints.insert(system.topology(), List.of(
                DihedralRestraints.Restraint.moving(f.phi(), near.angles()[0], to[0], settings.kappa()),
                DihedralRestraints.Restraint.moving(f.psi(), near.angles()[1], to[1], settings.kappa()))));
        GromacsAla2System.write(dir.resolve("prepull.mdp"), GromacsMdp.prePull(settings, steps, seed ^ 0x5bd1e995L));
        grompp(dir, "prepull", near.gro(), "prepull.top");
        mdrun(dir, "prepull");
        return dir.resolve("prepull.gro");
    }

    private void grompp(Path dir, String name, Path conf, String top) {
        system.gmx().run(dir, "grompp-" + name, "grompp", "-f", name + ".mdp", "-c", conf.toString(), "-p", top,
                "-o", name + ".tpr", "-po", name + "-out.mdp", "-maxwarn", "0");
    }

    private void mdrun(Path dir, String name) {
        system.gmx().run(dir, name, "mdrun", "-deffnm", name, "-nt", Integer.toString(settings.threads()),
                "-pin", "off");
    }

    private double[][] readSeries(Path dir, String file) {
        try {
            double[][] s = RamaXvg.read(file, Gmx.read(dir.resolve(file)), system.facts().ramaLabel());
            long expected = settings.stepsPerLabel() / settings.outputInterval() + 1;
            if (s.length != expected) {
                throw new OutputFormatException(file, "expected " + expected + " frames (" + settings.stepsPerLabel()
                        + " steps, a frame every " + settings.outputInterval() + "), got " + s.length);
            }
            return s;
        } catch (OutputFormatException e) {
            throw new GromacsFailureException("unreadable gmx rama output in " + dir + ": " + e.getMessage(),
                    GromacsLogExcerpt.relevant(Gmx.read(dir.resolve("rama.stderr.txt"))), dir);
        }
    }

    /**
     * @return a seed in [0, 2³¹) that depends on the base seed, the center and κ, so that labels at
     * different centers use different noise (a repeated label reuses its noise; its start structure may
     * differ, see {@link ConformationCache})
     */
    static long labelSeed(long base, double[] center, double kappa) {
        long h = base * 0x9E3779B97F4A7C15L;
        for (double x : new double[] {center[0], center[1], kappa}) {
            h ^= Double.doubleToLongBits(x);
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h & 0x7fffffffL;
    }
}
