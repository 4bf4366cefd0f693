package org.eelt.deploy.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reader of the journal a child campaign writes through {@link org.eelt.protocol.chaos.ChaosJournal}:
 * {@code <epoch-ms> phase <name>} and {@code <epoch-ms> ack label <hash>} / {@code ack model <version>}
 * lines. Reads incrementally from a byte offset, so the harness can follow a growing file; a
 * trailing line without its newline (written while being read) is left for the next read.
 */
final class AckJournal {
    private final Path file;
    private long offset;
    private final Set<String> ackedLabels = new LinkedHashSet<>();
    private final Set<Long> ackedModels = new LinkedHashSet<>();

    AckJournal(Path file) {
        this.file = file;
    }

    /** @return the phase names of the complete lines appended since the last call. */
    List<String> poll() throws IOException {
        List<String> phases = new ArrayList<>();
        if (!Files.exists(file)) {
            return phases;
        }
        byte[] all = Files.readAllBytes(file);
        int end = all.length;
        while (end > offset && all[end - 1] != '\n') {
            end--;
        }
        if (end <= offset) {
            return phases;
        }
        String text = new String(all, (int) offset, (int) (end - offset), StandardCharsets.UTF_8);
        offset = end;
        for (String line : text.split("\n")) {
            String[] t = line.trim().split(" ");
            if (t.length >= 3 && t[1].equals("phase")) {
                phases.add(t[2]);
            } else if (t.length >= 4 && t[1].equals("ack") && t[2].equals("label")) {
                ackedLabels.add(t[3]);
            } else if (t.length >= 4 && t[1].equals("ack") && t[2].equals("model")) {
                ackedModels.add(Long.parseLong(t[3]));
            }
        }
        return phases;
    }

    /** @return content hashes (hex) of every label acknowledged so far. */
    Set<String> ackedLabels() {
        return ackedLabels;
    }

    /** @return every model version acknowledged so far. */
    Set<Long> ackedModels() {
        return ackedModels;
    }
}
