package org.eelt.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.protocol.atoms.Provenance;
import org.eelt.protocol.io.FormatOptions;
import org.eelt.protocol.io.Formats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DeePMD-kit's water data in, deepmd/npy and extxyz out, every number unchanged. */
class ExportTest {
    @TempDir
    Path dir;

    @Test
    void waterDatasetRoundTripsThroughTheStoreIntoDeepmdAndExtxyz() throws Exception {
        Path system = TestData.shared().resolve("data/deepmd-water/data_0");
        List<Frame> input = Formats.read(system);
        assertEquals(80, input.size());
        List<LabeledFrame> labels = new ArrayList<>();
        for (Frame f : input) {
            labels.add(new LabeledFrame(f, new Provenance("file:" + system, "dft:deepmd-water", "", 0, "0.1.0", 0)));
        }
        DatasetSnapshot snap;
        try (EeltStore store = EeltStore.open(dir.resolve("store"))) {
            List<InsertResult> rs = store.putLabeledAll(labels);
            assertFalse(rs.stream().anyMatch(r -> !r.inserted()), "80 distinct water frames");
            // importing the same system again adds nothing
            assertEquals(0, store.putLabeledAll(labels).stream().filter(InsertResult::inserted).count());
            snap = store.snapshot();
            FormatOptions opts = FormatOptions.defaults().withTypeMap(List.of("O", "H"));
            assertEquals(80, store.exportTo(dir.resolve("out-deepmd"), "deepmd", opts, snap));
            assertEquals(80, store.exportTo(dir.resolve("out.xyz"), "extxyz", null, snap));
        }
        for (Path out : List.of(dir.resolve("out-deepmd"), dir.resolve("out.xyz"))) {
            List<Frame> back = Formats.read(out);
            assertEquals(input.size(), back.size(), out.toString());
            for (int i = 0; i < input.size(); i++) {
                Frame a = input.get(i);
                Frame b = back.get(i);
                assertArrayEquals(a.structure().species(), b.structure().species());
                assertArrayEquals(a.structure().positions(), b.structure().positions(), 0.0, out + " frame " + i);
                assertArrayEquals(a.structure().cell().matrix(), b.structure().cell().matrix(), 0.0);
                assertEquals(a.energy(), b.energy(), 0.0);
                assertArrayEquals(a.forces(), b.forces(), 0.0);
            }
        }
    }
}
