package org.eelt.store;

import java.nio.file.Path;

/**
 * A write that contradicts what the store already holds, such as a model version that is not
 * above the latest stored version. Nothing was written.
 */
public final class StoreConflictException extends StoreException {
    private static final long serialVersionUID = 1L;

    /**
     * @param store   the store directory
     * @param key     the conflicting key
     * @param problem what conflicts, and how to resolve it
     */
    public StoreConflictException(Path store, String key, String problem) {
        super(store, key, problem);
    }
}
