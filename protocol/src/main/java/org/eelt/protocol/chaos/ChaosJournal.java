package org.eelt.protocol.chaos;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The crash harness's view into a running campaign. Off unless the system property
 * {@value #PROPERTY} names a file; then every {@link #phase} marker and every {@link #ack} is
 * appended to it as one line ({@code <epoch-ms> phase <name>} / {@code <epoch-ms> ack <kind> <id>})
 * with one {@code write(2)} system call, so a process that kills this JVM with SIGKILL right after
 * reading a line knows the line's event happened (the kernel keeps written data when a process
 * dies; no fsync is needed unless the machine itself crashes).
 *
 * <p>Acknowledgements are written by the store writer <i>after</i> the store returned from the
 * write, so every acked label must be found after a resume. {@link #pause} sleeps
 * {@value #PAUSE_PROPERTY} ms (default 0) inside a multi-step write, widening the window in which a
 * kill lands in the middle of it.
 */
public final class ChaosJournal {
    /** System property naming the journal file. */
    public static final String PROPERTY = "eelt.chaos.journal";
    /** System property: milliseconds {@link #pause} sleeps. */
    public static final String PAUSE_PROPERTY = "eelt.chaos.pause-ms";

    private static final FileChannel CHANNEL = open();
    private static final long PAUSE_MS = Long.getLong(PAUSE_PROPERTY, 0L);

    private ChaosJournal() {
    }

    private static FileChannel open() {
        String f = System.getProperty(PROPERTY);
        if (f == null || f.isBlank()) {
            return null;
        }
        try {
            return FileChannel.open(Path.of(f), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the chaos journal " + f + " given by -D" + PROPERTY
                    + ": " + e.getMessage() + ". Give a writable file or drop the property", e);
        }
    }

    /** @return true when a journal is being written. */
    public static boolean enabled() {
        return CHANNEL != null;
    }

    /**
     * Marks that this process enters a phase.
     *
     * @param name {@code labeling}, {@code training}, {@code store-write} or {@code model-publish}
     */
    public static void phase(String name) {
        line("phase " + name);
    }

    /**
     * Records that something was durably stored.
     *
     * @param kind {@code label} (id = content hash hex) or {@code model} (id = model version)
     * @param id   what was stored
     */
    public static void ack(String kind, String id) {
        line("ack " + kind + " " + id);
    }

    /** Sleeps the configured pause (only when the journal is on). */
    public static void pause() {
        if (CHANNEL == null || PAUSE_MS <= 0) {
            return;
        }
        try {
            Thread.sleep(PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void line(String text) {
        if (CHANNEL == null) {
            return;
        }
        byte[] b = (System.currentTimeMillis() + " " + text + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (ChaosJournal.class) {
            try {
                ByteBuffer buf = ByteBuffer.wrap(b);
                while (buf.hasRemaining()) {
                    CHANNEL.write(buf);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot append to the chaos journal: " + e.getMessage(), e);
            }
        }
    }
}
