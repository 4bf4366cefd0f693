package org.eelt.store;

import java.nio.file.Path;

/**
 * A failure of the {@link EeltStore}: a wrapped {@code RocksDBException}, an I/O problem, a
 * store that cannot be opened (locked, read-only, newer schema) or a corrupt record. The
 * message names the store directory and, where there is one, the key involved, and says how
 * to fix the problem when that is known.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path store;
    private final String key;

    /**
     * @param store   the store directory
     * @param key     the key (or key range) involved, or null
     * @param problem what went wrong, and how to fix it when known
     * @param cause   the underlying exception, or null
     */
    public StoreException(Path store, String key, String problem, Throwable cause) {
        super(format(store, key, problem, cause), cause);
        this.store = store;
        this.key = key;
    }

    /** Same as {@link #StoreException(Path, String, String, Throwable)} without a cause. */
    public StoreException(Path store, String key, String problem) {
        this(store, key, problem, null);
    }

    private static String format(Path store, String key, String problem, Throwable cause) {
        StringBuilder sb = new StringBuilder("store ").append(store);
        if (key != null) {
            sb.append(", key ").append(key);
        }
        sb.append(": ").append(problem);
        if (cause != null && cause.getMessage() != null && !problem.contains(cause.getMessage())) {
            sb.append(" (cause: ").append(cause.getMessage()).append(')');
        }
        return sb.toString();
    }

    /** @return the store directory. */
    public Path store() {
        return store;
    }

    /** @return the key involved, or null. */
    public String key() {
        return key;
    }
}
