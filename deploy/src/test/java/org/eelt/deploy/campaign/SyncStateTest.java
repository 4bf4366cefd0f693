package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eelt.examiner.agent.Examiner;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.store.EeltStore;
import org.eelt.store.StateUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persisted state of a synchronous campaign: selection text, progress in RocksDB, phase timings. */
class SyncStateTest {
    @Test
    void selectionRoundTripIsExact() {
        List<AtomsData> frames = AgentsTest.frames(2, 7);
        AtomsData molecule = new AtomsData(new String[] {"O", "H", "H"}, new double[] {0, 0, 0.1 / 3, 0.9572, 0, 1e-17,
                -0.24, 0.927, -0.0}, new double[9], new boolean[] {false, false, false});
        List<Examiner.Candidate> in = List.of(new Examiner.Candidate("k1-7", frames.get(0), "sync-i2-s0-w1", 2, 0.3141592653589793),
                new Examiner.Candidate("k1-8", frames.get(1), "bootstrap", 0, Double.NaN),
                new Examiner.Candidate("k1-9", molecule, "w\tx", 3, 0.2));
        List<Examiner.Candidate> out = SyncSelection.decode(SyncSelection.encode(in));
        assertEquals(3, out.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(in.get(i), out.get(i), "candidate " + i + " (positions, cell, pbc and deviation bit for bit)");
        }
        assertEquals(in.get(2).atoms(), out.get(2).atoms());
        assertEquals("w x", out.get(2).walker(), "a tab in a walker name cannot break the line format");
        assertArrayEquals(new boolean[] {false, false, false}, out.get(2).atoms().pbc());
        assertTrue(SyncSelection.decode("").isEmpty());
    }

    @Test
    void damagedSelectionNamesTheKeyAndLine() {
        String text = SyncSelection.encode(List.of(new Examiner.Candidate("a", AgentsTest.frames(1, 1).get(0), "w", 1, 0.2)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SyncSelection.decode(text + "b\tw\t1\t0.2\tCu\t0,0\t0,0,0,0,0,0,0,0,0\tTTT\n"));
        assertTrue(e.getMessage().contains(SyncProgress.SELECTION_KEY) && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void progressRoundTripsThroughTheStore(@TempDir Path dir) {
        try (EeltStore store = EeltStore.open(dir.resolve("store"))) {
            SyncProgress fresh = SyncProgress.read(store);
            assertEquals(new SyncProgress(0, SyncProgress.Phase.BOOTSTRAP, 0, 0, 0, 0, 0.0), fresh);
            SyncProgress p = new SyncProgress(3, SyncProgress.Phase.LABEL, 1, 400, 24, 1234, 98.5);
            StateUpdate u = StateUpdate.create();
            p.toState().forEach(u::putString);
            store.updateState(u);
            assertEquals(p, SyncProgress.read(store));
            assertEquals("sync", store.getString("campaign/mode").orElseThrow());
            store.putString("sync/iteration", "three");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> SyncProgress.read(store));
            assertTrue(e.getMessage().contains("sync/iteration") && e.getMessage().contains("three"), e.getMessage());
        }
    }

    @Test
    void timingsAddUpPerPhaseAndSurviveEncoding() {
        SyncTimings t = new SyncTimings();
        t.add(0, "bootstrap", 10);
        t.add(1, "train", 4);
        t.add(1, "explore", 3);
        t.add(1, "label", 6);
        t.add(1, "tail", 2);
        t.add(2, "train", 1.5);
        t.add(2, "tail", 0.25);
        Map<String, Double> totals = SyncTimings.decode(t.encode()).totals();
        assertEquals(Map.of("bootstrap", 10.0, "train", 5.5, "explore", 3.0, "select", 0.0, "label", 6.0, "tail", 2.25),
                totals);
        assertEquals(List.of("bootstrap", "train", "explore", "select", "label", "tail"), List.copyOf(totals.keySet()));
        assertEquals(3, t.iterations().size());
        assertEquals(1.5, t.iterations().get(2).get("train"));
        assertEquals(Map.of("iteration", 0L, "bootstrap", 10.0), t.iterations().get(0));
        assertEquals(6, t.iterations().get(1).size(), "iteration, then train to tail");
        assertTrue(SyncTimings.decode("1:x;").totals().values().stream().allMatch(v -> v == 0),
                "damaged monitoring data resumes as empty timings");
        assertThrows(IllegalArgumentException.class, () -> t.add(1, "lunch", 1));
    }
}
