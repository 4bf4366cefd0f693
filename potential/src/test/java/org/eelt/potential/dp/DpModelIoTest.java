package org.eelt.potential.dp;

import org.eelt.potential.ForceResult;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.FormatException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dpmodel YAML and eelt-dp round trips (bit-exact) and clear errors on bad input. */
class DpModelIoTest {
    static String fixtureText;
    static DeepPotModel fixture;

    @BeforeAll
    static void load() throws Exception {
        fixtureText = Files.readString(SharedData.file("fixtures/deepmd/deeppot_sea.yaml"));
        fixture = DpModelYaml.parse(fixtureText, "deeppot_sea.yaml");
    }

    static void assertSameParameters(DeepPotModel a, DeepPotModel b) {
        assertEquals(a.typeMap(), b.typeMap());
        assertArrayEquals(a.descriptor().davg(), b.descriptor().davg());
        assertArrayEquals(a.descriptor().dstd(), b.descriptor().dstd());
        assertArrayEquals(a.descriptor().sel(), b.descriptor().sel());
        assertEquals(a.descriptor().rcut(), b.descriptor().rcut());
        assertEquals(a.descriptor().embeddings().size(), b.descriptor().embeddings().size());
        for (int k = 0; k < a.descriptor().embeddings().size(); k++) {
            assertEquals(a.descriptor().embeddings().get(k).layers(), b.descriptor().embeddings().get(k).layers());
        }
        for (int t = 0; t < a.ntypes(); t++) {
            assertEquals(a.fitting().net(t).layers(), b.fitting().net(t).layers());
        }
        assertArrayEquals(a.fitting().biasAtomE(), b.fitting().biasAtomE());
        assertArrayEquals(a.outBias(), b.outBias());
        assertArrayEquals(a.outStd(), b.outStd());
        assertEquals(DpArchitecture.of(a), DpArchitecture.of(b));
    }

    static void assertIdenticalOutputs(DeepPotModel a, DeepPotModel b) {
        Structure s = TestSystems.randomWater(5, Cell.orthorhombic(6.5, 6.5, 6.5), 1.0, 0.95, 3);
        ForceResult ra = new DeepPotEvaluator(a).compute(s);
        ForceResult rb = new DeepPotEvaluator(b).compute(s);
        assertEquals(ra.energy(), rb.energy(), 0.0);
        assertArrayEquals(ra.forces(), rb.forces(), 0.0);
        assertArrayEquals(ra.atomicVirials(), rb.atomicVirials(), 0.0);
    }

