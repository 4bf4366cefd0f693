package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eelt.deploy.campaign.fe.FeSpec;
import org.junit.jupiter.api.Test;

/** kind = fe specs: the shipped examples parse; bad input gets an error naming the key path. */
class FeSpecParserTest {
    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    static String mb(String fe) {
        return """
                eelt.campaign {
                  kind = fe
                  fe {
                    system = muller-brown
                    cvs = [{type = cartesian, atom = 0, axis = x}, {type = cartesian, atom = 0, axis = y}]
                    restraint { kappa = 100 }
                    trust { e0 = 0.01, e1 = 0.5 }
                    grid { min = [-1.5, -0.2], max = [1.2, 2.0], bins = [20, 20] }
                    %s
                  }
                }
                """.formatted(fe);
    }

    static CampaignSpecException error(String text) {
        return assertThrows(CampaignSpecException.class, () -> CampaignSpecParser.parse(text, EXAMPLES));
    }

    @Test
    void theShippedExamplesParse() throws Exception {
        CampaignSpec mb = CampaignSpecParser.parse(EXAMPLES.resolve("fe-muller-brown.conf"));
        assertTrue(mb.isFreeEnergy());
        FeSpec fe = mb.fe();
        assertEquals("eV", fe.energyUnit());
        assertEquals(2, fe.dimension());
        assertEquals(FeSpec.Method.CV_SAMPLER, fe.exploration().method());
        assertEquals(fe.e0(), mb.examination().trust().lo(), 0, "the examiner's trust levels are e0/e1");
        assertEquals(fe.training().ensembleSize(), mb.training().ensembleSize());
        assertEquals(1, mb.exploration().stages().size());
        if (Files.isRegularFile(EXAMPLES.resolve("../../shared/fixtures/ala2/alanine-dipeptide.pdb"))) {
            CampaignSpec ala2 = CampaignSpecParser.parse(EXAMPLES.resolve("fe-ala2.conf"));
            assertEquals("kJ/mol", ala2.fe().energyUnit());
            assertEquals(22, ala2.fe().start().size());
            assertEquals(2, ala2.fe().basins().size());
            assertTrue(ala2.fe().cvs().periodic()[0] && ala2.fe().cvs().periodic()[1]);
        }
        assertNull(CampaignSpecParser.parse(CampaignSpecParser.embeddedDefault(), EXAMPLES).fe(), "dp stays the default");
    }

    @Test
    void aCvReferencingAMissingAtomNamesTheKeyAndTheAtom() {
        CampaignSpecException e = error(mb("").replace("{type = cartesian, atom = 0, axis = y}",
                "{type = distance, atoms = [0, 5]}"));
        assertTrue(e.getMessage().startsWith("eelt.campaign.fe.cvs[1].atoms"), e.getMessage());
        assertTrue(e.getMessage().contains("5") && e.getMessage().contains("atoms 0..1"), e.getMessage());
    }

    @Test
    void aRestraintCenterOutsideTheCvDomainIsRefused() {
        String text = """
                eelt.campaign {
                  kind = fe
                  fe {
                    system = gromacs-ala2
                    pdb = "../../shared/fixtures/ala2/alanine-dipeptide.pdb"
                    cvs = [{type = dihedral, atoms = [4, 6, 8, 14]}, {type = dihedral, atoms = [6, 8, 14, 16]}]
                    restraint { kappa = 500 }
                    trust { e0 = 2, e1 = 30 }
                    grid { min = [-3.14159265, -3.14159265], max = [3.14159265, 3.14159265], bins = [20, 20] }
                    initial { points = [[-1.4, 4.0]] }
                  }
                }
                """;
        if (!Files.isRegularFile(EXAMPLES.resolve("../../shared/fixtures/ala2/alanine-dipeptide.pdb"))) {
            return;
        }
        CampaignSpecException e = error(text);
        assertTrue(e.getMessage().startsWith("eelt.campaign.fe.initial.points[0]"), e.getMessage());
        assertTrue(e.getMessage().contains("outside its domain") && e.getMessage().contains("dihedral"), e.getMessage());
        CampaignSpecException d = error(mb("initial { points = [[0.1]] }"));
        assertTrue(d.getMessage().contains("points[0]") && d.getMessage().contains("one per CV"), d.getMessage());
    }

    @Test
    void otherBadValuesNameTheirKeys() {
        assertTrue(error(mb("").replace("e0 = 0.01", "e0 = 0.9")).getMessage().startsWith("eelt.campaign.fe.trust.e0"));
        assertTrue(error(mb("").replace("kind = fe", "kind = xx")).getMessage().startsWith("eelt.campaign.kind"));
        assertTrue(error(mb("").replace("system = muller-brown", "system = argon")).getMessage()
                .startsWith("eelt.campaign.fe.system"));
        assertTrue(error(mb("").replace("kappa = 100", "kappa = -1")).getMessage()
                .startsWith("eelt.campaign.fe.restraint.kappa"));
        assertTrue(error(mb("exploration { method = metad }")).getMessage()
                .startsWith("eelt.campaign.fe.exploration.method"));
        assertTrue(error(mb("").replace("axis = y", "axis = w")).getMessage().startsWith("eelt.campaign.fe.cvs[1].axis"));
        assertTrue(error(mb("basins = [{cv = 0, max = 0}]")).getMessage().startsWith("eelt.campaign.fe.basins"));
        assertTrue(error(mb("").replace("bins = [20, 20]", "bins = [20]")).getMessage()
                .startsWith("eelt.campaign.fe.grid"));
        assertTrue(error(mb("training { ensemble-size = 1 }")).getMessage()
                .startsWith("eelt.campaign.fe.training.ensemble-size"));
        assertTrue(error(mb("") + "\neelt.campaign.mode = sync").getMessage().startsWith("eelt.campaign.mode"));
        assertTrue(error(mb("").replace("{type = cartesian, atom = 0, axis = y}", "{type = distance, atoms = [0, 1]}"))
                .getMessage().startsWith("eelt.campaign.fe.exploration.method"), "cv-sampler cannot place a distance");
    }
}
