package org.eelt.potential.dp;

import org.eelt.potential.ForceResult;
import org.eelt.potential.neighbor.NeighborList;
import org.eelt.potential.neighbor.Neighbors;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.DeepmdNpy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Deep Potential gives the same energy, forces and virial on the vector (SIMD) path of this
 * JVM and on the scalar path of a child JVM started without {@code jdk.incubator.vector}, for
 * DeePMD-kit's water example architecture on a 192-atom water frame (2944 to 11776 embedding rows
 * per type pair, so the dense nets run in several row chunks).
 */
class DeepPotScalarPathTest {
    /** Energy, virial and the forces of atoms 0, 1, 100 and 191, space separated (eV, eV/Å). */
    static String evaluate(Path water) throws IOException {
        Structure frame = DeepmdNpy.read(water).get(0).structure();
        DeepPotModel model = DeepPotModels.random(DpArchitecture.waterExample(false), 3);
        NeighborList nl = Neighbors.build(frame, model.rcut(), 0.0);
        ForceResult r = new DeepPotEvaluator(model).compute(frame, nl);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%.17g", r.energy()));
        for (double v : r.virial()) {
            sb.append(String.format(Locale.ROOT, " %.17g", v));
        }
        for (int i : new int[] {0, 1, 100, 191}) {
            for (int k = 0; k < 3; k++) {
                sb.append(String.format(Locale.ROOT, " %.17g", r.forces()[3 * i + k]));
            }
        }
        return sb.toString();
    }

    @Test
    void vectorAndScalarPathsAgree() throws IOException, InterruptedException {
        assertTrue(VectorMath.vectorized(), "the test JVM must run the vector path");
        Path water = SharedData.file("data/deepmd-water/data_0");
        String[] here = evaluate(water).split(" ");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx1g", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), Child.class.getName(), water.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        String[] lines = out.split("\n");
        String[] child = lines[lines.length - 1].trim().split(" ");
        assertEquals("scalar", child[0], out);
        assertEquals(here.length, child.length - 1, out);
        for (int i = 0; i < here.length; i++) {
            double a = Double.parseDouble(here[i]);
            double b = Double.parseDouble(child[i + 1]);
            assertEquals(a, b, 1e-11 * Math.max(1, Math.abs(a)), "value " + i + ": vector " + a + " scalar " + b);
        }
    }

    /**
     * One centre atom per block keeps every embedding batch within one row chunk (sel ≤ 92 rows);
     * the whole frame in one block gives 2944–11776 rows per batch, so the contraction into T and
     * the dG rows run chunk by chunk: both must give the same energy, virial and forces.
     */
    @Test
    void chunkedBatchesEqualSingleAtomBlocks() throws IOException {
        Structure frame = DeepmdNpy.read(SharedData.file("data/deepmd-water/data_0")).get(0).structure();
        DeepPotModel model = DeepPotModels.random(DpArchitecture.waterExample(false), 5);
        NeighborList nl = Neighbors.build(frame, model.rcut(), 0.0);
        assertTrue(64 * 46 > DenseNet.CHUNK_ROWS, "the big block must span several chunks");
        ForceResult big = new DeepPotEvaluator(model, Precision.FLOAT64, 192).compute(frame, nl);
        ForceResult one = new DeepPotEvaluator(model, Precision.FLOAT64, 1).compute(frame, nl);
        assertEquals(one.energy(), big.energy(), 1e-11 * Math.abs(one.energy()));
        for (int i = 0; i < 9; i++) {
            assertEquals(one.virial()[i], big.virial()[i], 1e-11 * Math.max(1, Math.abs(one.virial()[i])));
        }
        for (int i = 0; i < big.forces().length; i++) {
            assertEquals(one.forces()[i], big.forces()[i], 1e-11 * Math.max(1, Math.abs(one.forces()[i])), "force " + i);
        }
    }

    /** Child JVM entry point: prints the path it runs and {@link #evaluate}'s values. */
    public static final class Child {
        public static void main(String[] args) throws IOException {
            System.out.println((VectorMath.vectorized() ? "vector " : "scalar ") + evaluate(Path.of(args[0])));
        }
    }
}
