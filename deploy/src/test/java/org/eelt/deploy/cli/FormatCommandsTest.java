package org.eelt.deploy.cli;

import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.io.Formats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void infoReportsFramesSetsSpeciesAndLabelsOfTheWaterData() {
        Path data1 = CliTestSupport.shared().resolve("data/deepmd-water/data_1");
        CliTestSupport.Run r = CliTestSupport.run("info", data1.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("frames: 160"), r.out());
        assertTrue(r.out().contains("sets: set.000 frames: 80, set.001 frames: 80"), r.out());
        assertTrue(r.out().contains("species: O 64, H 128"), r.out());
        assertTrue(r.out().contains("labels: energy 160/160, forces 160/160, virial 0/160"), r.out());
    }

    @Test
    void deepmdToExtxyzToDeepmdGivesBackTheSameArrays() throws Exception {
        Path data1 = CliTestSupport.shared().resolve("data/deepmd-water/data_1");
        Path xyz = tmp.resolve("x.extxyz");
        Path back = tmp.resolve("y");
        assertEquals(0, CliTestSupport.run("convert", data1.toString(), xyz.toString()).status());
        CliTestSupport.Run r = CliTestSupport.run("convert", xyz.toString(), back.toString(), "--format", "deepmd");
        assertEquals(0, r.status(), r.err());
        List<Frame> a = Formats.read(data1);
        List<Frame> b = Formats.read(back);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).structure().positions(), b.get(i).structure().positions());
            assertArrayEquals(a.get(i).forces(), b.get(i).forces());
            assertEquals(a.get(i).energy(), b.get(i).energy());
            assertEquals(a.get(i).structure().cell(), b.get(i).structure().cell());
        }
    }

    @Test
    void badInputGivesExitStatus2AndNamesTheFileAndLineWithoutPartialOutput() throws Exception {
        Path bad = tmp.resolve("bad.extxyz");
        Files.writeString(bad, "2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nCu 0 0 0\nCu 1.0 x 1\n");
        Path out = tmp.resolve("out.extxyz");
        CliTestSupport.Run r = CliTestSupport.run("convert", bad.toString(), out.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("bad.extxyz") && r.err().contains("line 4"), r.err());
        assertFalse(Files.exists(out));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary or partial file is left");
        }
    }

    @Test
    void everySubcommandHasHelp() {
        for (String cmd : EeltCli.commandLine().getSubcommands().keySet()) {
            CliTestSupport.Run r = CliTestSupport.run(cmd, "--help");
            assertEquals(0, r.status(), cmd);
            assertTrue(r.out().contains("Usage: eelt " + cmd), cmd + ": " + r.out());
        }
    }
}
