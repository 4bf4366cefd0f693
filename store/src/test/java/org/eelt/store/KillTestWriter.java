package org.eelt.store;

import java.nio.file.Path;

import org.eelt.protocol.atoms.LabeledFrame;

/**
 * Child process of {@link CrashRecoveryTest}: inserts labels into a store as fast as it can
 * (sync writes), printing {@code acked <index> <sequence> <hash>} after each acknowledged insert
 * and re-inserting the previous frame (a retry) in between, until it is killed.
 */
public final class KillTestWriter {
    private KillTestWriter() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int start = Integer.parseInt(args[1]);
        EeltStore store = EeltStore.open(dir, StoreSettings.defaults().withSync(Boolean.parseBoolean(args[2])));
        System.out.println("ready " + store.count());
        System.out.flush();
        for (int i = start; i < start + 1_000_000; i++) {
            LabeledFrame l = TestData.water(i);
            InsertResult r = store.putLabeled(l);
            if (r.inserted()) {
                System.out.println("acked " + i + " " + r.sequence() + " " + r.hash().hex());
                System.out.flush();
            }
            if (i > start) {
                store.putLabeled(TestData.water(i - 1));
            }
        }
    }
}
