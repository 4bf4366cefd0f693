package org.eelt.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A set of campaign-state changes applied atomically by {@link EeltStore#updateState}: either all
 * puts and deletes become visible (and durable) together, or none does. Build with the fluent
 * methods; later operations on the same key win.
 *
 * <p>Typed values use fixed encodings that {@link EeltStore#getLong} and
 * {@link EeltStore#getString} read back: a long is 8 bytes big-endian, a string is UTF-8.
 */
public final class StateUpdate {
    /** Longest accepted key, in UTF-8 bytes. */
    public static final int MAX_KEY_BYTES = 1024;

    /**
     * One change.
     *
     * @param key   the state key
     * @param value the new value, or null for a delete
     */
    public record Op(String key, byte[] value) {
    }

    private final List<Op> ops = new ArrayList<>();

    /** @return an empty update. */
    public static StateUpdate create() {
        return new StateUpdate();
    }

    /** Sets {@code key} to a copy of {@code value}. */
    public StateUpdate put(String key, byte[] value) {
        checkKey(key);
        if (value == null) {
            throw new IllegalArgumentException("campaign state '" + key + "': value is null; use delete(key) to remove it");
        }
        ops.add(new Op(key, value.clone()));
        return this;
    }

    /** Sets {@code key} to a long (8 bytes big-endian). */
    public StateUpdate putLong(String key, long value) {
        return put(key, ByteBuffer.allocate(8).putLong(value).array());
    }

    /** Sets {@code key} to a string (UTF-8). */
    public StateUpdate putString(String key, String value) {
        if (value == null) {
            throw new IllegalArgumentException("campaign state '" + key + "': value is null; use delete(key) to remove it");
        }
        return put(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Removes {@code key} (no effect when absent). */
    public StateUpdate delete(String key) {
        checkKey(key);
        ops.add(new Op(key, null));
        return this;
    }

    /** @return the operations in order. */
    public List<Op> ops() {
        return Collections.unmodifiableList(ops);
    }

    /** @return whether there are no operations. */
    public boolean isEmpty() {
        return ops.isEmpty();
    }

    static void checkKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("campaign state key must be a non-blank string, got "
                    + (key == null ? "null" : "'" + key + "'"));
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("campaign state key is longer than " + MAX_KEY_BYTES + " bytes: '"
                    + key.substring(0, 40) + "…'");
        }
    }
}
