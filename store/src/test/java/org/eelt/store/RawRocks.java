package org.eelt.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/** Test helper: writes one key into a (closed) store with plain RocksDB, creating the family if needed. */
final class RawRocks {
    private RawRocks() {
    }

    static void put(Path dir, String family, String key, byte[] value) throws Exception {
        List<byte[]> names;
        try (Options o = new Options()) {
            names = new ArrayList<>(RocksDB.listColumnFamilies(o, dir.toString()));
        }
        byte[] target = family.getBytes(StandardCharsets.UTF_8);
        if (names.stream().noneMatch(n -> java.util.Arrays.equals(n, target))) {
            names.add(target);
        }
        List<ColumnFamilyDescriptor> ds = new ArrayList<>();
        for (byte[] n : names) {
            ds.add(new ColumnFamilyDescriptor(n));
        }
        List<ColumnFamilyHandle> hs = new ArrayList<>();
        try (DBOptions o = new DBOptions().setCreateMissingColumnFamilies(true);
             RocksDB db = RocksDB.open(o, dir.toString(), ds, hs)) {
            for (int i = 0; i < names.size(); i++) {
                if (java.util.Arrays.equals(names.get(i), target)) {
                    db.put(hs.get(i), key.getBytes(StandardCharsets.UTF_8), value);
                }
            }
            hs.forEach(ColumnFamilyHandle::close);
        }
    }
}
