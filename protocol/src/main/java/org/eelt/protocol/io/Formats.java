package org.eelt.protocol.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.eelt.protocol.atoms.Frame;

/**
 * One entry point for all structure formats: detection by path ({@link FileFormat#detect}),
 * reading, atomic writing and a summary.
 *
 * <p>Writes are atomic: the output (file or deepmd directory) is first written to a hidden
 * temporary sibling {@code .<name>.tmp-<uuid>}, then moved into place with
 * {@link StandardCopyOption#ATOMIC_MOVE}. When writing fails, the temporary is deleted and the
 * target is untouched. An existing file target is replaced atomically; an existing directory
 * target is first renamed aside, then the new one moved in and the old one deleted (restored if
 * the move fails).
 */
public final class Formats {
    private Formats() {
    }

    /** Reads with the format detected from the path and default options. */
    public static List<Frame> read(Path path) throws IOException {
        return read(path, null, FormatOptions.defaults());
    }

    /**
     * @param format a format name for {@link FileFormat#of}, or null to detect it from the path
     * @param options LAMMPS type names and periodic flags (other options are ignored on read)
     */
    public static List<Frame> read(Path path, String format, FormatOptions options) throws IOException {
        FileFormat f = format == null ? FileFormat.detect(path) : FileFormat.of(format);
        if (!Files.exists(path)) {
            throw new java.nio.file.NoSuchFileException(path.toString(), null, "no such " + f.id() + " input");
        }
        try {
            return switch (f) {
                case EXTXYZ -> ExtXyz.read(path);
                case DEEPMD -> Files.isRegularFile(path.resolve("type.raw")) ? DeepmdNpy.read(path) : DeepmdNpy.readAll(path);
                case LAMMPS_DATA -> LammpsData.read(path, options.typeMap(), options.lammpsPbc());
            };
        } catch (java.nio.charset.CharacterCodingException e) {
            // found by fuzzing: bytes that are not UTF-8 surfaced as "MalformedInputException: Input length = 1"
            throw new FormatException(path.toString(), "", "the " + f.id() + " input is not UTF-8 text ("
                    + e.getClass().getSimpleName() + ")", "save it as UTF-8 or ASCII text");
        }
    }

    /** @return the summary of a file or deepmd directory (format detected from the path). */
    public static FormatInfo info(Path path) throws IOException {
        return info(path, null, FormatOptions.defaults());
    }

    /** @return the summary of a file or deepmd directory read with {@link #read(Path, String, FormatOptions)}. */
    public static FormatInfo info(Path path, String format, FormatOptions options) throws IOException {
        FileFormat f = format == null ? FileFormat.detect(path) : FileFormat.of(format);
        List<Frame> frames = read(path, f.id(), options);
        if (frames.isEmpty()) {
            throw new FormatException(path.toString(), "", "no frames", "the file holds no structure");
        }
        return FormatInfo.of(f, frames);
    }

    /**
     * Writes frames atomically (see the class documentation).
     *
     * @param format  a format name for {@link FileFormat#of}, or null to detect it from the target's name
     * @param options type map, set size, extxyz info, LAMMPS margin
     * @throws IllegalArgumentException when the frames do not fit the format (e.g. several frames
     *                                  for a LAMMPS data file); nothing is written then
     */
    public static void write(Path target, List<Frame> frames, String format, FormatOptions options) throws IOException {
        FileFormat f = format == null ? FileFormat.detect(target) : FileFormat.of(format);
        FormatOptions o = options == null ? FormatOptions.defaults() : options;
        Path abs = target.toAbsolutePath();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + abs.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            writeDirect(tmp, frames, f, o);
            moveIntoPlace(tmp, abs);
        } finally {
            deleteRecursively(tmp);
        }
    }

    private static void writeDirect(Path out, List<Frame> frames, FileFormat f, FormatOptions o) throws IOException {
        switch (f) {
            case EXTXYZ -> {
                if (o.info() != null && o.info().size() != frames.size()) {
                    throw new IllegalArgumentException("extxyz info has " + o.info().size() + " entries for "
                            + frames.size() + " frames: give one map per frame");
                }
                List<ExtXyzFrame> xf = new ArrayList<>();
                for (int i = 0; i < frames.size(); i++) {
                    xf.add(new ExtXyzFrame(frames.get(i), o.info() == null ? Map.of() : o.info().get(i)));
                }
                ExtXyz.writeWithInfo(out, xf);
            }
            case DEEPMD -> DeepmdNpy.write(out, frames, o.typeMap(), o.setSize());
            case LAMMPS_DATA -> {
                if (frames.size() != 1) {
                    throw new IllegalArgumentException("a LAMMPS data file holds one structure, got " + frames.size()
                            + " frames: write them one file at a time or use extxyz");
                }
                try (var w = Files.newBufferedWriter(out)) {
                    LammpsData.write(w, frames.get(0).structure(), o.typeMap(), o.margin());
                }
            }
        }
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        if (Files.isDirectory(target) && !Files.isDirectory(tmp)) {
            throw new FileAlreadyExistsException(target.toString(), null, "a directory is in the way of the output file");
        }
        if (Files.isDirectory(target) && !Files.isSymbolicLink(target)) {
            Path old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                throw e;
            }
            deleteRecursively(old);
            return;
        }
        if (Files.isDirectory(tmp) && Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "a file is in the way of the deepmd directory");
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot move " + tmp + " atomically onto " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(q -> {
                try {
                    Files.deleteIfExists(q);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
