package org.eelt.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.FormatException;
import org.eelt.trainer.SharedData;
import org.eelt.trainer.model.DpModel;
import org.eelt.trainer.model.DpSpec;
import org.eelt.trainer.model.Environment;
import org.eelt.trainer.model.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataTest {
    @TempDir
    Path tmp;

    @Test
    void loadsWaterSystem() throws IOException {
        DeepmdSystem s = DeepmdSystem.load(SharedData.water(0), List.of("O", "H"));
        assertEquals(192, s.natoms());
        assertEquals(80, s.frames());
        assertEquals(64, s.typeCounts(List.of("O", "H"))[0]);
        assertEquals(128, s.typeCounts(List.of("O", "H"))[1]);
        assertTrue(s.structure(0).cell().isFullyPeriodic());
        assertEquals(576, s.force(0).length);
        assertTrue(s.energy(0) < -29000 && s.energy(0) > -31000, "water energy ~ -30 keV: " + s.energy(0));
        // type map re-mapping by name: a model listing H first sees the same species
        DeepmdSystem r = DeepmdSystem.load(SharedData.water(0), List.of("H", "O"));
        assertArrayEquals(s.species(), r.species());
        assertEquals(64, r.typeCounts(List.of("H", "O"))[1]);
        assertEquals(1, BatchSampler.autoBatchSize(192, 32));
        assertEquals(6, BatchSampler.autoBatchSize(6, 32));
        assertEquals(2, BatchSampler.autoBatchSize(20, 32));
    }

    @Test
    void badSystemsNameTheFile() throws IOException {
        Path d = tmp.resolve("bad");
        Files.createDirectories(d.resolve("set.000"));
        Files.writeString(d.resolve("type.raw"), "0\n5\n");
        NpyWriter.write(d.resolve("set.000/coord.npy"), new double[] {0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1}, 2, 6);
        NpyWriter.write(d.resolve("set.000/box.npy"), boxes(2), 2, 9);
        NpyWriter.write(d.resolve("set.000/energy.npy"), new double[2], 2);
        FormatException e = assertThrows(FormatException.class, () -> DeepmdSystem.load(d, List.of("O", "H")));
        assertTrue(e.getMessage().contains("type.raw") && e.getMessage().contains("type 5"), e.getMessage());
        Files.writeString(d.resolve("type.raw"), "0\n1\n");
        NpyWriter.write(d.resolve("set.000/box.npy"), boxes(1), 1, 9);
        e = assertThrows(FormatException.class, () -> DeepmdSystem.load(d, List.of("O", "H")));
        assertTrue(e.getMessage().contains("box.npy"), e.getMessage());
        NpyWriter.write(d.resolve("set.000/box.npy"), boxes(2), 2, 9);
        Files.writeString(d.resolve("type_map.raw"), "O\nC\n");
        e = assertThrows(FormatException.class, () -> DeepmdSystem.load(d, List.of("O", "H")));
        assertTrue(e.getMessage().contains("'C'") && e.getMessage().contains("type_map"), e.getMessage());
    }

    private static double[] boxes(int n) {
        double[] b = new double[9 * n];
        for (int k = 0; k < n; k++) {
            b[9 * k] = b[9 * k + 4] = b[9 * k + 8] = 10;
        }
        return b;
    }

    @Test
    void inMemoryFramesMakeTheSameSystem() throws IOException {
        DeepmdSystem disk = DeepmdSystem.load(SharedData.water(0), List.of("O", "H"));
        List<org.eelt.protocol.atoms.Frame> frames = org.eelt.protocol.io.DeepmdNpy.read(SharedData.water(0));
        DeepmdSystem mem = DeepmdSystem.fromFrames("snapshot-1", frames, List.of("O", "H"));
        assertEquals(disk.frames(), mem.frames());
        assertArrayEquals(disk.force(7), mem.force(7));
        assertEquals(disk.energy(3), mem.energy(3));
        assertEquals(disk.structure(5), mem.structure(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeepmdSystem.fromFrames("snapshot-1", frames, List.of("O")));
        assertTrue(e.getMessage().contains("'H'"), e.getMessage());
    }

    @Test
    void energyBiasIsExactForTwoCompositionsAndMinimumNormForOne() throws IOException {
        DpSpec spec = TinyModels.spec(true);
        DpModel teacher = TinyModels.model(spec, 1);
        // synthetic energies E = 3 n_O − 2 n_H by overriding with a linear model: write systems by hand
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        writeLinear(a, new String[] {"O", "H", "H"}, 3, -2, 4);
        writeLinear(b, new String[] {"O", "O", "H"}, 3, -2, 3);
        List<DeepmdSystem> both = List.of(DeepmdSystem.load(a, spec.typeMap()), DeepmdSystem.load(b, spec.typeMap()));
        double[] bias = EnergyBias.leastSquares(both, spec.typeMap());
        assertEquals(3, bias[0], 1e-10);
        assertEquals(-2, bias[1], 1e-10);
        // one composition (1 O, 2 H, E = -1): minimum-norm solution b = E·c/|c|² = (-1/5, -2/5)
        double[] one = EnergyBias.leastSquares(List.of(both.get(0)), spec.typeMap());
        assertEquals(-0.2, one[0], 1e-10);
        assertEquals(-0.4, one[1], 1e-10);
        assertTrue(teacher.spec().ntypes() == 2);
    }

    private static void writeLinear(Path dir, String[] sp, double eo, double eh, int frames) throws IOException {
        Files.createDirectories(dir.resolve("set.000"));
        StringBuilder t = new StringBuilder();
        double e = 0;
        for (String s : sp) {
            t.append(s.equals("O") ? 0 : 1).append(' ');
            e += s.equals("O") ? eo : eh;
        }
        Files.writeString(dir.resolve("type.raw"), t.toString());
        Files.writeString(dir.resolve("type_map.raw"), "O H");
        Files.writeString(dir.resolve("nopbc"), "");
        double[] c = new double[frames * 3 * sp.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = k * 1.1;
        }
        double[] en = new double[frames];
        java.util.Arrays.fill(en, e);
        NpyWriter.write(dir.resolve("set.000/coord.npy"), c, frames, 3 * sp.length);
        NpyWriter.write(dir.resolve("set.000/energy.npy"), en, frames);
    }

    @Test
    void envStatisticsFollowDeepmdRule() throws IOException {
        DpSpec spec = TinyModels.spec(true);
        DpModel teacher = TinyModels.model(spec, 1);
        List<Structure> frames = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            frames.add(TinyModels.structure(9, true, 40 + k));
        }
        Path d = tmp.resolve("sys");
        NpyWriter.system(d, spec.typeMap(), frames, teacher);
        DeepmdSystem sys = DeepmdSystem.load(d, spec.typeMap());
        double[][] st = EnvStatistics.compute(spec, List.of(sys), 10);
        // direct recomputation for type 0 (O): all slots of all O atoms, padded ones as zeros
        double n = 0, s = 0, s2 = 0, a2 = 0, a = 0;
        for (Structure f : frames) {
            int[] types = f.types(spec.typeMap());
            Environment env = Environment.build(spec, f, types);
            for (int i = 0; i < f.size(); i++) {
                if (types[i] != 0) {
                    continue;
                }
                for (int j = 0; j < spec.nnei(); j++) {
                    double[] row = java.util.Arrays.copyOfRange(env.rows(), 4 * (i * spec.nnei() + j), 4 * (i * spec.nnei() + j) + 4);
                    n++;
                    s += row[0];
                    s2 += row[0] * row[0];
                    for (int c = 1; c < 4; c++) {
                        a += row[c];
                        a2 += row[c] * row[c];
                    }
                }
            }
        }
        assertEquals(s / n, st[0][0], 1e-14);
        assertEquals(0, st[0][1]);
        assertEquals(Math.max(0.01, Math.sqrt(s2 / n - (s / n) * (s / n))), st[1][0], 1e-12);
        double sa = Math.max(0.01, Math.sqrt(a2 / (3 * n) - (a / (3 * n)) * (a / (3 * n))));
        assertEquals(sa, st[1][1], 1e-12);
        assertEquals(st[1][1], st[1][3]);
    }

    @Test
    void samplerIsDeterministicAndRestorable() throws IOException {
        DpSpec spec = TinyModels.spec(true);
        DpModel teacher = TinyModels.model(spec, 1);
        List<Structure> frames = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            frames.add(TinyModels.structure(6, false, 60 + k));
        }
        Path d = tmp.resolve("s");
        NpyWriter.system(d, spec.typeMap(), frames, teacher);
        DeepmdSystem sys = DeepmdSystem.load(d, spec.typeMap());
        BatchSampler a = new BatchSampler(List.of(sys), new int[] {2}, 5);
        BatchSampler b = new BatchSampler(List.of(sys), new int[] {2}, 5);
        List<Double> ea = new ArrayList<>(), eb = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            a.next(spec).forEach(f -> ea.add(f.energy()));
        }
        long[] st = a.state();
        for (int k = 0; k < 4; k++) {
            b.next(spec).forEach(f -> eb.add(f.energy()));
        }
        assertEquals(ea, eb);
        BatchSampler c = new BatchSampler(List.of(sys), new int[] {2}, 99);
        c.restore(st);
        for (int k = 0; k < 3; k++) {
            assertEquals(a.next(spec).get(0).energy(), c.next(spec).get(0).energy());
        }
        // each pass visits every frame once: 5 frames over the first 2.5 batches
        assertEquals(5, new java.util.HashSet<>(ea.subList(0, 5)).size());
    }
}
