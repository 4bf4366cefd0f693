package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.eelt.explorer.build.Bulk;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.FrameLabeled;
import org.eelt.store.EeltStore;
import org.eelt.store.FailureRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset recorder under faults: a non-finite label never becomes a label (it is recorded as
 * a failure with its reason and quarantined), and a failing store stops the recorder with a
 * {@link DatasetRecorder.StoreFailed} report instead of acknowledging the write.
 */
class DatasetRecorderFaultTest {
    static final ActorTestKit KIT = ActorTestKit.create();

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    @TempDir
    Path dir;

    private static FrameLabeled label(double energy, double force0) {
        AtomsData a = AtomsData.of(Bulk.fcc("Cu", 3.615, 2));
        double[] f = new double[3 * 32];
        f[0] = force0;
        return new FrameLabeled("c-1", "labeler-0", a, energy, f, null, "sutton-chen", "sutton-chen:x", 1, "w0", 0.3,
                1, 5, 5);
    }

    @Test
    void nonFiniteLabelsAreRecordedAsFailuresNotLabels() {
        try (EeltStore store = EeltStore.open(dir.resolve("store"))) {
            TestProbe<DatasetRecorder.Recorded> rec = KIT.createTestProbe();
            TestProbe<DatasetRecorder.ModelStored> models = KIT.createTestProbe();
            TestProbe<DatasetRecorder.StoreFailed> failed = KIT.createTestProbe();
            ActorRef<DatasetRecorder.Command> r = KIT.spawn(DatasetRecorder.create(store, rec.getRef(), models.getRef(),
                    failed.getRef()));
            r.tell(new DatasetRecorder.Outcome(label(-100, Double.NaN)));
            DatasetRecorder.Recorded got = rec.receiveMessage(Duration.ofSeconds(10));
            assertFalse(got.labeled());
            assertTrue(got.finalFailure());
            assertEquals(0, store.count(), "no label stored");
            assertEquals(1, store.failures().size());
            FailureRecord f = store.failures().get(0);
            assertTrue(f.reason().contains("non-finite label rejected") && f.reason().contains("NaN"), f.reason());
            assertTrue(store.getString(DatasetRecorder.QUARANTINE_PREFIX + f.hash().hex()).isPresent());
            r.tell(new DatasetRecorder.Outcome(label(Double.POSITIVE_INFINITY, 0)));
            assertFalse(rec.receiveMessage(Duration.ofSeconds(10)).labeled());
            r.tell(new DatasetRecorder.Outcome(label(-100, 0.1)));
            assertTrue(rec.receiveMessage(Duration.ofSeconds(10)).inserted(), "a finite label is stored");
            assertEquals(1, store.count());
            failed.expectNoMessage(Duration.ofMillis(100));
        }
    }

    @Test
    void aFailingStoreStopsTheRecorderWithAReport() {
        EeltStore store = EeltStore.open(dir.resolve("store2"));
        TestProbe<DatasetRecorder.Recorded> rec = KIT.createTestProbe();
        TestProbe<DatasetRecorder.ModelStored> models = KIT.createTestProbe();
        TestProbe<DatasetRecorder.StoreFailed> failed = KIT.createTestProbe();
        ActorRef<DatasetRecorder.Command> r = KIT.spawn(DatasetRecorder.create(store, rec.getRef(), models.getRef(),
                failed.getRef()));
        store.close(); // every further write fails with a StoreException
        r.tell(new DatasetRecorder.Outcome(label(-100, 0.1)));
        DatasetRecorder.StoreFailed f = failed.receiveMessage(Duration.ofSeconds(10));
        assertTrue(f.message().contains(dir.resolve("store2").toString()) && f.message().contains("--resume"),
                f.message());
        rec.expectNoMessage(Duration.ofMillis(200)); // nothing acknowledged
        TestProbe<Object> watcher = KIT.createTestProbe();
        watcher.expectTerminated(r, Duration.ofSeconds(10));
    }
}
