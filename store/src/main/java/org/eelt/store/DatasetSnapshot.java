package org.eelt.store;

/**
 * A fixed view of the dataset: the labels with insertion sequence below {@code sequenceBound}.
 * Labels are never overwritten or deleted and sequences are dense, so a snapshot stays valid
 * and identical forever, also after the store is closed and reopened: a trainer records the
 * bound as the id of the data it trained on, and {@link EeltStore#iterate(DatasetSnapshot)}
 * returns exactly the same labels later.
 *
 * @param sequenceBound the number of labels in the snapshot (sequences 0 … bound − 1)
 */
public record DatasetSnapshot(long sequenceBound) {
    /** Validates the bound. */
    public DatasetSnapshot {
        if (sequenceBound < 0) {
            throw new IllegalArgumentException("snapshot bound must be ≥ 0, got " + sequenceBound);
        }
    }

    /** @return the snapshot id (= its sequence bound). */
    public long id() {
        return sequenceBound;
    }

    /** @return the number of labels in the snapshot. */
    public long count() {
        return sequenceBound;
    }
}
