package org.eelt.trainer;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared reference folder by walking up from the working directory. */
public final class SharedData {
    private SharedData() {
    }

    /** @return the {@code shared} directory (the one holding DESIGN.md) */
    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path c = p.resolve("shared");
            if (Files.isRegularFile(c.resolve("DESIGN.md"))) {
                return c;
            }
            if (Files.isRegularFile(p.resolve("DESIGN.md")) && p.getFileName().toString().equals("shared")) {
                return p;
            }
            Path sib = p.resolveSibling("shared");
            if (Files.isRegularFile(sib.resolve("DESIGN.md"))) {
                return sib;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("shared/DESIGN.md not found above " + Path.of("").toAbsolutePath());
    }

    /** @return the water system data_k. */
    public static Path water(int k) {
        return root().resolve("data/deepmd-water/data_" + k);
    }
}
