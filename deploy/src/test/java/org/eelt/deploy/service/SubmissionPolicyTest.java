package org.eelt.deploy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specs submitted over the API: oracles only by configured name (or built-in), no files, includes or env. */
class SubmissionPolicyTest {
    @TempDir
    Path dir;

    static String spec(String oracle, String extra) {
        return """
                eelt.campaign {
                  name = "policy-test"
                  type-map = [Cu]
                  systems = [{builder = fcc, element = Cu, a = 3.615, repeat = 2}]
                  exploration.stages = [{temperatures = [300], walkers = 1, steps-per-walker = 100}]
                  labeling.oracle = "%s"
                  training { ensemble-size = 2, model { sel = [60], rcut = 4.5 } }
                  %s
                }
                """.formatted(oracle, extra);
    }

    private final SubmissionPolicy policy = new SubmissionPolicy(Map.of("cu-eam", "eam:Cu_u3.eam", "sc", "sutton-chen:"),
            true);

    private String refused(String text) {
        return assertThrows(SubmissionException.class, () -> policy.check(text, null, dir)).getMessage();
    }

    @Test
    void configuredOracleNameIsReplacedByTheServersSpec() {
        SubmissionPolicy.Accepted a = policy.check(spec("sc", ""), null, dir);
        assertEquals("sutton-chen:", a.spec().labeling().oracle());
        assertTrue(a.specText().contains("sutton-chen:"), a.specText());
        assertEquals("policy-test", a.name());
        assertEquals("dp", a.kind());
        assertEquals("given", policy.check(spec("sutton-chen:", ""), "given", dir).name());
    }

    @Test
    void commandsBinariesAndFilesInTheOracleAreRefused() {
        for (String bad : new String[] {"lammps:pair_style=eam;pair_coeff=* * /etc/passwd",
                "xtb:gfn=2", "xtb:bin=/bin/sh", "lammps:cmd=rm -rf /", "eam:/etc/passwd", "cp2k:cutoff=400",
                "/bin/sh -c id", "cu-eam-unknown"}) {
            String m = refused(spec(bad, ""));
            assertTrue(m.startsWith("eelt.campaign.labeling.oracle"), m);
            assertTrue(m.contains("is refused") && m.contains("[cu-eam, sc]"), m);
        }
        SubmissionPolicy strict = new SubmissionPolicy(Map.of(), false);
        String m = assertThrows(SubmissionException.class, () -> strict.check(spec("sutton-chen:", ""), null, dir))
                .getMessage();
        assertTrue(m.contains("(none configured)"), m);
    }

    @Test
    void machineSettingsIncludesEnvironmentAndServerFilesAreRefused() {
        String m = refused(spec("sc", "") + "\neelt.oracles.xtb.binary = \"/bin/sh\"\n");
        assertTrue(m.contains("only an eelt.campaign") && m.contains("oracles"), m);
        m = refused("include file(\"/etc/hostname\")\n" + spec("sc", ""));
        assertTrue(m.contains("include statements are not accepted"), m);
        m = refused(spec("sc", "name = ${PATH}"));
        assertTrue(m.contains("PATH"), m);
        m = refused(spec("sc", "initial-data.files = [\"/etc/passwd\"]"));
        assertTrue(m.startsWith("eelt.campaign.initial-data.files"), m);
        m = refused(spec("sc", "").replace("{builder = fcc, element = Cu, a = 3.615, repeat = 2}",
                "{file = \"/etc/passwd\"}"));
        assertTrue(m.startsWith("eelt.campaign.systems[0].file"), m);
        m = refused(spec("sc", "mode = sync"));
        assertTrue(m.startsWith("eelt.campaign.mode"), m);
    }

    @Test
    void badSpecsNameTheKeyPath() {
        String m = refused(spec("sc", "examination { trust-lo = 0.5, trust-hi = 0.3 }"));
        assertTrue(m.startsWith("eelt.campaign.examination.trust-lo"), m);
        m = refused("{\"eelt\": {\"campaign\": {\"type-map\": [], \"labeling\": {\"oracle\": \"sc\"}}}}");
        assertTrue(m.startsWith("eelt.campaign.type-map"), m);
        m = refused("not hocon {");
        assertTrue(m.contains("not a valid HOCON/JSON spec"), m);
        m = refused("");
        assertTrue(m.contains("body is empty"), m);
        assertFalse(refused(spec("sc", "seed = [1]")).isBlank());
    }

    @Test
    void serviceLimitsKeepOneSubmissionFromExhaustingTheNode() {
        String m = refused(spec("sc", "strains = [0, 0.01, 0.02]").replace("repeat = 2", "repeat = 40"));
        assertTrue(m.startsWith("eelt.campaign.systems") && m.contains("768000 atoms"), m);
        m = refused(spec("sc", "").replace("walkers = 1", "walkers = 100000"));
        assertTrue(m.startsWith("eelt.campaign.exploration.stages[0].walkers"), m);
        m = refused(spec("sc", "labeling.workers = 1000"));
        assertTrue(m.startsWith("eelt.campaign.labeling.workers"), m);
    }

    @Test
    void jsonBodiesAreAccepted() {
        String json = """
                {"eelt": {"campaign": {"type-map": ["Cu"],
                  "systems": [{"builder": "fcc", "element": "Cu", "a": 3.615, "repeat": 2}],
                  "exploration": {"stages": [{"temperatures": [300], "walkers": 1, "steps-per-walker": 100}]},
                  "labeling": {"oracle": "sc"},
                  "training": {"ensemble-size": 2, "model": {"sel": [60], "rcut": 4.5}}}}}
                """;
        assertEquals("sutton-chen:", policy.check(json, "j", dir).spec().labeling().oracle());
    }
}
