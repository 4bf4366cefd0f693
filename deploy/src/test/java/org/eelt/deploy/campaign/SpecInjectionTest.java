package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eelt.labeler.external.ExternalProcess;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.spec.OracleSpec;
import org.eelt.labeler.spec.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign spec (a file or an API body) cannot inject commands or read the server's files or
 * environment: no HOCON include, no environment substitution, and oracle SPECs never name a
 * command line; external programs run from argv lists, never through a shell with spec text.
 */
class SpecInjectionTest {
    @TempDir
    Path dir;

    private static String small(String labeling) {
        return CampaignTestSupport.smallCampaign(10).replace(
                "labeling { oracle = \"sutton-chen:\", workers = 1, timeout-s = 30 }", labeling);
    }

    @Test
    void includesAreRefused() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.conf"), "eelt.campaign.name = \"leaked\"\n");
        for (String inc : List.of("include \"" + secret + "\"", "include file(\"" + secret + "\")",
                "include url(\"file://" + secret + "\")", "include classpath(\"eelt-campaign-defaults.conf\")")) {
            CampaignSpecException e = assertThrows(CampaignSpecException.class,
                    () -> CampaignSpecParser.parse(inc + "\n" + small("labeling { oracle = \"sutton-chen:\" }"), dir));
            assertTrue(e.getMessage().contains("include") && e.getMessage().contains("not allowed"), e.getMessage());
        }
    }

    @Test
    void environmentVariablesAreNotSubstituted() {
        assertTrue(System.getenv().containsKey("PATH"));
        String spec = small("labeling { oracle = \"sutton-chen:\" }").replace("name = \"cu-small-test\"", "name = ${PATH}");
        CampaignSpecException e = assertThrows(CampaignSpecException.class, () -> CampaignSpecParser.parse(spec, dir));
        assertTrue(e.getMessage().contains("environment variables"), e.getMessage());
        // a substitution of a key of the spec itself still works
        String ok = small("labeling { oracle = \"sutton-chen:\" }").replace("seed = 3", "seed = 3\n  other-seed = ${eelt.campaign.seed}");
        assertEquals(3, CampaignSpecParser.parse(ok, dir).seed());
    }

    @Test
    void shellMetacharactersInOracleSpecsAreRejectedNotRun() throws Exception {
        Path marker = dir.resolve("pwned");
        for (String oracle : List.of("sutton-chen:; touch " + marker, "xtb:gfn=2;chrg=$(touch " + marker + ")",
                "lammps:pair_style=eam`touch " + marker + "`", "cp2k:basis=x && touch " + marker,
                "eam:Cu_u3.eam; touch " + marker)) {
            String spec = small("labeling { oracle = \"" + oracle.replace("\"", "\\\"") + "\" }");
            try {
                CampaignSpecParser.parse(spec, dir);
                // some SPECs parse as data (e.g. a LAMMPS pair_style name); building the oracle must not run anything
                try {
                    Oracles.create(OracleSpec.parse(oracle), OracleSettings.defaults().withWorkRoot(dir.resolve("w")));
                } catch (RuntimeException expected) {
                    assertFalse(expected.getMessage().isBlank());
                }
            } catch (CampaignSpecException e) {
                assertTrue(e.keyPath().contains("oracle"), e.getMessage());
            }
            assertFalse(Files.exists(marker), "no command ran for " + oracle);
        }
    }

    @Test
    void externalProcessesRunFromArgvListsWithoutAShell() throws Exception {
        // an argument full of shell syntax reaches the program verbatim, it is not interpreted
        Path work = Files.createDirectories(dir.resolve("argv"));
        Path marker = dir.resolve("pwned2");
        String arg = "x; touch " + marker + " $(touch " + marker + ") `touch " + marker + "`";
        ExternalProcess.Outcome o = ExternalProcess.run(List.of("/bin/echo", arg), work, java.util.Map.of(),
                java.time.Duration.ofSeconds(20));
        assertTrue(o.succeeded());
        assertEquals(arg, Files.readString(o.stdout()).strip());
        assertFalse(Files.exists(marker));
    }
}