    @Test
    void dpmodelYamlRoundTripIsBitExact(@TempDir Path dir) throws Exception {
        for (DeepPotModel m : new DeepPotModel[] {fixture, TestSystems.smallRandomModel(false, new int[] {10, 20}, 3)}) {
            Path f = dir.resolve("model.yaml");
            DpModelYaml.write(m, f);
            DeepPotModel back = DpModelYaml.read(f);
            assertSameParameters(m, back);
            assertIdenticalOutputs(m, back);
            assertEquals(DpModelYaml.toYaml(m), DpModelYaml.toYaml(back), "export is deterministic");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportedModelTreeEqualsDeepmdKitsOwnSerialization() {
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(
                new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions()));
        java.util.Map<String, Object> original = yaml.load(fixtureText);
        java.util.Map<String, Object> exported = yaml.load(DpModelYaml.toYaml(fixture));
        assertEquals(original.get("model"), exported.get("model"),
                "the model section written by EELT is the one DeePMD-kit wrote, key for key and value for value");
        assertTrue(exported.containsKey("model_def_script"));
    }

    @Test
    void exportedYamlUsesPyYamlCompatibleFloats() {
        String y = DpModelYaml.toYaml(fixture);
        assertTrue(y.contains("\"@class\": \"np.ndarray\""));
        assertTrue(!y.matches("(?s).*[0-9]E[0-9].*"), "exponents carry a sign (YAML 1.1 float syntax)");
        assertEquals("1.0E+10", YamlWriter.formatDouble(1e10));
        assertEquals("-2.5E-7", YamlWriter.formatDouble(-2.5e-7));
        assertEquals(".nan", YamlWriter.formatDouble(Double.NaN));
    }

    @Test
    void eeltModelFileRoundTripIsBitExact(@TempDir Path dir) throws Exception {
        ModelProvenance prov = new ModelProvenance("trainer", 42, "snapshot-7", "0.1.0-SNAPSHOT", 12000, 1700000000000L);
        DeepPotModel m = TestSystems.smallRandomModel(true, new int[] {10, 20}, 9);
        Path f = dir.resolve("model.eelt.yaml");
        new EeltModelFile(m, prov).write(f);
        EeltModelFile back = EeltModelFile.read(f);
        assertEquals(prov, back.provenance());
        assertSameParameters(m, back.model());
        assertIdenticalOutputs(m, back.model());
        String text = Files.readString(f);
        assertTrue(text.contains("format: \"eelt-dp\"") || text.contains("\"format\": \"eelt-dp\""));
        assertEquals(text, back.toYaml(), "re-export is identical");
    }

    @Test
    void loadRecognisesBothFormats(@TempDir Path dir) throws Exception {
        Path dp = dir.resolve("m.yaml");
        DpModelYaml.write(fixture, dp);
        Path ee = dir.resolve("m.eelt.yaml");
        ModelProvenance prov = new ModelProvenance("trainer", 1, "s", "v", 3, 4);
        new EeltModelFile(fixture, prov).write(ee);
        assertEquals(prov, DeepPotModels.load(ee).provenance());
        assertTrue(DeepPotModels.load(dp).provenance().source().startsWith("import:"));
        assertSameParameters(fixture, DeepPotModels.load(dp).model());
        assertSameParameters(fixture, DeepPotModels.load(SharedData.file("fixtures/deepmd/deeppot_sea.yaml")).model());
    }

    @Test
    void versionOneFixtureStaysLoadable() throws Exception {
        Path f = Path.of(DpModelIoTest.class.getResource("eelt-dp-v1.yaml").toURI());
        EeltModelFile v1 = EeltModelFile.read(f);
        assertEquals(new ModelProvenance("trainer", 2026, "water-data_0-3", "0.1.0-SNAPSHOT", 1000, 1795000000000L),
                v1.provenance());
        assertEquals(new DpArchitecture(java.util.List.of("O", "H"), 4.0, 0.5, new int[] {4, 8}, new int[] {2, 4}, 2,
                false, true, new int[] {4, 4}, true), v1.architecture());
        EeltModelFile again = EeltModelFile.parse(v1.toYaml(), "re-export");
        assertSameParameters(v1.model(), again.model());
        ForceResult r = new DeepPotEvaluator(v1.model()).compute(
                TestSystems.randomWater(3, Cell.orthorhombic(6, 6, 6), 1.0, 0.95, 1));
        assertTrue(Double.isFinite(r.energy()));
    }

    @Test
    void unknownModelVersionNamesTheKey() {
        String bad = fixtureText.replaceFirst("(?m)^  \"@version\": 2$", "  \"@version\": 9");
        FormatException e = assertThrows(FormatException.class, () -> DpModelYaml.parse(bad, "m.yaml"));
        assertTrue(e.getMessage().contains("model.@version") && e.getMessage().contains("9"), e.getMessage());
    }

    @Test
    void unknownClassNamesTheKey() {
        String bad = fixtureText.replaceFirst("\"@class\": Descriptor", "\"@class\": DescriptorX");
        FormatException e = assertThrows(FormatException.class, () -> DpModelYaml.parse(bad, "m.yaml"));
        assertTrue(e.getMessage().contains("model.descriptor.@class") && e.getMessage().contains("DescriptorX"),
                e.getMessage());
    }

    @Test
    void shapeMismatchNamesVariableAndBothShapes() {
        String bad = fixtureText.replaceFirst("(?m)^    sel:\\n      - 46", "    sel:\n      - 40");
        assertTrue(!bad.equals(fixtureText), "fixture layout changed");
        FormatException e = assertThrows(FormatException.class, () -> DpModelYaml.parse(bad, "m.yaml"));
        assertTrue(e.getMessage().contains("model.descriptor.@variables.davg") && e.getMessage().contains("(2, 138, 4)")
                && e.getMessage().contains("(2, 132, 4)"), e.getMessage());
    }

    @Test
    void eeltFileOfNewerVersionIsRejected() {
        String text = new EeltModelFile(fixture, ModelProvenance.imported("x")).toYaml()
                .replace("\"version\": 1\n", "\"version\": 2\n");
        FormatException e = assertThrows(FormatException.class, () -> EeltModelFile.parse(text, "m.eelt.yaml"));
        assertTrue(e.getMessage().contains("version") && e.getMessage().contains("2"), e.getMessage());
    }

    @Test
    void missingSpeciesIsNamed() {
        Structure s = new Structure(new String[] {"O", "C"}, new double[] {0, 0, 0, 1.2, 0, 0}, Cell.nonPeriodic());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DeepPotEvaluator(fixture).compute(s));
        assertTrue(e.getMessage().contains("'C'"), e.getMessage());
    }

    @Test
    void tooCloseAtomsAreRejected() {
        Structure s = new Structure(new String[] {"O", "H"}, new double[] {0, 0, 0, 0.1, 0, 0}, Cell.nonPeriodic());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DeepPotEvaluator(fixture).compute(s));
        assertTrue(e.getMessage().contains("atoms 0 and 1"), e.getMessage());
    }
}
