package org.eelt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.eelt.protocol.atoms.LabeledFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many threads race to insert overlapping sets of labels: every distinct hash is stored exactly once. */
class ConcurrentInsertTest {
    @TempDir
    Path dir;

    @Test
    void racingWritersStoreEachDistinctLabelExactlyOnce() throws Exception {
        int distinct = 120;
        int threads = 8;
        List<LabeledFrame> pool = TestData.clusters(distinct, 4);
        Map<ContentHash, AtomicInteger> inserted = new ConcurrentHashMap<>();
        Map<ContentHash, Set<Long>> sequences = new ConcurrentHashMap<>();
        AtomicInteger already = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        try (EeltStore store = EeltStore.open(dir, StoreSettings.defaults())) {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                fs.add(ex.submit(() -> {
                    List<LabeledFrame> mine = new ArrayList<>(pool);
                    // every thread inserts every frame, half of them twice, some as retries with other values
                    mine.addAll(pool.subList(0, distinct / 2));
                    Collections.shuffle(mine, new Random(seed));
                    start.await();
                    for (int i = 0; i < mine.size(); i++) {
                        LabeledFrame l = mine.get(i);
                        if (i % 5 == 0) {
                            l = EeltStoreTest.relabel(l, l.energy() + seed + 1);
                        }
                        List<InsertResult> rs = i % 7 == 0 ? store.putLabeledAll(List.of(l, mine.get((i + 3) % mine.size())))
                                : List.of(store.putLabeled(l));
                        for (InsertResult r : rs) {
                            sequences.computeIfAbsent(r.hash(), h -> ConcurrentHashMap.newKeySet()).add(r.sequence());
                            if (r.inserted()) {
                                inserted.computeIfAbsent(r.hash(), h -> new AtomicInteger()).incrementAndGet();
                            } else {
                                already.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : fs) {
                f.get();
            }
            assertEquals(distinct, store.count(), "count == distinct");
            assertEquals(distinct, inserted.size());
            inserted.forEach((h, n) -> assertEquals(1, n.get(), "hash " + h + " inserted " + n + " times"));
            sequences.forEach((h, s) -> assertEquals(1, s.size(), "hash " + h + " reported sequences " + s));
            assertTrue(already.get() > threads * distinct / 2, "most calls were duplicates: " + already.get());
            Set<ContentHash> seen = new HashSet<>();
            long expectSeq = 0;
            for (var it = store.iterate(); it.hasNext(); ) {
                StoredLabel s = it.next();
                assertEquals(expectSeq++, s.sequence(), "dense insertion order");
                assertTrue(seen.add(s.hash()), "duplicate in the index: " + s.hash());
                assertEquals(sequences.get(s.hash()), Set.of(s.sequence()));
            }
            assertEquals(distinct, seen.size());
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void closingWhileOtherThreadsReadAndWriteFailsThemCleanly() throws Exception {
        List<LabeledFrame> pool = TestData.clusters(40, 3);
        EeltStore store = EeltStore.open(dir, StoreSettings.defaults().withSync(false));
        store.putLabeledAll(pool.subList(0, 10));
        ContentHash known = store.hashOf(pool.get(0));
        AtomicInteger closedErrors = new AtomicInteger();
        AtomicInteger ops = new AtomicInteger();
        ExecutorService ex = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                fs.add(ex.submit(() -> {
                    for (int i = 0; ; i++) {
                        try {
                            if (id % 2 == 0) {
                                store.get(known).orElseThrow();
                            } else {
                                store.putLabeled(pool.get(i % pool.size()));
                            }
                            ops.incrementAndGet();
                        } catch (StoreException e) {
                            assertTrue(e.getMessage().contains("closed"), e.getMessage());
                            closedErrors.incrementAndGet();
                            return null;
                        }
                    }
                }));
            }
            while (ops.get() < 200) {
                Thread.sleep(1);
            }
            store.close();
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            ex.shutdownNow();
        }
        assertEquals(4, closedErrors.get(), "every thread saw a clean 'closed' StoreException");
        long atClose = store.count();
        assertTrue(atClose >= 10);
        try (EeltStore again = EeltStore.open(dir)) {
            assertEquals(atClose, again.count(), "everything acknowledged before close is there");
        }
    }
}
