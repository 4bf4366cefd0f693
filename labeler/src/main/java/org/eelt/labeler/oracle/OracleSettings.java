package org.eelt.labeler.oracle;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Machine-side configuration of the oracles: where binaries and data live, where calculations
 * run, and for how long. This is deliberately separate from the SPEC (which says <i>what</i> to
 * compute and travels with a campaign): a SPEC never names a command line, so a campaign cannot
 * make a labeler node run an arbitrary program.
 *
 * <p>Keys (under {@code eelt.oracles}, see {@link #fromMap}): {@code work-root}, {@code timeout-s},
 * {@code keep-failed-work-dirs}, {@code keep-work-dirs}, {@code potentials-dir},
 * {@code lammps.binary}, {@code xtb.binary}, {@code cp2k.binary}, {@code cp2k.data-dir}.
 *
 * @param workRoot           directory under which each calculation gets its own work directory
 * @param timeout            wall-clock limit of one external calculation; the whole process tree is killed after it
 * @param keepFailedWorkDirs keep the work directory of a failed calculation (for inspection)
 * @param keepWorkDirs       keep every work directory, also after success
 * @param potentialsDir      where relative potential file names ({@code eam:Cu_u3.eam}) are looked up
 * @param lammpsBinary       LAMMPS executable (name on PATH or path), Debian package {@code lammps}
 * @param xtbBinary          xtb executable, Debian package {@code xtb}
 * @param cp2kBinary         CP2K executable; when the name is {@code cp2k} and absent, {@code cp2k.psmp},
 *                           {@code cp2k.ssmp}, {@code cp2k.popt}, {@code cp2k.sopt} are tried; Debian package {@code cp2k}
 * @param cp2kDataDir        directory holding {@code BASIS_MOLOPT} and {@code GTH_POTENTIALS} (Debian package {@code cp2k-data})
 */
public record OracleSettings(Path workRoot, Duration timeout, boolean keepFailedWorkDirs, boolean keepWorkDirs,
                             Path potentialsDir, String lammpsBinary, String xtbBinary, String cp2kBinary,
                             Path cp2kDataDir) {
    /** Key prefix of all settings. */
    public static final String PREFIX = "eelt.oracles.";

    /** Validates the fields. */
    public OracleSettings {
        Objects.requireNonNull(workRoot, "workRoot");
        Objects.requireNonNull(potentialsDir, "potentialsDir");
        Objects.requireNonNull(cp2kDataDir, "cp2kDataDir");
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new OracleSetupException(PREFIX + "timeout-s must be positive, got " + timeout);
        }
        for (String b : new String[] {lammpsBinary, xtbBinary, cp2kBinary}) {
            if (b == null || b.isBlank() || b.contains(" ")) {
                throw new OracleSetupException(PREFIX + "*.binary must be one executable name or path (no arguments), got '"
                        + b + "'");
            }
        }
    }

    /**
     * Defaults: work root {@code $TMPDIR/eelt-oracles}, timeout 3600 s, keep failed work directories,
     * potentials in {@code /usr/share/lammps/potentials}, binaries {@code lmp}, {@code xtb}, {@code cp2k},
     * CP2K data in {@code /usr/share/cp2k} (Debian's locations).
     *
     * @return the default settings
     */
    public static OracleSettings defaults() {
        return new OracleSettings(Path.of(System.getProperty("java.io.tmpdir"), "eelt-oracles"), Duration.ofHours(1),
                true, false, Path.of("/usr/share/lammps/potentials"), "lmp", "xtb", "cp2k", Path.of("/usr/share/cp2k"));
    }

    /**
     * Reads settings from flat keys (e.g. a flattened HOCON config or system properties); absent keys
     * take {@link #defaults()}.
     *
     * @param map keys such as {@code eelt.oracles.timeout-s}
     * @return the settings
     * @throws OracleSetupException naming the key of a bad value
     */
    public static OracleSettings fromMap(Map<String, String> map) {
        OracleSettings d = defaults();
        Function<String, String> get = k -> map.get(PREFIX + k);
        return new OracleSettings(
                path(get, "work-root", d.workRoot),
                Duration.ofMillis(Math.round(1000 * number(get, "timeout-s", d.timeout.toMillis() / 1000.0))),
                bool(get, "keep-failed-work-dirs", d.keepFailedWorkDirs),
                bool(get, "keep-work-dirs", d.keepWorkDirs),
                path(get, "potentials-dir", d.potentialsDir),
                text(get, "lammps.binary", d.lammpsBinary),
                text(get, "xtb.binary", d.xtbBinary),
                text(get, "cp2k.binary", d.cp2kBinary),
                path(get, "cp2k.data-dir", d.cp2kDataDir));
    }

    private static String text(Function<String, String> get, String key, String def) {
        String v = get.apply(key);
        return v == null ? def : v.trim();
    }

    private static Path path(Function<String, String> get, String key, Path def) {
        String v = get.apply(key);
        return v == null ? def : Path.of(v.trim());
    }

    private static double number(Function<String, String> get, String key, double def) {
        String v = get.apply(key);
        if (v == null) {
            return def;
        }
        try {
            double x = Double.parseDouble(v.trim());
            if (!(x > 0) || Double.isInfinite(x)) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw new OracleSetupException(PREFIX + key + " must be a positive number of seconds, got '" + v + "'");
        }
    }

    private static boolean bool(Function<String, String> get, String key, boolean def) {
        String v = get.apply(key);
        if (v == null) {
            return def;
        }
        return switch (v.trim().toLowerCase()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new OracleSetupException(PREFIX + key + " must be true or false, got '" + v + "'");
        };
    }

    /** @return these settings with another work root (e.g. one per labeler worker). */
    public OracleSettings withWorkRoot(Path root) {
        return new OracleSettings(root, timeout, keepFailedWorkDirs, keepWorkDirs, potentialsDir, lammpsBinary,
                xtbBinary, cp2kBinary, cp2kDataDir);
    }

    /** @return these settings with another timeout. */
    public OracleSettings withTimeout(Duration t) {
        return new OracleSettings(workRoot, t, keepFailedWorkDirs, keepWorkDirs, potentialsDir, lammpsBinary,
                xtbBinary, cp2kBinary, cp2kDataDir);
    }

    /** @return these settings with other binaries (names on PATH or paths). */
    public OracleSettings withBinaries(String lammps, String xtb, String cp2k) {
        return new OracleSettings(workRoot, timeout, keepFailedWorkDirs, keepWorkDirs, potentialsDir, lammps, xtb,
                cp2k, cp2kDataDir);
    }

    /** @return these settings with other work-directory retention. */
    public OracleSettings withKeep(boolean keepFailed, boolean keepAll) {
        return new OracleSettings(workRoot, timeout, keepFailed, keepAll, potentialsDir, lammpsBinary, xtbBinary,
                cp2kBinary, cp2kDataDir);
    }
}
