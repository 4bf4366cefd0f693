package org.eelt.store;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazy iteration over a range of insertion sequences, loading labels in chunks (two RocksDB
 * multi-gets per chunk). Holds no native resource, so it needs no closing; it fails with
 * {@link StoreException} if the store is closed while it is in use.
 */
public final class LabelIterator implements Iterator<StoredLabel> {
    /** Loads {@code n} labels starting at sequence {@code from}. */
    @FunctionalInterface
    interface ChunkLoader {
        List<StoredLabel> load(long from, int n);
    }

    private final ChunkLoader loader;
    private final long end;
    private final int chunk;
    private long next;
    private List<StoredLabel> buffer = List.of();
    private int pos;

    LabelIterator(ChunkLoader loader, long from, long end, int chunk) {
        this.loader = loader;
        this.next = from;
        this.end = end;
        this.chunk = chunk;
    }

    @Override
    public boolean hasNext() {
        return pos < buffer.size() || next < end;
    }

    @Override
    public StoredLabel next() {
        if (pos == buffer.size()) {
            if (next >= end) {
                throw new NoSuchElementException("no label at sequence " + next + " (bound " + end + ")");
            }
            int n = (int) Math.min(chunk, end - next);
            buffer = loader.load(next, n);
            pos = 0;
            next += n;
        }
        return buffer.get(pos++);
    }

    /** @return the remaining labels as a sequential stream. */
    public Stream<StoredLabel> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
