package org.eelt.deploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eelt.explorer.build.Bulk;
import org.eelt.explorer.build.Perturbations;
import org.eelt.potential.ForceResult;
import org.eelt.potential.builtin.SuttonChen;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.protocol.atoms.Provenance;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.ExtXyz;
import org.eelt.protocol.io.ExtXyzFrame;
import org.eelt.protocol.io.Formats;
import org.eelt.store.EeltStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
    static LabeledFrame label(Structure s) {
        ForceResult r = SuttonChen.copper().compute(s);
        return new LabeledFrame(new Frame(s, r.energy(), r.forces(), r.virial(), null),
                new Provenance("sutton-chen", "sutton-chen:test", "generation-1", 0, "test", 0));
    }

    @Test
    void exportsEveryLabelOnceInBothFormats(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        try (EeltStore s = EeltStore.open(run.resolve("store"))) {
            for (int i = 0; i < 3; i++) {
                s.putLabeled(label(Perturbations.rattle(Bulk.fcc("Cu", 3.615, 2), 0.05, i)));
            }
            s.putLabeled(label(Perturbations.rattle(Bulk.fcc("Cu", 3.615, 2), 0.05, 0))); // duplicate: stored once
            LabeledFrame last = label(Perturbations.rattle(Bulk.fcc("Cu", 3.615, 3), 0.05, 7));
            s.putString("label-meta/" + s.hashOf(last).hex(), "candidate=c9;walker=s1-w3;generation=4;"
                    + "deviation=0.213;labeler=labeler-0;attempts=2;busy_ms=4100;oracle_ms=2000");
            s.putLabeled(last);
            assertEquals(4, s.count());
        }
        Path xyz = dir.resolve("all.extxyz");
        assertEquals(0, new CommandLine(new ExportCommand()).execute(run.toString(), "--format", "extxyz", xyz.toString()));
        List<Frame> frames = Formats.read(xyz);
        assertEquals(4, frames.size());
        // every frame says where it came from; the campaign's selection record where it has one
        List<ExtXyzFrame> info = ExtXyz.readWithInfo(xyz);
        for (ExtXyzFrame f : info) {
            assertEquals("sutton-chen:test", f.info().get("oracle_settings"));
            assertEquals("generation-1", f.info().get("model_version"));
            assertEquals(64, f.info().get("label_hash").length(), f.info().toString());
        }
        Map<String, String> sel = info.get(3).info();
        assertEquals("s1-w3", sel.get("walker"));
        assertEquals("0.213", sel.get("deviation"));
        assertEquals("2000", sel.get("oracle_ms"));
        assertEquals("c9", sel.get("candidate_id"));
        assertNull(info.get(0).info().get("walker"), "no selection record for frames that had none");
        Path dp = dir.resolve("dp");
        assertEquals(0, new CommandLine(new ExportCommand()).execute(run.toString(), "--format", "deepmd", dp.toString()));
        try (var systems = Files.list(dp)) {
            List<Path> dirs = systems.sorted().toList();
            assertEquals(2, dirs.size(), "32- and 108-atom frames go to separate systems");
            assertEquals(3, Formats.read(dirs.get(0)).size());
            assertEquals(1, Formats.read(dirs.get(1)).size());
        }
        assertNotEquals(0, new CommandLine(new ExportCommand()).execute(dir.resolve("nothing").toString(), "--format",
                "extxyz", xyz.toString()));
    }
}
