package org.eelt.protocol.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.eelt.protocol.atoms.Frame;

/**
 * Coverage-guided fuzzing (Jazzer) of the file readers through their public file entry points:
 * extxyz, LAMMPS data, {@code .npy} bytes, and deepmd/npy system directories (type.raw,
 * type_map.raw, set.000/coord.npy, box.npy, energy.npy, force.npy). The property: every input
 * ends in frames or a {@link FormatException} with a message; any other exception is a finding.
 * In {@code mvn test} these run on the seed corpus under {@code ParserFuzzTestInputs/<method>/}
 * (regression mode); {@code JAZZER_FUZZ=1} fuzzes one method (see docs/RELIABILITY.md).
 */
class ParserFuzzTest {
    private static Path scratch() {
        try {
            return Files.createTempDirectory("eelt-fuzz-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads with the public entry point; a FormatException with a message is the documented outcome. */
    private static void readExpectingFramesOrFormatError(Path path, String format, FormatOptions opts) {
        try {
            List<Frame> frames = Formats.read(path, format, opts);
            assertNotNull(frames);
            for (Frame f : frames) {
                assertNotNull(f.structure());
            }
        } catch (FormatException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a format error says what is wrong");
        } catch (IOException e) {
            throw new AssertionError("I/O error instead of a FormatException for malformed content: " + e, e);
        }
    }

    private static void fileCase(byte[] data, String fileName, String format, FormatOptions opts) {
        Path dir = scratch();
        try {
            Path f = dir.resolve(fileName);
            Files.write(f, data);
            readExpectingFramesOrFormatError(f, format, opts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void extxyz(byte[] data) {
        fileCase(data, "in.extxyz", "extxyz", FormatOptions.defaults());
    }

    @FuzzTest(maxDuration = "10s")
    void lammpsData(FuzzedDataProvider in) {
        boolean typed = in.consumeBoolean();
        FormatOptions opts = typed ? FormatOptions.defaults().withTypeMap(List.of("Cu", "Al")) : FormatOptions.defaults();
        fileCase(in.consumeRemainingAsBytes(), "in.data", "lammps-data", opts);
    }

    @FuzzTest(maxDuration = "10s")
    void npy(byte[] data) {
        try {
            NpyArray a = Npy.parse(data, "fuzz.npy");
            assertNotNull(a);
        } catch (FormatException e) {
            assertFalse(e.getMessage().isBlank());
        }
    }

    @FuzzTest(maxDuration = "10s")
    void deepmdSystem(FuzzedDataProvider in) {
        Path dir = scratch();
        try {
            Files.writeString(dir.resolve("type.raw"), in.consumeString(64));
            if (in.consumeBoolean()) {
                Files.writeString(dir.resolve("type_map.raw"), in.consumeString(32));
            }
            if (in.consumeBoolean()) {
                Files.writeString(dir.resolve("nopbc"), "");
            }
            Path set = Files.createDirectory(dir.resolve("set.000"));
            for (String name : new String[] {"coord.npy", "box.npy", "energy.npy", "force.npy"}) {
                if (in.remainingBytes() == 0) {
                    break;
                }
                Files.write(set.resolve(name), in.consumeBytes(in.consumeInt(0, 4096)));
            }
            readExpectingFramesOrFormatError(dir, "deepmd", FormatOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }
}
