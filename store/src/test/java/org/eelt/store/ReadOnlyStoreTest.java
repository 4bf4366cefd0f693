package org.eelt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eelt.protocol.atoms.LabeledFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store directory that cannot be written gives a clear {@link StoreException}, not a crash,
 * and the store is intact once write access is back. Works as a normal user (chmod) and as
 * root, who ignores permission bits (then {@code chattr +i} makes the directory immutable).
 */
@SuppressWarnings("try")
class ReadOnlyStoreTest {
    @TempDir
    Path dir;

    @Test
    void readOnlyExistingStoreFailsClearlyAndIsNotCorrupted() throws Exception {
        Path storeDir = dir.resolve("store");
        List<LabeledFrame> frames = TestData.clusters(5, 3);
        try (EeltStore store = EeltStore.open(storeDir)) {
            store.putLabeledAll(frames);
            store.putLong("round", 4);
        }
        try (ReadOnly ro = ReadOnly.make(storeDir)) {
            var e = assertThrows(StoreException.class, () -> EeltStore.open(storeDir));
            assertTrue(e.getMessage().contains(storeDir.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("not writable") || e.getMessage().contains("cannot open"), e.getMessage());
        }
        try (EeltStore store = EeltStore.open(storeDir)) {
            assertEquals(5, store.count());
            assertEquals(4, store.getLong("round").orElseThrow());
            for (LabeledFrame f : frames) {
                assertEquals(f.frame(), store.get(store.hashOf(f)).orElseThrow().label().frame());
            }
            assertTrue(store.putLabeled(TestData.cluster(77, 3, "s")).inserted());
        }
    }

    @Test
    void readOnlyOpenWorksOnAReadOnlyDirectoryAndNextToAWriter() throws Exception {
        Path storeDir = dir.resolve("store");
        List<LabeledFrame> frames = TestData.clusters(4, 3);
        try (EeltStore writer = EeltStore.open(storeDir)) {
            writer.putLabeledAll(frames);
            try (EeltStore reader = EeltStore.openReadOnly(storeDir)) {
                assertTrue(reader.isReadOnly());
                assertEquals(4, reader.count());
                assertEquals(frames.get(2).frame(), reader.get(reader.hashOf(frames.get(2))).orElseThrow().label().frame());
                var e = assertThrows(StoreException.class, () -> reader.putLabeled(TestData.cluster(9, 3, "s")));
                assertTrue(e.getMessage().contains("read-only"), e.getMessage());
                assertThrows(StoreException.class, () -> reader.putLong("k", 1));
            }
        }
        try (ReadOnly ro = ReadOnly.make(storeDir); EeltStore reader = EeltStore.openReadOnly(storeDir)) {
            assertEquals(4, reader.export(reader.snapshot()).size());
        }
        var none = assertThrows(StoreException.class, () -> EeltStore.openReadOnly(dir.resolve("nothing")));
        assertTrue(none.getMessage().contains("no store here"), none.getMessage());
    }

    @Test
    void newStoreUnderAReadOnlyParentFailsClearly() throws Exception {
        Path parent = dir.resolve("parent");
        Files.createDirectories(parent);
        try (ReadOnly ro = ReadOnly.make(parent)) {
            var e = assertThrows(StoreException.class, () -> EeltStore.open(parent.resolve("new-store")));
            assertTrue(e.getMessage().contains("new-store") && e.getMessage().contains("writable"), e.getMessage());
        }
    }

    /** Makes a directory unwritable for this process and restores it on close. */
    static final class ReadOnly implements AutoCloseable {
        private final Path dir;
        private final boolean chattr;

        private ReadOnly(Path dir, boolean chattr) {
            this.dir = dir;
            this.chattr = chattr;
        }

        static ReadOnly make(Path dir) throws Exception {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
            if (!canCreate(dir)) {
                return new ReadOnly(dir, false);
            }
            // root: permission bits do not apply; try the immutable attribute
            boolean ok = run("chattr", "+i", dir.toString()) && !canCreate(dir);
            if (!ok) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                run("chattr", "-i", dir.toString());
            }
            assumeTrue(ok, "cannot make a directory read-only here (root without chattr)");
            return new ReadOnly(dir, true);
        }

        private static boolean canCreate(Path dir) {
            try {
                Files.delete(Files.createTempFile(dir, "probe", ""));
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static boolean run(String... cmd) {
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            if (chattr) {
                run("chattr", "-i", dir.toString());
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
