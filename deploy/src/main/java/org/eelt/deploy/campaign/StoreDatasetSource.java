package org.eelt.deploy.campaign;

import java.util.ArrayList;
import java.util.List;

import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.store.DatasetSnapshot;
import org.eelt.store.EeltStore;
import org.eelt.trainer.agent.DatasetSource;

/**
 * The trainers' view of the RocksDB store: a snapshot is the first {@code n} labels in insertion
 * order, read without blocking writers ({@link EeltStore#export(DatasetSnapshot)}).
 */
public final class StoreDatasetSource implements DatasetSource {
    private final EeltStore store;

    /** @param store the campaign's store */
    public StoreDatasetSource(EeltStore store) {
        this.store = store;
    }

    @Override
    public List<Frame> frames(long snapshot) {
        List<Frame> out = new ArrayList<>();
        for (LabeledFrame l : store.export(new DatasetSnapshot(Math.min(snapshot, store.count())))) {
            out.add(l.frame());
        }
        return out;
    }
}
