package org.eelt.potential.dp;

import org.eelt.potential.ForceResult;
import org.eelt.potential.neighbor.Neighbors;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ACCEPTANCE: DeePMD-kit's reference values for {@code deeppot_sea.yaml}
 * ({@code fixtures/deepmd/deeppot-testcase.yaml}) reproduced to 1e-10 absolute: atomic energies,
 * total energy, forces, atomic virials, total virial, descriptor and fitting last layer.
 */
class DeepPotFixtureTest {
    static final double TOL = 1e-10;
    static DeepPotModel model;
    static List<Map<String, Object>> blocks;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws Exception {
        model = DpModelYaml.read(SharedData.file("fixtures/deepmd/deeppot_sea.yaml"));
        Map<String, Object> tc = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(SharedData.file("fixtures/deepmd/deeppot-testcase.yaml")));
        blocks = (List<Map<String, Object>>) tc.get("results");
    }

    static double[] arr(Object o) {
        List<?> l = (List<?>) o;
        double[] v = new double[l.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((Number) l.get(i)).doubleValue();
        }
        return v;
    }

    static Structure structure(Map<String, Object> b, List<String> typeMap) {
        double[] coord = arr(b.get("coord"));
        double[] atype = arr(b.get("atype"));
        String[] species = new String[atype.length];
        for (int i = 0; i < species.length; i++) {
            species[i] = typeMap.get((int) atype[i]);
        }
        Cell cell = b.get("box") == null ? Cell.nonPeriodic() : Cell.periodic(arr(b.get("box")));
        return new Structure(species, coord, cell);
    }

    static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(max <= TOL, what + ": max |Δ| = " + max);
    }

    @Test
    void everyBlockReproducedTo1e10() {
        DeepPotEvaluator ev = new DeepPotEvaluator(model);
        assertEquals(3, blocks.size());
        for (int k = 0; k < blocks.size(); k++) {
            Map<String, Object> b = blocks.get(k);
            Structure s = structure(b, model.typeMap());
            ForceResult r = ev.compute(s);
            String tag = "block " + (k + 1) + " ";
            double[] ae = arr(b.get("atomic_energy"));
            double[] av = arr(b.get("atomic_virial"));
            assertClose(ae, r.atomicEnergies(), tag + "atomic energy");
            double e = 0;
            for (double x : ae) {
                e += x;
            }
            assertEquals(e, r.energy(), TOL, tag + "energy");
            assertClose(arr(b.get("force")), r.forces(), tag + "force");
            assertClose(av, r.atomicVirials(), tag + "atomic virial");
            double[] v = new double[9];
            for (int i = 0; i < av.length; i++) {
                v[i % 9] += av[i];
            }
            assertClose(v, r.virial(), tag + "virial");
            if (b.containsKey("descriptor")) {
                var nl = Neighbors.build(s, model.rcut(), 0);
                assertClose(arr(b.get("descriptor")), ev.descriptor(s, nl), tag + "descriptor");
                assertClose(arr(b.get("fit_ll")), ev.fittingLastHidden(s, nl), tag + "fitting last layer");
            }
        }
    }

    /**
     * The 1e-10 agreement above covers the forward mode's shared padded row: DeePMD-kit's
     * statistics are the same on every slot of a section, and the reference frames leave slots
     * empty, so every group with padding evaluates one row for all of them.
     */
    @Test
    void theReferenceFramesRunTheSharedPaddedRow() {
        int shared = 0;
        for (Map<String, Object> b : blocks) {
            Structure s = structure(b, model.typeMap());
            var nl = Neighbors.build(s, model.rcut(), 0);
            int[] types = s.types(model.typeMap());
            NeighborSelection sel = NeighborSelection.build(s.positions(), types, nl, model, 0, s.size());
            DescriptorPass p = DescriptorPass.forward(model.descriptor(), Precision.FLOAT64, sel, types, null, null,
                    true);
            for (EmbeddingRows[] row : p.rowMaps) {
                for (EmbeddingRows er : row) {
                    shared += er != null && er.padRow() >= 0 ? 1 : 0;
                }
            }
        }
        assertTrue(shared > 0, "no reference frame used the shared padded row");
    }
}
