package org.eelt.potential.dp;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared reference-data folder by walking up until {@code shared/DESIGN.md} exists. */
final class SharedData {
    private SharedData() {
    }

    static Path dir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isRegularFile(p.resolve("shared/DESIGN.md"))) {
                return p.resolve("shared");
            }
            p = p.getParent();
        }
        throw new IllegalStateException("shared/DESIGN.md not found above " + Path.of("").toAbsolutePath());
    }

    static Path file(String relative) {
        return dir().resolve(relative);
    }
}
