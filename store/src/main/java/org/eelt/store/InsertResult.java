package org.eelt.store;

/**
 * The outcome of {@link EeltStore#putLabeled}: the label was stored, or a label with the same
 * content hash was already there and the new one was ignored.
 */
public sealed interface InsertResult permits InsertResult.Inserted, InsertResult.AlreadyPresent {
    /** @return the content hash of the label. */
    ContentHash hash();

    /** @return the insertion sequence of the stored label (the new one, or the one already present). */
    long sequence();

    /** @return true for {@link Inserted}. */
    default boolean inserted() {
        return this instanceof Inserted;
    }

    /**
     * The label was stored (and, with sync writes, is on disk).
     *
     * @param hash     its content hash
     * @param sequence its insertion sequence (0, 1, 2, …)
     */
    record Inserted(ContentHash hash, long sequence) implements InsertResult {
    }

    /**
     * A label with this content hash was already stored; nothing was written.
     *
     * @param hash     the content hash
     * @param sequence the insertion sequence of the label already stored
     */
    record AlreadyPresent(ContentHash hash, long sequence) implements InsertResult {
    }
}
