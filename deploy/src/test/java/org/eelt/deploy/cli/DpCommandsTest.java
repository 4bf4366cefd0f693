package org.eelt.deploy.cli;

import org.eelt.protocol.io.ExtXyz;
import org.eelt.protocol.io.ExtXyzFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code eelt dp eval} and {@code eelt model-devi} on DeePMD-kit's se_e2_a fixture. */
class DpCommandsTest {
    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> blocks() throws Exception {
        Map<String, Object> doc = new Yaml().load(Files.readString(
                CliTestSupport.shared().resolve("fixtures/deepmd/deeppot-testcase.yaml")));
        return (List<Map<String, Object>>) doc.get("results");
    }

    @SuppressWarnings("unchecked")
    private Path writeBlock(Map<String, Object> block, String name) throws Exception {
        List<Number> coord = (List<Number>) block.get("coord");
        List<Number> types = (List<Number>) block.get("atype");
        List<Number> box = (List<Number>) block.get("box");
        StringBuilder sb = new StringBuilder().append(types.size()).append('\n');
        if (box != null) {
            sb.append("Lattice=\"");
            for (int k = 0; k < 9; k++) {
                sb.append(k == 0 ? "" : " ").append(box.get(k).doubleValue());
            }
            sb.append("\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n");
        } else {
            sb.append("Properties=species:S:1:pos:R:3 pbc=\"F F F\"\n");
        }
        for (int i = 0; i < types.size(); i++) {
            sb.append(types.get(i).intValue() == 0 ? "O" : "H");
            for (int k = 0; k < 3; k++) {
                sb.append(' ').append(coord.get(3 * i + k).doubleValue());
            }
            sb.append('\n');
        }
        Path p = tmp.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test
    @SuppressWarnings("unchecked")
    void evalWritesDeepmdKitReferenceEnergyForcesVirialAndAtomicEnergies() throws Exception {
        Path model = CliTestSupport.shared().resolve("fixtures/deepmd/deeppot_sea.yaml");
        List<Map<String, Object>> blocks = blocks();
        for (int b = 0; b < 2; b++) {
            Map<String, Object> block = blocks.get(b);
            Path in = writeBlock(block, "in" + b + ".extxyz");
            Path out = tmp.resolve("out" + b + ".extxyz");
            CliTestSupport.Run r = CliTestSupport.run("dp", "eval", "--model", model.toString(), "--input", in.toString(),
                    "--output", out.toString());
            assertEquals(0, r.status(), r.err());
            String header = Files.readAllLines(out).get(1);
            assertTrue(header.contains("energy=") && header.contains("virial=\"")
                    && header.contains("forces:R:3") && header.contains("atomic_energy:R:1"), header);
            ExtXyzFrame f = ExtXyz.readWithInfo(out).get(0);
            List<Number> ae = (List<Number>) block.get("atomic_energy");
            List<Number> force = (List<Number>) block.get("force");
            List<Number> av = (List<Number>) block.get("atomic_virial");
            double e = 0;
            double[] atomic = f.frame().atomicEnergies();
            for (int i = 0; i < ae.size(); i++) {
                assertEquals(ae.get(i).doubleValue(), atomic[i], 1e-10);
                e += ae.get(i).doubleValue();
            }
            assertEquals(e, f.frame().energy(), 1e-10);
            double[] fo = f.frame().forces();
            for (int k = 0; k < force.size(); k++) {
                assertEquals(force.get(k).doubleValue(), fo[k], 1e-10);
            }
            double[] v = f.frame().virial();
            for (int c = 0; c < 9; c++) {
                double sum = 0;
                for (int i = 0; i < ae.size(); i++) {
                    sum += av.get(9 * i + c).doubleValue();
                }
                assertEquals(sum, v[c], 1e-10, "virial component " + c);
            }
        }
    }

    @Test
    void modelDeviationOfIdenticalModelsIsZeroAndHasDeepmdColumns() throws Exception {
        Path model = CliTestSupport.shared().resolve("fixtures/deepmd/deeppot_sea.yaml");
        Path in = writeBlock(blocks().get(0), "traj.extxyz");
        CliTestSupport.Run r = CliTestSupport.run("model-devi", "--models", model.toString(), model.toString(), "--input", in.toString());
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertTrue(lines[0].matches("#\\s+step\\s+max_devi_v\\s+min_devi_v\\s+avg_devi_v\\s+max_devi_f\\s+min_devi_f\\s+avg_devi_f\\s+devi_e"), lines[0]);
        String[] cols = lines[1].trim().split("\\s+");
        assertEquals(8, cols.length);
        for (int k = 1; k < 8; k++) {
            assertEquals(0.0, Double.parseDouble(cols[k]));
        }
    }

    @Test
    void missingModelFileIsAClearError() {
        CliTestSupport.Run r = CliTestSupport.run("dp", "eval", "--model", tmp.resolve("none.yaml").toString(), "--input", "x.extxyz",
                "--output", "y.extxyz");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("none.yaml") && r.err().contains("not found"), r.err());
    }
}
