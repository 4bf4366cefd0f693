package org.eelt.labeler.external;

import org.eelt.labeler.oracle.OracleSetupException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The private directory of one external calculation, created under a root, and the helpers that
 * read what the program left there: whole files, and short excerpts (the last lines) to quote in
 * error messages.
 */
public final class WorkDirectory {
    private final Path dir;

    private WorkDirectory(Path dir) {
        this.dir = dir;
    }

    /**
     * @param root   the work root (created when missing)
     * @param prefix name prefix, e.g. {@code "xtb-"}
     * @return a fresh, empty directory under {@code root}
     * @throws OracleSetupException when the root cannot be created or written
     */
    public static WorkDirectory create(Path root, String prefix) {
        try {
            Files.createDirectories(root);
            return new WorkDirectory(Files.createTempDirectory(root, prefix));
        } catch (IOException e) {
            throw new OracleSetupException("cannot create a work directory under " + root + ": " + e
                    + ". Set eelt.oracles.work-root to a writable directory", e);
        }
    }

    /** @return the directory. */
    public Path path() {
        return dir;
    }

    /** @return {@code dir/name}. */
    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /** Writes a UTF-8 text file into the directory. */
    public Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name), e);
        }
    }

    /** @return the lines of a file, or an empty list when it does not exist. */
    public List<String> lines(String name) {
        return linesOf(dir.resolve(name));
    }

    /**
     * @param p a text file written by an external program (read as ISO-8859-1, so any bytes decode)
     * @return its lines, or an empty list when it does not exist
     * @throws UncheckedIOException when it exists but cannot be read
     */
    public static List<String> linesOf(Path p) {
        if (!Files.exists(p)) {
            return List.of();
        }
        try {
            return Files.readAllLines(p, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    /**
     * @param maxLines lines per file
     * @param names    files in the directory
     * @return the last {@code maxLines} non-blank lines of each existing, non-empty file, headed by its name
     */
    public String excerpt(int maxLines, String... names) {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            List<String> all = new ArrayList<>();
            for (String l : lines(name)) {
                if (!l.isBlank()) {
                    all.add(l.length() > 200 ? l.substring(0, 200) + " ..." : l);
                }
            }
            if (all.isEmpty()) {
                continue;
            }
            sb.append("[").append(name).append(", last ").append(Math.min(maxLines, all.size())).append(" lines]\n");
            for (String l : all.subList(Math.max(0, all.size() - maxLines), all.size())) {
                sb.append(l).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Removes the directory and its contents.
     *
     * @throws UncheckedIOException when a file cannot be removed
     */
    public void delete() {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove work directory " + dir, e);
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
