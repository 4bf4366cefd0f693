package org.eelt.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.protocol.atoms.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EeltStoreTest {
    @TempDir
    Path dir;

    @Test
    void labelsAreStoredOnceAndIteratedInInsertionOrder() {
        try (EeltStore store = EeltStore.open(dir)) {
            assertEquals(Schema.CURRENT_VERSION, store.schemaVersion());
            List<LabeledFrame> frames = TestData.clusters(10, 5);
            for (int i = 0; i < frames.size(); i++) {
                InsertResult r = store.putLabeled(frames.get(i));
                assertInstanceOf(InsertResult.Inserted.class, r);
                assertEquals(i, r.sequence());
            }
            // same structure and settings, different (retried) label values: ignored
            LabeledFrame retry = relabel(frames.get(4), 123.0);
            InsertResult again = store.putLabeled(retry);
            assertInstanceOf(InsertResult.AlreadyPresent.class, again);
            assertEquals(4, again.sequence());
            assertEquals(frames.get(4).energy(), store.get(again.hash()).orElseThrow().label().energy());
            // same structure, other oracle settings: a different candidate
            LabeledFrame other = withSettings(frames.get(4), "oracle=lammps");
            assertTrue(store.putLabeled(other).inserted());
            assertEquals(11, store.count());

            List<StoredLabel> all = new ArrayList<>();
            store.iterate().forEachRemaining(all::add);
            assertEquals(11, all.size());
            for (int i = 0; i < 10; i++) {
                assertEquals(i, all.get(i).sequence());
                assertEquals(frames.get(i).frame(), all.get(i).label().frame());
                assertEquals(store.hashOf(frames.get(i)), all.get(i).hash());
            }
            assertEquals(other.frame(), all.get(10).label().frame());
        }
    }

    @Test
    void batchInsertDeduplicatesWithinTheBatchAndAgainstTheStore() {
        try (EeltStore store = EeltStore.open(dir)) {
            List<LabeledFrame> frames = TestData.clusters(6, 4);
            store.putLabeled(frames.get(2));
            List<LabeledFrame> batch = List.of(frames.get(0), frames.get(1), frames.get(0), frames.get(2),
                    frames.get(3), relabel(frames.get(1), 7.0));
            List<InsertResult> r = store.putLabeledAll(batch);
            assertEquals(List.of(true, true, false, false, true, false), r.stream().map(InsertResult::inserted).toList());
            assertEquals(List.of(1L, 2L, 1L, 0L, 3L, 2L), r.stream().map(InsertResult::sequence).toList());
            assertEquals(4, store.count());
            assertEquals(List.of(), store.putLabeledAll(List.of()));
        }
    }

    @Test
    void snapshotsStayFixedWhileTheDatasetGrowsAndAcrossReopen() {
        List<LabeledFrame> frames = TestData.clusters(30, 3);
        DatasetSnapshot snap;
        try (EeltStore store = EeltStore.open(dir)) {
            store.putLabeledAll(frames.subList(0, 12));
            snap = store.snapshot();
            assertEquals(12, snap.count());
            store.putLabeledAll(frames.subList(12, 30));
            assertEquals(12, store.export(snap).size());
            assertEquals(30, store.export(store.snapshot()).size());
            List<StoredLabel> fresh = store.iterate(snap.sequenceBound(), store.snapshot()).stream().toList();
            assertEquals(18, fresh.size());
            assertEquals(12, fresh.get(0).sequence());
        }
        try (EeltStore store = EeltStore.open(dir)) {
            assertEquals(30, store.count());
            List<LabeledFrame> again = store.export(snap);
            assertEquals(12, again.size());
            for (int i = 0; i < 12; i++) {
                assertEquals(frames.get(i).frame(), again.get(i).frame());
                assertEquals(frames.get(i).provenance(), again.get(i).provenance());
            }
            assertThrows(IllegalArgumentException.class, () -> store.iterate(new DatasetSnapshot(31)));
            // the next insert continues the dense sequence
            assertEquals(30, store.putLabeled(TestData.cluster(99, 3, "z")).sequence());
        }
    }

    @Test
    void reopenKeepsModelsStateAndFailures() {
        Provenance p = new Provenance("trainer", "lr=1e-3", "", 1, "0.1.0", 5);
        LabeledFrame bad = TestData.cluster(5, 3, "dft");
        ContentHash badHash;
        try (EeltStore store = EeltStore.open(dir)) {
            store.putLabeled(TestData.water(1));
            store.putModel(1, "model-one".getBytes(StandardCharsets.UTF_8), new ModelMetadata("dpmodel-yaml", 1, Map.of("member", "0"), p));
            byte[] big = new byte[300_000];
            new Random(1).nextBytes(big);
            store.putModel(3, big, new ModelMetadata("dpmodel-yaml", 1, Map.of("rmse_f", "0.05", "member", "1"), p));
            store.updateState(StateUpdate.create().putLong("round", 7).putString("phase", "explore")
                    .put("walkers", new byte[] {1, 2, 3}));
            badHash = store.hashOf(bad);
            store.recordFailure(badHash, bad.structure(), "SCF did not converge");
            FailureRecord second = store.recordFailure(badHash, bad.structure(), "timeout after 600 s");
            assertEquals(2, second.attempts());
        }
        try (EeltStore store = EeltStore.open(dir)) {
            assertEquals(1, store.count());
            assertEquals(List.of(1L, 3L), store.modelVersions());
            StoredModel latest = store.latestModel().orElseThrow();
            assertEquals(3, latest.version());
            assertEquals(300_000, latest.bytes().length);
            assertEquals(Map.of("member", "1", "rmse_f", "0.05"), latest.metadata().attributes());
            assertEquals(p, latest.metadata().provenance());
            assertArrayEquals("model-one".getBytes(StandardCharsets.UTF_8), store.model(1).orElseThrow().bytes());
            assertTrue(store.model(2).isEmpty());
            var conflict = assertThrows(StoreConflictException.class, () -> store.putModel(3, new byte[] {1}, latest.metadata()));
            assertTrue(conflict.getMessage().contains("already stored") && conflict.getMessage().contains("version 4"),
                    conflict.getMessage());
            var lower = assertThrows(StoreConflictException.class, () -> store.putModel(2, new byte[] {1}, latest.metadata()));
            assertTrue(lower.getMessage().contains("below the latest stored version 3"), lower.getMessage());
            assertEquals(7, store.getLong("round").orElseThrow());
            assertEquals("explore", store.getString("phase").orElseThrow());
            assertArrayEquals(new byte[] {1, 2, 3}, store.getState("walkers").orElseThrow());
            assertEquals(List.of("phase", "round", "walkers"), store.stateKeys());
            FailureRecord f = store.failure(badHash).orElseThrow();
            assertEquals(2, f.attempts());
            assertEquals("timeout after 600 s", f.reason());
            assertEquals(bad.structure(), f.structure());
            assertEquals(1, store.failures().size());
        }
    }

    @Test
    void stateUpdatesAreAtomicAndDeletesWork() {
        try (EeltStore store = EeltStore.open(dir)) {
            store.putState("a", new byte[] {1});
            store.updateState(StateUpdate.create().delete("a").putLong("b", 2).putLong("b", 3));
            assertTrue(store.getState("a").isEmpty());
            assertEquals(3, store.getLong("b").orElseThrow());
            // a bad key in the middle of an update: nothing of it is applied
            assertThrows(IllegalArgumentException.class,
                    () -> store.updateState(StateUpdate.create().putLong("c", 1).put(" ", new byte[0])));
            assertTrue(store.getState("c").isEmpty());
            store.putString("s", "x");
            var e = assertThrows(StoreException.class, () -> store.getLong("s"));
            assertTrue(e.getMessage().contains("campaign/s"), e.getMessage());
        }
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        try (EeltStore store = EeltStore.open(dir)) {
            var e = assertThrows(IllegalArgumentException.class, () -> store.putLabeled(null));
            assertTrue(e.getMessage().contains("null"), e.getMessage());
            List<LabeledFrame> withNull = new ArrayList<>(TestData.clusters(3, 2));
            withNull.add(1, null);
            var e2 = assertThrows(IllegalArgumentException.class, () -> store.putLabeledAll(withNull));
            assertTrue(e2.getMessage().contains("label 1 of 4"), e2.getMessage());
            LabeledFrame ok = TestData.cluster(1, 3, "s");
            var nan = assertThrows(IllegalArgumentException.class,
                    () -> store.putLabeled(relabel(ok, Double.NaN)));
            assertTrue(nan.getMessage().contains("non-finite energy"), nan.getMessage());
            double[] f = ok.forces();
            f[4] = Double.POSITIVE_INFINITY;
            var inf = assertThrows(IllegalArgumentException.class, () -> store.putLabeled(
                    new LabeledFrame(ok.frame().withLabels(ok.energy(), f, null, null), ok.provenance())));
            assertTrue(inf.getMessage().contains("forces at index 4"), inf.getMessage());
            assertEquals(0, store.count(), "nothing stored by rejected calls");
            assertThrows(IllegalArgumentException.class, () -> store.putModel(0, new byte[] {1},
                    new ModelMetadata("x", -1, null, Provenance.imported("m"))));
            assertThrows(IllegalArgumentException.class, () -> store.putModel(1, new byte[0],
                    new ModelMetadata("x", -1, null, Provenance.imported("m"))));
            assertThrows(IllegalArgumentException.class, () -> store.recordFailure(store.hashOf(ok), ok.structure(), " "));
            assertThrows(IllegalArgumentException.class, () -> store.putState(null, new byte[0]));
            assertThrows(IllegalArgumentException.class, () -> store.get(null));
        }
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseFailsClearly() {
        EeltStore store = EeltStore.open(dir);
        ContentHash h = store.putLabeled(TestData.cluster(1, 3, "s")).hash();
        store.close();
        store.close();
        assertTrue(store.isClosed());
        var e = assertThrows(StoreException.class, () -> store.get(h));
        assertTrue(e.getMessage().contains("closed") && e.getMessage().contains(dir.toString())
                && e.getMessage().contains(h.hex()), e.getMessage());
        assertThrows(StoreException.class, () -> store.putLabeled(TestData.cluster(2, 3, "s")));
        assertThrows(StoreException.class, () -> store.iterate().forEachRemaining(x -> { }));
    }

    @Test
    void secondOpenOfTheSameDirectoryIsRefusedClearly() {
        try (EeltStore first = EeltStore.open(dir)) {
            first.putLabeled(TestData.cluster(1, 3, "s"));
            var e = assertThrows(StoreException.class, () -> EeltStore.open(dir));
            assertTrue(e.getMessage().contains("already open") && e.getMessage().contains(dir.toString()), e.getMessage());
            assertEquals(1, first.count(), "the first instance keeps working");
            assertTrue(first.putLabeled(TestData.cluster(2, 3, "s")).inserted());
        }
        try (EeltStore again = EeltStore.open(dir)) {
            assertEquals(2, again.count());
        }
    }

    @Test
    void aStoreOfANewerSchemaOrAnotherResolutionIsRefused() throws Exception {
        EeltStore.open(dir).close();
        var res = assertThrows(StoreException.class,
                () -> EeltStore.open(dir, StoreSettings.defaults().withHashResolution(1e-4)));
        assertTrue(res.getMessage().contains("resolution 1.0E-6"), res.getMessage());
        int newer = Schema.CURRENT_VERSION + 1;
        RawRocks.put(dir, "meta", "schema_version", Schema.intValue(newer));
        var e = assertThrows(StoreException.class, () -> EeltStore.open(dir));
        assertTrue(e.getMessage().contains("schema version " + newer) && e.getMessage().contains("newer"), e.getMessage());
        RawRocks.put(dir, "meta", "schema_version", Schema.intValue(Schema.CURRENT_VERSION));
        EeltStore.open(dir).close();
    }

    @Test
    void aNewerStoreWithAnUnknownColumnFamilyIsRefusedByVersionNotByRocksDb() throws Exception {
        EeltStore.open(dir).close();
        RawRocks.put(dir, "labels_v9", "x", new byte[] {1});
        RawRocks.put(dir, "meta", "schema_version", Schema.intValue(Schema.CURRENT_VERSION + 1));
        var e = assertThrows(StoreException.class, () -> EeltStore.open(dir));
        assertTrue(e.getMessage().contains("schema version " + (Schema.CURRENT_VERSION + 1)), e.getMessage());
    }

    @Test
    void pathThatIsAFileIsRefused() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("f"), "x");
        var e = assertThrows(StoreException.class, () -> EeltStore.open(file));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    }

    static LabeledFrame relabel(LabeledFrame l, double energy) {
        Frame f = l.frame();
        return new LabeledFrame(f.withLabels(energy, f.forces(), f.virial(), f.atomicEnergies()), l.provenance());
    }

    static LabeledFrame withSettings(LabeledFrame l, String settings) {
        Provenance p = l.provenance();
        return new LabeledFrame(l.frame(), new Provenance(p.source(), settings, p.modelVersion(), p.seed(),
                p.codeVersion(), p.createdEpochMs()));
    }
}
