package org.eelt.labeler.gromacs;

import org.eelt.labeler.oracle.OracleSetupException;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Validated settings of the GROMACS restrained-MD mean-force oracle for alanine dipeptide.
 *
 * <p>Units: inside GROMACS lengths are nm, times ps, energies kJ/mol and restraint angles are
 * written in degrees; at this API every angle is in <b>rad</b> and every force constant in
 * <b>kJ/mol/rad²</b>. Mean forces come out in kJ/mol/rad.
 *
 * <p>Keys (see {@link #fromMap}, all under a prefix such as {@code eelt.oracles.gromacs.}):
 * {@code binary}, {@code force-field}, {@code temperature-k}, {@code integrator}, {@code dt-ps},
 * {@code steps}, {@code box-nm}, {@code cutoff-nm}, {@code kappa}, {@code output-interval},
 * {@code equilibration-fraction}, {@code blocks}, {@code error-threshold}, {@code threads},
 * {@code seed}, {@code pre-pull-rate}, {@code pre-pull-threshold}, {@code timeout-s},
 * {@code keep-failed-work-dirs}. The binary is deliberately a machine (server/CLI) setting: a
 * campaign spec never names the program a labeler node runs.
 *
 * @param gmxBinary              the {@code gmx} executable, a name on PATH or a path (Debian package {@code gromacs})
 * @param forceField             force field name given to {@code pdb2gmx -ff} (default {@code amber99sb-ildn})
 * @param temperatureK           thermostat reference temperature T in K
 * @param integrator             {@code sd} (Langevin, τ_t = 0.1 ps) or {@code md} (leap-frog with v-rescale, τ_t = 0.1 ps)
 * @param timeStepPs             MD time step in ps (0.002 with h-bond constraints)
 * @param stepsPerLabel          production MD steps per label (50 000 × 0.002 ps = 100 ps)
 * @param boxNm                  cubic box edge in nm; vacuum is a periodic box where no image is within the cut-off
 * @param cutoffNm               plain Coulomb and Lennard-Jones cut-off in nm (must be ≤ box/2)
 * @param kappa                  restraint force constant κ in kJ/mol/rad², V = Σ κ/2 (s − s0)²
 * @param outputInterval         steps between saved frames (the φ/ψ samples)
 * @param equilibrationFraction  fraction of the production frames discarded as equilibration (0.1)
 * @param blocks                 number of blocks of the block-averaged standard error (≥ 4)
 * @param errorThreshold         a label whose standard error (any component) exceeds this, in kJ/mol/rad, is rejected
 * @param threads                threads of {@code mdrun} (1)
 * @param seed                   base random seed; each label's seed is derived from it and the label's center
 * @param prePullRate            speed in rad/ps at which a pre-pull run drags the restraint center from the start
 *                               conformation's (φ, ψ) to the requested center
 * @param prePullThreshold       a pre-pull runs when the start conformation is farther than this (rad, max over CVs)
 * @param timeout                wall-clock limit of one GROMACS command
 * @param keepFailedWorkDirs     keep the work directory of a failed label for inspection
 */
public record GromacsSettings(String gmxBinary, String forceField, double temperatureK, String integrator,
                              double timeStepPs, int stepsPerLabel, double boxNm, double cutoffNm, double kappa,
                              int outputInterval, double equilibrationFraction, int blocks, double errorThreshold,
                              int threads, long seed, double prePullRate, double prePullThreshold, Duration timeout,
                              boolean keepFailedWorkDirs) {
    /** Default key prefix. */
    public static final String PREFIX = "eelt.oracles.gromacs.";
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9._/+-]+");
    private static final Set<String> INTEGRATORS = Set.of("sd", "md");

    /** Validates every field; the message names the key and the allowed range. */
    public GromacsSettings {
        if (gmxBinary == null || !WORD.matcher(gmxBinary).matches()) {
            throw bad("binary", "one executable name or path without spaces or arguments", gmxBinary);
        }
        if (forceField == null || !WORD.matcher(forceField).matches() || forceField.contains("/")) {
            throw bad("force-field", "a GROMACS force-field name such as amber99sb-ildn", forceField);
        }
        positive("temperature-k", temperatureK);
        if (integrator == null || !INTEGRATORS.contains(integrator)) {
            throw bad("integrator", "sd or md", integrator);
        }
        if (!(timeStepPs > 0 && timeStepPs <= 0.005)) {
            throw bad("dt-ps", "a time step in (0, 0.005] ps", timeStepPs);
        }
        if (outputInterval < 1) {
            throw bad("output-interval", "a positive number of steps", outputInterval);
        }
        if (!(equilibrationFraction >= 0 && equilibrationFraction < 1)) {
            throw bad("equilibration-fraction", "a fraction in [0, 1)", equilibrationFraction);
        }
        if (blocks < 4) {
            throw bad("blocks", "at least 4 blocks for the block-averaged error", blocks);
        }
        if (stepsPerLabel < outputInterval) {
            throw bad("steps", "at least one output interval (" + outputInterval + " steps)", stepsPerLabel);
        }
        long kept = (long) Math.floor((stepsPerLabel / outputInterval) * (1 - equilibrationFraction));
        if (kept < 2L * blocks) {
            throw new OracleSetupException(PREFIX + "steps = " + stepsPerLabel + " with output-interval = "
                    + outputInterval + " keeps only " + kept + " frames after equilibration, fewer than 2 per block ("
                    + blocks + " blocks): raise steps or lower output-interval");
        }
        positive("box-nm", boxNm);
        positive("cutoff-nm", cutoffNm);
        if (cutoffNm > boxNm / 2) {
            throw bad("cutoff-nm", "at most half the box edge (" + boxNm / 2 + " nm)", cutoffNm);
        }
        positive("kappa", kappa);
        positive("error-threshold", errorThreshold);
        if (threads < 1) {
            throw bad("threads", "a positive number", threads);
        }
        positive("pre-pull-rate", prePullRate);
        positive("pre-pull-threshold", prePullThreshold);
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw bad("timeout-s", "a positive number of seconds", timeout);
        }
    }

    /**
     * Defaults: {@code gmx}, amber99sb-ildn, 300 K, sd, 0.002 ps, 50 000 steps (100 ps), 3 nm box,
     * 1.4 nm cut-offs, κ = 500 kJ/mol/rad², a frame every 50 steps (0.1 ps), 10 % equilibration,
     * 10 blocks, error threshold 5 kJ/mol/rad, 1 thread, seed 1, pre-pull at 1 rad/ps beyond 0.2 rad,
     * 600 s per command, failed work directories kept.
     *
     * @return the default settings
     */
    public static GromacsSettings defaults() {
        return new GromacsSettings("gmx", "amber99sb-ildn", 300, "sd", 0.002, 50_000, 3.0, 1.4, 500, 50, 0.1, 10,
                5.0, 1, 1, 1.0, 0.2, Duration.ofSeconds(600), true);
    }

    /**
     * Reads settings from flat keys (a flattened HOCON config or system properties); absent keys keep
     * {@link #defaults()}.
     *
     * @param map    the keys and values
     * @param prefix key prefix, e.g. {@link #PREFIX}
     * @return the validated settings
     * @throws OracleSetupException naming the key of a bad value
     */
    public static GromacsSettings fromMap(Map<String, String> map, String prefix) {
        try {
            return read(map, prefix);
        } catch (OracleSetupException e) {
            // messages name keys under PREFIX: name them under the prefix the caller reads from
            throw prefix.equals(PREFIX) ? e : new OracleSetupException(e.getMessage().replace(PREFIX, prefix), e);
        }
    }

    private static GromacsSettings read(Map<String, String> map, String prefix) {
        GromacsSettings d = defaults();
        Function<String, String> get = k -> {
            String v = map.get(prefix + k);
            return v == null ? null : v.trim();
        };
        return new GromacsSettings(
                text(get, "binary", d.gmxBinary), text(get, "force-field", d.forceField),
                number(get, "temperature-k", d.temperatureK), text(get, "integrator", d.integrator),
                number(get, "dt-ps", d.timeStepPs), integer(get, "steps", d.stepsPerLabel),
                number(get, "box-nm", d.boxNm), number(get, "cutoff-nm", d.cutoffNm),
                number(get, "kappa", d.kappa), integer(get, "output-interval", d.outputInterval),
                number(get, "equilibration-fraction", d.equilibrationFraction), integer(get, "blocks", d.blocks),
                number(get, "error-threshold", d.errorThreshold), integer(get, "threads", d.threads),
                (long) number(get, "seed", d.seed), number(get, "pre-pull-rate", d.prePullRate),
                number(get, "pre-pull-threshold", d.prePullThreshold),
                Duration.ofMillis(Math.round(1000 * number(get, "timeout-s", d.timeout.toMillis() / 1000.0))),
                bool(get, "keep-failed-work-dirs", d.keepFailedWorkDirs));
    }

    /** @return these settings with another restraint force constant κ (kJ/mol/rad²). */
    public GromacsSettings withKappa(double k) {
        return new GromacsSettings(gmxBinary, forceField, temperatureK, integrator, timeStepPs, stepsPerLabel, boxNm,
                cutoffNm, k, outputInterval, equilibrationFraction, blocks, errorThreshold, threads, seed, prePullRate,
                prePullThreshold, timeout, keepFailedWorkDirs);
    }

    /** @return these settings with another number of production steps per label. */
    public GromacsSettings withSteps(int steps) {
        return new GromacsSettings(gmxBinary, forceField, temperatureK, integrator, timeStepPs, steps, boxNm,
                cutoffNm, kappa, outputInterval, equilibrationFraction, blocks, errorThreshold, threads, seed,
                prePullRate, prePullThreshold, timeout, keepFailedWorkDirs);
    }

    /** @return these settings with another error threshold (kJ/mol/rad). */
    public GromacsSettings withErrorThreshold(double threshold) {
        return new GromacsSettings(gmxBinary, forceField, temperatureK, integrator, timeStepPs, stepsPerLabel, boxNm,
                cutoffNm, kappa, outputInterval, equilibrationFraction, blocks, threshold, threads, seed,
                prePullRate, prePullThreshold, timeout, keepFailedWorkDirs);
    }

    /** @return these settings with another base seed. */
    public GromacsSettings withSeed(long newSeed) {
        return new GromacsSettings(gmxBinary, forceField, temperatureK, integrator, timeStepPs, stepsPerLabel, boxNm,
                cutoffNm, kappa, outputInterval, equilibrationFraction, blocks, errorThreshold, threads, newSeed,
                prePullRate, prePullThreshold, timeout, keepFailedWorkDirs);
    }

    /** @return these settings with another {@code gmx} executable. */
    public GromacsSettings withBinary(String binary) {
        return new GromacsSettings(binary, forceField, temperatureK, integrator, timeStepPs, stepsPerLabel, boxNm,
                cutoffNm, kappa, outputInterval, equilibrationFraction, blocks, errorThreshold, threads, seed,
                prePullRate, prePullThreshold, timeout, keepFailedWorkDirs);
    }

    /** @return k_B·T in kJ/mol (k_B = 0.0083144626 kJ/mol/K). */
    public double kT() {
        return 0.0083144626181532 * temperatureK;
    }

    /**
     * @return the settings that determine a label's value, in canonical {@code key=value} form (the
     * binary, timeout, threads and work-directory policy are left out: they do not change the physics)
     */
    public String canonical() {
        return String.format(Locale.ROOT, "gromacs ala2 ff=%s T=%sK integrator=%s dt=%sps steps=%d box=%snm "
                        + "cutoff=%snm kappa=%skJ/mol/rad2 interval=%d equilibration=%s blocks=%d threshold=%skJ/mol/rad",
                forceField, num(temperatureK), integrator, num(timeStepPs), stepsPerLabel, num(boxNm), num(cutoffNm),
                num(kappa), outputInterval, num(equilibrationFraction), blocks, num(errorThreshold));
    }

    /** @return the settings that determine the one-time system setup (topology, box, minimisation). */
    String setupFingerprint() {
        return String.format(Locale.ROOT, "ff=%s box=%s cutoff=%s", forceField, num(boxNm), num(cutoffNm));
    }

    private static String num(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    private static void positive(String key, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw bad(key, "a positive finite number", v);
        }
    }

    private static OracleSetupException bad(String key, String expected, Object got) {
        return new OracleSetupException(PREFIX + key + " must be " + expected + ", got '" + got + "'");
    }

    private static String text(Function<String, String> get, String key, String def) {
        String v = get.apply(key);
        return v == null ? def : v;
    }

    private static double number(Function<String, String> get, String key, double def) {
        String v = get.apply(key);
        if (v == null) {
            return def;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw bad(key, "a number", v);
        }
    }

    private static int integer(Function<String, String> get, String key, int def) {
        String v = get.apply(key);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw bad(key, "an integer", v);
        }
    }

    private static boolean bool(Function<String, String> get, String key, boolean def) {
        String v = get.apply(key);
        if (v == null) {
            return def;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw bad(key, "true or false", v);
        };
    }
}
