package org.eelt.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The one accessor of the RocksDB instance behind an {@link EeltStore}: it opens the database
 * with all column families ({@link Column}), checks the schema version, runs every native call
 * under a lifecycle guard (so that no call can reach a closed database, which would crash the
 * JVM) and wraps {@link RocksDBException} in {@link StoreException} naming the store and key.
 *
 * <p>{@link #close()} is idempotent and releases native resources in this order: column-family
 * handles, then the database, then the write, column-family and database options.
 */
final class StoreDb implements AutoCloseable {
    /** A native call that may throw {@link RocksDBException}. */
    @FunctionalInterface
    interface RocksCall<T> {
        T call() throws RocksDBException;
    }

    private static final long MODEL_BLOB_MIN_BYTES = 64 * 1024;

    private final Path path;
    private final boolean sync;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final ColumnFamilyOptions blobOptions;
    private final WriteOptions writeOptions;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> allHandles;
    private final EnumMap<Column, ColumnFamilyHandle> handles = new EnumMap<>(Column.class);
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final int schemaVersion;
    private final boolean readOnly;
    private boolean closed;

    private StoreDb(Path path, StoreSettings settings, boolean readOnly) {
        this.path = path;
        this.readOnly = readOnly;
        this.sync = settings.sync();
        loadLibrary(path);
        this.dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setMaxBackgroundJobs(2).setKeepLogFileNum(3).setInfoLogLevel(InfoLogLevel.WARN_LEVEL);
        this.cfOptions = new ColumnFamilyOptions();
        this.blobOptions = new ColumnFamilyOptions().setEnableBlobFiles(true).setMinBlobSize(MODEL_BLOB_MIN_BYTES);
        this.writeOptions = new WriteOptions().setSync(sync);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (Column c : Column.values()) {
            descriptors.add(new ColumnFamilyDescriptor(c.nameBytes(), c == Column.MODELS ? blobOptions : cfOptions));
        }
        List<ColumnFamilyHandle> opened = new ArrayList<>();
        List<Column> absent = new ArrayList<>();
        RocksDB rdb;
        try {
            List<byte[]> existing = existingFamilies(path);
            for (byte[] name : existing) {
                if (descriptors.stream().noneMatch(d -> Arrays.equals(d.getName(), name))) {
                    descriptors.add(new ColumnFamilyDescriptor(name, cfOptions));
                }
            }
            if (readOnly) { // a read-only open cannot create the families an older schema lacks
                for (Column c : Column.values()) {
                    if (existing.stream().noneMatch(n -> Arrays.equals(n, c.nameBytes()))) {
                        absent.add(c);
                    }
                }
                descriptors.removeIf(d -> absent.stream().anyMatch(c -> Arrays.equals(c.nameBytes(), d.getName())));
            }
            rdb = readOnly ? RocksDB.openReadOnly(dbOptions, path.toString(), descriptors, opened)
                    : RocksDB.open(dbOptions, path.toString(), descriptors, opened);
        } catch (RocksDBException e) {
            closeOptions();
            throw openFailure(path, e);
        }
        this.db = rdb;
        this.allHandles = opened;
        int k = 0;
        for (Column c : Column.values()) {
            if (!absent.contains(c)) {
                handles.put(c, opened.get(k++));
            }
        }
        try {
            this.schemaVersion = Schema.verifyOrInitialise(this, settings);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Opens (creating if missing) the store in {@code path}.
     *
     * @throws StoreException when the directory cannot be created or written, the store is
     *                        already open, or it has a newer schema or another hash resolution
     */
    static StoreDb open(Path path, StoreSettings settings) {
        Path abs = path.toAbsolutePath();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new StoreException(abs, null, "the store path is a file, not a directory: give a directory");
        }
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new StoreException(abs, null, "cannot create the store directory (" + e
                    + "): choose a writable location", e);
        }
        return new StoreDb(abs, settings, false);
    }

    /**
     * Opens an existing store for reading only: no {@code LOCK} is taken and nothing is written,
     * so it works next to a running writer (showing the data as of this call) and on a
     * read-only directory.
     *
     * @throws StoreException when there is no store in {@code path}
     */
    static StoreDb openReadOnly(Path path, StoreSettings settings) {
        Path abs = path.toAbsolutePath();
        if (!Files.isRegularFile(abs.resolve("CURRENT"))) {
            throw new StoreException(abs, null, "there is no store here (no RocksDB CURRENT file): check the path");
        }
        return new StoreDb(abs, settings, true);
    }

    private static void loadLibrary(Path path) {
        try {
            RocksDB.loadLibrary();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new StoreException(path, null, "the RocksDB native library could not be loaded: it is extracted "
                    + "to java.io.tmpdir (" + System.getProperty("java.io.tmpdir")
                    + "), which must be writable and allow exec", e);
        }
    }

    private static List<byte[]> existingFamilies(Path path) throws RocksDBException {
        if (!Files.exists(path.resolve("CURRENT"))) {
            return List.of();
        }
        try (Options o = new Options()) {
            return RocksDB.listColumnFamilies(o, path.toString());
        }
    }

    private static StoreException openFailure(Path path, RocksDBException e) {
        String m = String.valueOf(e.getMessage());
        boolean permission = m.contains("Permission denied") || m.contains("Read-only file system")
                || m.contains("Operation not permitted");
        if (m.contains("LOCK") && !permission) {
            return new StoreException(path, "LOCK", "the store is already open by this or another process "
                    + "(RocksDB LOCK is held): close the other EeltStore, or stop the process holding "
                    + path.resolve("LOCK"), e);
        }
        if (permission) {
            return new StoreException(path, null, "the store directory is not writable (" + m + "): RocksDB "
                    + "creates files there when it opens a store for writing; restore write permission, copy the store "
                    + "elsewhere, or read it with EeltStore.openReadOnly", e);
        }
        return new StoreException(path, null, "cannot open the RocksDB database (" + m + ")", e);
    }

    /** @return the store directory (absolute). */
    Path path() {
        return path;
    }

    /** @return whether writes are synced. */
    boolean sync() {
        return sync;
    }

    /** @return the schema version found (or written) at open time. */
    int schemaVersion() {
        return schemaVersion;
    }

    /** @return whether the store was opened read-only. */
    boolean readOnly() {
        return readOnly;
    }

    private void requireWritable(String keyLabel) {
        if (readOnly) {
            throw new StoreException(path, keyLabel, "the store was opened read-only: open it with EeltStore.open to write");
        }
    }

    /**
     * @return whether the column family is open: always for a writable store; for a read-only open
     *         of an older schema the families added later are absent and read as empty
     */
    boolean present(Column c) {
        return handles.containsKey(c);
    }

    /** @return the handle of a column family. */
    ColumnFamilyHandle handle(Column c) {
        return handles.get(c);
    }

    /**
     * Runs a native call under the lifecycle guard.
     *
     * @param what     the operation, for the error message
     * @param keyLabel the key, for the error message (or null)
     */
    <T> T call(String what, String keyLabel, RocksCall<T> c) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new StoreException(path, keyLabel, what + ": the store is closed; open it again");
            }
            return c.call();
        } catch (RocksDBException e) {
            throw new StoreException(path, keyLabel, what + " failed: " + e.getMessage(), e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** @return the value, or null when absent. */
    byte[] get(Column c, byte[] key, String keyLabel) {
        if (!present(c)) {
            return null;
        }
        return call("read " + c.familyName(), keyLabel, () -> db.get(handle(c), key));
    }

    /** @return the values of the keys in order (null entries when absent). */
    List<byte[]> multiGet(Column c, List<byte[]> keys, String keyLabel) {
        if (keys.isEmpty()) {
            return List.of();
        }
        if (!present(c)) {
            return new ArrayList<>(java.util.Collections.nCopies(keys.size(), (byte[]) null));
        }
        return call("read " + c.familyName(), keyLabel, () -> {
            List<ColumnFamilyHandle> hs = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                hs.add(handle(c));
            }
            return db.multiGetAsList(hs, keys);
        });
    }

    /** Writes a single key with the store's write options. */
    void put(Column c, byte[] key, byte[] value, String keyLabel) {
        requireWritable(keyLabel);
        call("write " + c.familyName(), keyLabel, () -> {
            db.put(handle(c), writeOptions, key, value);
            return null;
        });
    }

    /** Fills a write batch; may throw {@link RocksDBException}. */
    @FunctionalInterface
    interface BatchBuilder {
        void build(WriteBatch batch) throws RocksDBException;
    }

    /** Builds a batch and writes it atomically with the store's write options. */
    void write(String keyLabel, BatchBuilder builder) {
        requireWritable(keyLabel);
        call("write batch", keyLabel, () -> {
            try (WriteBatch b = new WriteBatch()) {
                builder.build(b);
                db.write(writeOptions, b);
            }
            return null;
        });
    }

    /** Like {@link #write(String, BatchBuilder)}, but always synced (used for the schema record). */
    void writeSynced(String keyLabel, BatchBuilder builder) {
        requireWritable(keyLabel);
        call("write batch", keyLabel, () -> {
            try (WriteBatch b = new WriteBatch(); WriteOptions w = new WriteOptions().setSync(true)) {
                builder.build(b);
                db.write(w, b);
            }
            return null;
        });
    }

    /** @return the last key of a column family in byte order, or null when it is empty. */
    byte[] lastKey(Column c) {
        if (!present(c)) {
            return null;
        }
        return call("scan " + c.familyName(), "last key", () -> {
            try (RocksIterator it = db.newIterator(handle(c))) {
                it.seekToLast();
                if (it.isValid()) {
                    return it.key();
                }
                it.status();
                return null;
            }
        });
    }

    /** @return whether a column family holds no key. */
    boolean isEmpty(Column c) {
        return lastKey(c) == null;
    }

    /** @return all entries (key, value) of a column family in key order. */
    List<byte[][]> entries(Column c) {
        if (!present(c)) {
            return List.of();
        }
        return call("scan " + c.familyName(), "all keys", () -> {
            List<byte[][]> out = new ArrayList<>();
            try (RocksIterator it = db.newIterator(handle(c))) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    out.add(new byte[][] {it.key(), it.value()});
                }
                it.status();
            }
            return out;
        });
    }

    /** @return all keys of a column family in key order. */
    List<byte[]> keys(Column c) {
        if (!present(c)) {
            return List.of();
        }
        return call("scan " + c.familyName(), "all keys", () -> {
            List<byte[]> out = new ArrayList<>();
            try (RocksIterator it = db.newIterator(handle(c))) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    out.add(it.key());
                }
                it.status();
            }
            return out;
        });
    }

    /** @return whether {@link #close()} was called. */
    boolean isClosed() {
        lifecycle.readLock().lock();
        try {
            return closed;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Waits for running calls, then (once) syncs the WAL when writes were not synced, and closes
     * the column-family handles, the database and the options, in that order.
     *
     * @throws StoreException when RocksDB reports an error while closing (everything is released anyway)
     */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            RocksDBException failure = null;
            if (!sync && !readOnly) {
                try {
                    db.syncWal();
                } catch (RocksDBException e) {
                    failure = e;
                }
            }
            for (ColumnFamilyHandle h : allHandles) {
                h.close();
            }
            try {
                db.closeE();
            } catch (RocksDBException e) {
                failure = failure == null ? e : failure;
            }
            closeOptions();
            if (failure != null) {
                throw new StoreException(path, null, "error while closing: " + failure.getMessage(), failure);
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void closeOptions() {
        writeOptions.close();
        blobOptions.close();
        cfOptions.close();
        dbOptions.close();
    }
}
