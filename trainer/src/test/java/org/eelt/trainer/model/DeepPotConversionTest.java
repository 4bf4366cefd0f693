package org.eelt.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.eelt.potential.ForceResult;
import org.eelt.potential.dp.DeepPotEvaluator;
import org.eelt.potential.dp.DeepPotModel;
import org.eelt.potential.dp.DpModelYaml;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.eelt.trainer.SharedData;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The training kernel and the inference evaluator of org.eelt.potential.dp agree exactly. */
class DeepPotConversionTest {

    static void close(double[] a, double[] b, double tol, String what) {
        assertEquals(a.length, b.length, what);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], tol, what + " [" + i + "]");
        }
    }

    @Test
    void randomModelsAgreeWithTheEvaluator() {
        for (boolean oneSide : new boolean[] {true, false}) {
            DpModel m = TinyModels.model(TinyModels.spec(oneSide), 31);
            DeepPotModel dp = DeepPotConversion.toDeepPot(m);
            DeepPotEvaluator ev = new DeepPotEvaluator(dp);
            for (boolean pbc : new boolean[] {true, false}) {
                Structure s = TinyModels.structure(10, pbc, 5);
                ForceResult a = m.compute(s), b = ev.compute(s);
                assertEquals(b.energy(), a.energy(), 1e-12);
                close(b.atomicEnergies(), a.atomicEnergies(), 1e-12, "atomic energies");
                close(b.forces(), a.forces(), 1e-12, "forces");
                close(b.virial(), a.virial(), 1e-12, "virial");
            }
            DpModel back = DeepPotConversion.fromDeepPot(dp);
            assertArrayEquals(m.parameters(), back.parameters(), 0.0);
            assertArrayEquals(m.davg(), back.davg(), 0.0);
            assertEquals(m.spec(), back.spec());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void importedDeepmdModelReproducesTheFixture() throws Exception {
        DeepPotModel dp = DpModelYaml.read(SharedData.root().resolve("fixtures/deepmd/deeppot_sea.yaml"));
        DpModel m = DeepPotConversion.fromDeepPot(dp);
        Map<String, Object> tc = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(SharedData.root().resolve("fixtures/deepmd/deeppot-testcase.yaml")));
        List<Map<String, Object>> blocks = (List<Map<String, Object>>) tc.get("results");
        assertTrue(blocks.size() >= 2);
        for (Map<String, Object> b : blocks) {
            double[] coord = arr(b.get("coord")), atype = arr(b.get("atype"));
            String[] sp = new String[atype.length];
            for (int i = 0; i < sp.length; i++) {
                sp[i] = m.spec().typeMap().get((int) atype[i]);
            }
            Cell cell = b.get("box") == null ? Cell.nonPeriodic() : Cell.periodic(arr(b.get("box")));
            ForceResult r = m.compute(new Structure(sp, coord, cell));
            close(arr(b.get("atomic_energy")), r.atomicEnergies(), 1e-10, "atomic energy");
            close(arr(b.get("force")), r.forces(), 1e-10, "force");
            double[] av = arr(b.get("atomic_virial"));
            double[] v = new double[9];
            for (int i = 0; i < av.length; i++) {
                v[i % 9] += av[i];
            }
            close(v, r.virial(), 1e-10, "virial");
        }
    }

    @Test
    void exportedFilesReadBackBitExact(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        DpModel m = TinyModels.model(TinyModels.spec(false), 12);
        java.nio.file.Path eelt = tmp.resolve("m.eelt.yaml"), dp = tmp.resolve("m.yaml");
        org.eelt.trainer.ModelExport.writeEelt(m, eelt, 12, "snap-1", 100);
        org.eelt.trainer.ModelExport.writeDeepmd(m, dp);
        for (java.nio.file.Path f : List.of(eelt, dp)) {
            DpModel back = org.eelt.trainer.ModelExport.read(f);
            assertArrayEquals(m.parameters(), back.parameters(), 0.0, f.toString());
            assertArrayEquals(m.dstd(), back.dstd(), 0.0);
        }
        assertEquals(100, org.eelt.potential.dp.EeltModelFile.read(eelt).provenance().trainingSteps());
    }

    static double[] arr(Object o) {
        List<?> l = (List<?>) o;
        double[] v = new double[l.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((Number) l.get(i)).doubleValue();
        }
        return v;
    }
}
