package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.eelt.deploy.testing.CborRoundTrip;
import org.eelt.examiner.agent.Examiner;
import org.eelt.examiner.selection.ReservoirSampler;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.store.EeltStore;
import org.eelt.store.ExplorationSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exploration reservoir in a real RocksDB store: it holds a uniform sample (algorithm R) of
 * every scored frame, with their walker, generation and deviation, and a campaign resumed on the
 * same store (new actor, reopened store) continues the stream as if it had never stopped.
 */
class ExplorationReservoirTest {
    @RegisterExtension
    static final CborRoundTrip CBOR = CborRoundTrip.local();
    static final ActorTestKit KIT = CBOR.kit();

    private static final int K = 8;
    private static final long SEED = 21;

    /** Frame i: a Cu dimer whose bond length encodes i (2 + 0.001 i Å), so a stored frame names its index. */
    private static AtomsData frame(long i) {
        return AtomsData.of(new Structure(new String[] {"Cu", "Cu"}, new double[] {0, 0, 0, 2.0 + 0.001 * i, 0, 0},
                Cell.nonPeriodic()));
    }

    private static Examiner.ScoredBatch batch(long first, int n) {
        List<AtomsData> frames = new ArrayList<>();
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
            frames.add(frame(first + i));
            dev[i] = 0.01 * (first + i);
        }
        return new Examiner.ScoredBatch("w" + first, first / 10, frames, dev);
    }

    /** Streams frames [from, to) in batches of 7 into a reservoir on {@code store}, then stops it. */
    private static void stream(EeltStore store, long from, long to) {
        ActorRef<Examiner.ScoredBatch> r = KIT.spawn(ExplorationReservoir.create(store, K, SEED));
        for (long i = from; i < to; i += 7) {
            r.tell(batch(i, (int) Math.min(7, to - i)));
        }
        KIT.createTestProbe().awaitAssert(Duration.ofSeconds(10),
                () -> {
                    assertEquals(to, ExplorationReservoir.seen(store));
                    return null;
                });
        KIT.stop(r);
    }

    /** @return index of the stream item in each slot after n items, by slot */
    private static TreeMap<Integer, Long> reference(long n) {
        ReservoirSampler s = new ReservoirSampler(K, SEED);
        TreeMap<Integer, Long> slots = new TreeMap<>();
        for (long i = 0; i < n; i++) {
            int slot = s.slotFor(i);
            if (slot >= 0) {
                slots.put(slot, i);
            }
        }
        return slots;
    }

    @Test
    void aResumedStreamKeepsTheSampleOfAnUninterruptedOne(@TempDir Path dir) {
        try (EeltStore store = EeltStore.open(dir.resolve("store"))) {
            stream(store, 0, 5);
            assertEquals(5, ExplorationReservoir.read(store).size(), "fewer frames than slots: all kept");
            stream(store, 5, 30);
        }
        try (EeltStore store = EeltStore.open(dir.resolve("store"))) { // the campaign resumes
            assertEquals(30, ExplorationReservoir.seen(store));
            assertEquals(new ArrayList<>(reference(30).values()).stream().sorted().toList(),
                    ExplorationReservoir.read(store).stream().map(ExplorationSample::index).toList());
            stream(store, 30, 75);
        }
        try (EeltStore store = EeltStore.openReadOnly(dir.resolve("store"))) {
            List<ExplorationSample> kept = ExplorationReservoir.read(store);
            assertEquals(75, ExplorationReservoir.seen(store));
            assertEquals(K, kept.size());
            assertEquals(new ArrayList<>(reference(75).values()).stream().sorted().toList(),
                    kept.stream().map(ExplorationSample::index).toList(), "the uninterrupted stream's sample");
            assertTrue(kept.stream().anyMatch(s -> s.index() >= 30), "frames after the resume are sampled too");
            for (ExplorationSample s : kept) {
                assertArrayEquals(frame(s.index()).positions(), s.structure().positions(), 0);
                long first = s.index() - (s.index() < 5 ? s.index() : s.index() < 30 ? (s.index() - 5) % 7
                        : (s.index() - 30) % 7);
                assertEquals("w" + first, s.walker());
                assertEquals(first / 10, s.generation());
                assertEquals(0.01 * s.index(), s.deviation(), 1e-15, "eV/Å");
            }
        }
    }

    @Test
    void theSpecKeyHasADefaultAndIsValidated() {
        assertEquals(256, CampaignSpecParser.parse(CampaignSpecParserTest.MINIMAL, CampaignSpecParserTest.DIR)
                .examination().reservoirFrames());
        assertEquals(0, CampaignSpecParser.parse(CampaignSpecParserTest.MINIMAL
                + "eelt.campaign.examination.reservoir-frames = 0\n", CampaignSpecParserTest.DIR)
                .examination().reservoirFrames());
        CampaignSpecException e = CampaignSpecParserTest.error("eelt.campaign.examination.reservoir-frames = -3\n");
        assertTrue(e.getMessage().contains("eelt.campaign.examination.reservoir-frames"), e.getMessage());
    }

    @Test
    void theCorruptSlotIsNamed(@TempDir Path dir) {
        try (EeltStore store = EeltStore.open(dir.resolve("store"))) {
            store.putState(ExplorationReservoir.SLOT_PREFIX + "000003", new byte[] {1, 2, 3});
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ExplorationReservoir.read(store));
            assertTrue(e.getMessage().contains("reservoir/slot/000003") && e.getMessage().contains("truncated"),
                    e.getMessage());
        }
    }

    @Test
    void theMessagesSerialize() {
        Examiner.ScoredBatch b = batch(3, 2);
        Examiner.ScoredBatch back = (Examiner.ScoredBatch) CBOR.roundTrip(b);
        assertEquals(b.walker(), back.walker());
        assertEquals(b.generation(), back.generation());
        assertEquals(b.frames(), back.frames());
        assertArrayEquals(b.deviations(), back.deviations(), 0);
        Examiner.WatchScored w = new Examiner.WatchScored(KIT.createTestProbe(Examiner.ScoredBatch.class).getRef());
        assertEquals(w, CBOR.roundTrip(w));
    }
}
