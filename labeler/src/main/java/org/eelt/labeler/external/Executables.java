package org.eelt.labeler.external;

import org.eelt.labeler.oracle.OracleSetupException;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the executables of external codes: a configured path, or a name looked up on {@code PATH}.
 * A missing executable is an {@link OracleSetupException} that names the Debian package to install
 * and the setting to change.
 */
public final class Executables {
    private Executables() {
    }

    /**
     * @param configured    a path (contains {@code /}) or a name looked up on PATH
     * @param debianPackage the Debian package that provides it, for the error message
     * @param settingKey    the configuration key that sets it, for the error message
     * @param alternatives  further names tried on PATH when {@code configured} is not found
     * @return the absolute path of an existing executable file
     * @throws OracleSetupException when none is found
     */
    public static Path resolve(String configured, String debianPackage, String settingKey, String... alternatives) {
        List<String> tried = new ArrayList<>();
        List<String> names = new ArrayList<>();
        names.add(configured);
        names.addAll(List.of(alternatives));
        for (String name : names) {
            if (name.contains("/")) {
                Path p = Path.of(name).toAbsolutePath();
                tried.add(p.toString());
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
                continue;
            }
            String path = System.getenv().getOrDefault("PATH", "");
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p.toAbsolutePath();
                }
            }
            tried.add(name + " (on PATH)");
        }
        throw new OracleSetupException("executable not found: tried " + String.join(", ", tried)
                + ". Install the Debian package '" + debianPackage + "' (apt-get install " + debianPackage
                + ") or set " + settingKey + " to the executable's path");
    }

    /** @return true when {@code name} is an executable on PATH (for tests that need a code). */
    public static boolean onPath(String name) {
        try {
            resolve(name, "?", "?");
            return true;
        } catch (OracleSetupException e) {
            return false;
        }
    }
}
