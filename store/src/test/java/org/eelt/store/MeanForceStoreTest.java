package org.eelt.store;

import org.eelt.protocol.atoms.MeanForceLabel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eelt.protocol.atoms.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;

/** Mean-force labels (schema 2): exactly once by rounded center + settings, exact round trip, v1 stores migrate. */
class MeanForceStoreTest {
    private static final String SETTINGS = "restrained-md kappa=500 T=300 steps=2000";

    @TempDir
    Path dir;

    static MeanForceLabel label(double[] s0, double[] f, String settings) {
        return new MeanForceLabel(s0, f, new double[] {0.1, 0.2}, 1800, "kJ/mol",
                new Provenance("gromacs", settings, "generation-3", 7, "test", 1_700_000_000_000L));
    }

    @Test
    void meanForcesAreStoredOnceByRoundedCenterAndSettings() {
        try (EeltStore store = EeltStore.open(dir)) {
            MeanForceLabel a = label(new double[] {-1.3, 2.7}, new double[] {4.5, -0.25}, SETTINGS);
            InsertResult r = store.putMeanForce(a);
            assertTrue(r.inserted());
            assertEquals(0, r.sequence());
            // the same center (below the 1e-6 rounding) with another, retried estimate: ignored
            InsertResult again = store.putMeanForce(label(new double[] {-1.3 + 1e-9, 2.7}, new double[] {9, 9}, SETTINGS));
            assertFalse(again.inserted());
            assertEquals(r.hash(), again.hash());
            // another κ (other oracle settings): a different label
            assertTrue(store.putMeanForce(label(new double[] {-1.3, 2.7}, new double[] {4, 0}, SETTINGS + "x")).inserted());
            assertTrue(store.putMeanForce(label(new double[] {-1.2, 2.7}, new double[] {1, 0}, SETTINGS)).inserted());
            assertEquals(3, store.meanForceCount());
            assertEquals(0, store.count(), "frames and mean forces are separate datasets");
            List<StoredMeanForce> all = store.meanForces(10);
            assertEquals(3, all.size());
            assertEquals(a, all.get(0).label());
            assertArrayEquals(new double[] {4.5, -0.25}, all.get(0).label().meanForce());
            assertEquals(store.hashOfCenter(new double[] {-1.3, 2.7}, SETTINGS), all.get(0).hash());
            assertEquals(a, store.meanForce(r.hash()).orElseThrow().label());
            assertEquals(2, store.meanForces(2).size());
        }
        try (EeltStore store = EeltStore.open(dir)) { // the sequence survives a reopen
            assertEquals(3, store.meanForceCount());
            assertEquals(3, store.putMeanForce(label(new double[] {0.5, 0.5}, new double[] {1, 1}, SETTINGS)).sequence());
        }
    }

    @Test
    void codecRoundTripsBitForBitAndRejectsUnknownVersions() {
        MeanForceLabel r = label(new double[] {-0.0, Math.PI}, new double[] {1e-300, -7.25}, SETTINGS);
        byte[] b = MeanForceCodec.encode(r);
        assertEquals(r, MeanForceCodec.decode(b, 0, b.length));
        b[0] = 9;
        assertThrows(IllegalArgumentException.class, () -> MeanForceCodec.decode(b, 0, b.length));
        assertThrows(IllegalArgumentException.class, () -> label(new double[] {1, Double.NaN}, new double[] {0, 0}, ""));
        assertNotEquals(ContentHasher.defaults().hashCv(new double[] {1, 2}, "a"),
                ContentHasher.defaults().hashCv(new double[] {2, 1}, "a"));
    }

    /** A store written by schema 1 (no mean-force families) opens read-only untouched and migrates when opened for writing. */
    @Test
    void aSchemaOneStoreStaysLoadableAndMigrates() throws Exception {
        RocksDB.loadLibrary();
        String[] v1 = {"default", "frames", "frame_index", "models", "campaign", "failures", "meta"};
        List<ColumnFamilyDescriptor> ds = new ArrayList<>();
        for (String n : v1) {
            ds.add(new ColumnFamilyDescriptor(n.getBytes(StandardCharsets.UTF_8)));
        }
        List<ColumnFamilyHandle> hs = new ArrayList<>();
        try (DBOptions o = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
             RocksDB db = RocksDB.open(o, dir.toString(), ds, hs)) {
            db.put(hs.get(6), "schema_version".getBytes(StandardCharsets.UTF_8), ByteBuffer.allocate(4).putInt(1).array());
            db.put(hs.get(6), "hash_resolution".getBytes(StandardCharsets.UTF_8),
                    ByteBuffer.allocate(8).putLong(Double.doubleToLongBits(1e-6)).array());
            db.put(hs.get(4), "campaign/stage".getBytes(StandardCharsets.UTF_8), "2".getBytes(StandardCharsets.UTF_8));
            hs.forEach(ColumnFamilyHandle::close);
        }
        try (EeltStore ro = EeltStore.openReadOnly(dir)) {
            assertEquals(1, ro.schemaVersion());
            assertEquals(0, ro.meanForceCount());
            assertEquals(List.of(), ro.meanForces(5));
            assertEquals("2", ro.getString("campaign/stage").orElseThrow());
        }
        try (EeltStore store = EeltStore.open(dir)) {
            assertEquals(2, store.schemaVersion());
            assertEquals("2", store.getString("campaign/stage").orElseThrow());
            assertTrue(store.putMeanForce(label(new double[] {1, 2}, new double[] {0, 0}, SETTINGS)).inserted());
        }
        try (EeltStore store = EeltStore.open(dir)) {
            assertEquals(2, store.schemaVersion());
            assertEquals(1, store.meanForceCount());
        }
    }
}
