package org.eelt.store;

/**
 * Settings of an {@link EeltStore}.
 *
 * @param sync           whether every write waits for the write-ahead log to reach the disk
 *                       ({@code fsync}). With {@code true} (the default) an acknowledged label
 *                       survives a power loss; with {@code false} it survives a process crash
 *                       (SIGKILL) but the last writes may be lost on power loss or kernel panic,
 *                       in exchange for roughly 10–30× more writes per second
 * @param hashResolution rounding resolution δ of content hashes in Å (default 10⁻⁶). It is
 *                       recorded when a store is created; opening with another value is refused,
 *                       because equal structures would then get different hashes
 */
public record StoreSettings(boolean sync, double hashResolution) {
    /** Validates the resolution. */
    public StoreSettings {
        new Quantizer(hashResolution);
    }

    /** @return sync writes, δ = 10⁻⁶ Å. */
    public static StoreSettings defaults() {
        return new StoreSettings(true, ContentHasher.DEFAULT_RESOLUTION);
    }

    /** @return a copy with this sync flag. */
    public StoreSettings withSync(boolean s) {
        return new StoreSettings(s, hashResolution);
    }

    /** @return a copy with this hash resolution (Å). */
    public StoreSettings withHashResolution(double delta) {
        return new StoreSettings(sync, delta);
    }
}
