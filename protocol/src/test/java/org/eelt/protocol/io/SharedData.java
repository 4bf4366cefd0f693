package org.eelt.protocol.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared reference folder by walking up from the working directory to a {@code shared/DESIGN.md}. */
final class SharedData {
    private SharedData() {
    }

    /** @return the {@code shared} folder. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared");
            if (Files.isRegularFile(candidate.resolve("DESIGN.md"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no shared/DESIGN.md above " + Path.of("").toAbsolutePath());
    }

    /** @return the DeePMD-kit water example folder holding data_0..data_3. */
    static Path water() {
        return root().resolve("data/deepmd-water");
    }
}
