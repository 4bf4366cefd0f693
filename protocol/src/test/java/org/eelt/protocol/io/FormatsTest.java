package org.eelt.protocol.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatsTest {
    @TempDir
    Path tmp;

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void detectsFormatsFromPaths() throws IOException {
        assertEquals(FileFormat.DEEPMD, FileFormat.detect(SharedData.water().resolve("data_0")));
        assertEquals(FileFormat.EXTXYZ, FileFormat.detect(Path.of("a/b/traj.extxyz")));
        assertEquals(FileFormat.EXTXYZ, FileFormat.detect(Path.of("mol.XYZ")));
        assertEquals(FileFormat.LAMMPS_DATA, FileFormat.detect(Path.of("conf.lmp")));
        assertEquals(FileFormat.LAMMPS_DATA, FileFormat.detect(Path.of("in/cu.data")));
        assertEquals(FileFormat.LAMMPS_DATA, FileFormat.detect(Path.of("data.cu")));
        assertThrows(IllegalArgumentException.class, () -> FileFormat.detect(tmp.resolve("POSCAR")));
        assertEquals(FileFormat.EXTXYZ, FileFormat.of("xyz"));
        assertEquals(FileFormat.DEEPMD, FileFormat.of("deepmd/npy"));
        assertEquals(FileFormat.LAMMPS_DATA, FileFormat.of("lammps-data"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FileFormat.of("vasp"));
        assertTrue(e.getMessage().contains("extxyz, xyz, deepmd, lammps-data"));
    }

    @Test
    void infoSummarisesTheWaterData() throws IOException {
        FormatInfo info = Formats.info(SharedData.water().resolve("data_1"));
        assertEquals(FileFormat.DEEPMD, info.format());
        assertEquals(160, info.frames());
        assertEquals(192, info.minAtoms());
        assertEquals(192, info.maxAtoms());
        assertEquals(Map.of("O", 64, "H", 128), info.speciesCounts());
        assertEquals(List.of("O", "H"), List.copyOf(info.speciesCounts().keySet()));
        assertTrue(info.uniformComposition());
        assertEquals(160, info.periodicFrames());
        assertEquals(160, info.energyFrames());
        assertEquals(160, info.forceFrames());
        assertEquals(0, info.virialFrames());
        assertEquals(0, info.atomicEnergyFrames());
        assertTrue(info.firstCell().isFullyPeriodic());
        assertTrue(info.describe().contains("frames: 160"));
        // a parent folder of systems reads them all
        assertEquals(80 + 160 + 80 + 80, Formats.read(SharedData.water()).size());
    }

    @Test
    void writesEveryFormatAtomicallyAndReadsItBack() throws IOException {
        List<Frame> frames = ExtXyzTest.randomFrames(new Random(9), 6);
        Path xyz = tmp.resolve("out/traj.extxyz");
        List<Map<String, String>> info = List.of(Map.of("step", "0"), Map.of("step", "1"), Map.of("step", "2"),
                Map.of("step", "3"), Map.of("step", "4"), Map.of("step", "5"));
        Formats.write(xyz, frames, null, FormatOptions.defaults().withInfo(info));
        assertEquals(frames, Formats.read(xyz));
        assertEquals("5", ExtXyz.readWithInfo(xyz).get(5).info().get("step"));
        // overwrite in place
        Formats.write(xyz, frames.subList(0, 2), "extxyz", null);
        assertEquals(2, Formats.read(xyz).size());

        Structure s = new Structure(new String[] {"Cu", "Cu"}, new double[] {0, 0, 0, 1.8, 1.8, 0},
                Cell.periodic(3.6, 0, 0, 1.8, 3.1, 0, 0.5, 0.3, 3.4));
        Path data = tmp.resolve("cu.data");
        Formats.write(data, List.of(Frame.of(s)), null, null);
        Structure back = Formats.read(data).get(0).structure();
        assertArrayEquals(LammpsBox.ofCell(s.cell()).toLammps(s.positions()), back.positions(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Formats.write(tmp.resolve("two.data"),
                List.of(Frame.of(s), Frame.of(s)), null, null));

        Path sys = tmp.resolve("cu-sys");
        List<Frame> labeled = List.of(new Frame(s, -7.0, new double[6], null, null));
        Formats.write(sys, labeled, "deepmd", FormatOptions.defaults());
        assertEquals(labeled, Formats.read(sys));
        // replacing an existing directory
        Formats.write(sys, List.of(labeled.get(0), labeled.get(0)), "deepmd", FormatOptions.defaults().withSetSize(1));
        assertEquals(2, Formats.read(sys).size());
        assertTrue(Files.isDirectory(sys.resolve("set.001")));
        assertEquals(List.of("cu-sys", "cu.data", "out"), listing(), "no temporary or backup left behind");
    }

    @Test
    void failedWritesLeaveNothingBehind() throws IOException {
        Structure a = new Structure(new String[] {"O", "H"}, new double[6], Cell.orthorhombic(5, 5, 5));
        Structure b = new Structure(new String[] {"H", "O"}, new double[6], Cell.orthorhombic(5, 5, 5));
        List<Frame> mixed = List.of(Frame.of(a), Frame.of(b));
        assertThrows(IllegalArgumentException.class, () -> Formats.write(tmp.resolve("sys"), mixed, "deepmd", null));
        assertEquals(List.of(), listing());

        // an existing target stays as it was when the new content fails part-way
        Path xyz = tmp.resolve("keep.extxyz");
        Formats.write(xyz, List.of(Frame.of(a)), null, null);
        String before = Files.readString(xyz);
        Structure blank = new Structure(new String[] {"bad name"}, new double[3], Cell.nonPeriodic());
        assertThrows(IllegalArgumentException.class,
                () -> Formats.write(xyz, List.of(Frame.of(a), Frame.of(blank)), null, null));
        assertEquals(before, Files.readString(xyz));
        assertEquals(List.of("keep.extxyz"), listing());

        Path sys = tmp.resolve("sys2");
        Formats.write(sys, List.of(Frame.of(a)), "deepmd", null);
        assertThrows(IllegalArgumentException.class, () -> Formats.write(sys, mixed, "deepmd", null));
        assertEquals(List.of(Frame.of(a)), Formats.read(sys));
        assertEquals(List.of("keep.extxyz", "sys2"), listing());
        assertFalse(Files.exists(tmp.resolve("sys")));
    }
}
