package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.eelt.examiner.selection.SelectionPolicy;
import org.junit.jupiter.api.Test;

class CampaignSpecParserTest {
    static final Path DIR = Path.of(".");

    static final String MINIMAL = """
            eelt.campaign {
              type-map = [Cu]
              systems = [{builder = fcc, element = Cu, a = 3.615, repeat = 2}]
              strains = [-0.03, 0, 0.03]
              exploration.stages = [{temperatures = [300], walkers = 1, steps-per-walker = 100}]
              labeling.oracle = "sutton-chen:"
              training.model.sel = [60]
            }
            """;

    static CampaignSpecException error(String extra) {
        return assertThrows(CampaignSpecException.class, () -> CampaignSpecParser.parse(MINIMAL + extra, DIR));
    }

    @Test
    void minimalSpecTakesTheDefaults() {
        CampaignSpec s = CampaignSpecParser.parse(MINIMAL, DIR);
        assertEquals(3, s.systems().size(), "one structure per strain");
        assertEquals(32, s.systems().get(0).size());
        assertEquals(0.97 * 0.97 * 0.97 * Math.pow(3.615 * 2, 3), s.systems().get(0).cell().volume(), 1e-9);
        assertEquals(4, s.training().ensembleSize());
        assertEquals(SelectionPolicy.FIXED, s.examination().policy());
        assertEquals(0.002, s.exploration().timestepPs(), 1e-15);
        assertEquals(CampaignSpec.Mode.ASYNC, s.mode());
        assertEquals(10, s.training().triggerNewLabels());
    }

    @Test
    void slabAndVacancyBuildersAndATestSetOverEverySystem() {
        CampaignSpec s = CampaignSpecParser.parse(MINIMAL + """
                eelt.campaign.strains = [0]
                eelt.campaign.systems = [
                  {builder = fcc, element = Cu, a = 3.615, repeat = 2, vacancies = 2}
                  {builder = fcc100, element = Cu, a = 3.615, repeat = 3, layers = 4, vacuum = 10}
                  {builder = fcc111, element = Cu, a = 3.615, repeat = 2, layers = 3, vacuum = 9}
                ]
                eelt.campaign.test { all-systems = true }
                """, DIR);
        assertEquals(java.util.List.of(30, 36, 12), s.systems().stream().map(x -> x.size()).toList());
        assertEquals(2 * 3.615 * 2 * 3.615 * 2 * 3.615, s.systems().get(0).cell().volume(), 1e-9, "vacancies keep the cell");
        assertEquals(3 * 3.615 / 2 + 10, s.systems().get(1).cell().get(2, 2), 1e-9, "4 layers a/2 apart + 10 A vacuum");
        assertTrue(s.systems().get(1).cell().isFullyPeriodic());
        assertTrue(s.test().allSystems());
        assertTrue(!CampaignSpecParser.parse(MINIMAL, DIR).test().allSystems(), "default: the middle system only");
        assertEquals("eelt.campaign.systems[0].vacancies", error("""
                eelt.campaign.systems = [{builder = fcc, element = Cu, a = 3.615, repeat = 1, vacancies = 4}]
                """).keyPath());
        assertEquals("eelt.campaign.systems[0].layers", error("""
                eelt.campaign.systems = [{builder = fcc111, element = Cu, a = 3.615, repeat = 2, layers = 1, vacuum = 8}]
                """).keyPath());
        assertEquals("eelt.campaign.systems[0].vacuum", error("""
                eelt.campaign.systems = [{builder = fcc100, element = Cu, a = 3.615, repeat = 2, layers = 3}]
                """).keyPath());
    }

    @Test
    void embeddedDefaultAndExamplesParse() throws IOException {
        CampaignSpec d = CampaignSpecParser.parse(CampaignSpecParser.embeddedDefault(), DIR);
        assertEquals("cu-default", d.name());
        assertTrue(d.systems().stream().anyMatch(x -> x.size() == 108));
        for (String name : new String[] {"alcu-lammps.conf", "ethanol-xtb.conf"}) {
            try (var in = getClass().getResourceAsStream("/campaigns/" + name)) {
                CampaignSpec s = CampaignSpecParser.parse(new String(in.readAllBytes()), DIR);
                assertTrue(s.systems().size() > 0, name);
            }
        }
    }

    @Test
    void errorsNameTheKeyPath() {
        assertEquals("eelt.campaign.examination.trust-lo", error("eelt.campaign.examination {trust-lo = 0.5, trust-hi = 0.2}")
                .keyPath());
        assertTrue(error("eelt.campaign.examination {trust-lo = 0.5, trust-hi = 0.2}").getMessage()
                .contains("must be < trust-hi"));
        assertEquals("eelt.campaign.examination.policy", error("eelt.campaign.examination.policy = best").keyPath());
        assertEquals("eelt.campaign.labeling.oracle", error("eelt.campaign.labeling.oracle = \"dft:pbe\"").keyPath());
        assertEquals("eelt.campaign.training.ensemble-size", error("eelt.campaign.training.ensemble-size = 1").keyPath());
        assertEquals("eelt.campaign.exploration.stages[0].walkers",
                error("eelt.campaign.exploration.stages = [{temperatures = [300], walkers = 0, steps-per-walker = 5}]")
                        .keyPath());
        assertEquals("eelt.campaign.exploration.stages[0].temperatures",
                error("eelt.campaign.exploration.stages = [{temperatures = [-3], walkers = 1, steps-per-walker = 5}]")
                        .keyPath());
        assertEquals("eelt.campaign.systems[0].builder",
                error("eelt.campaign.systems = [{builder = hcpx, element = Cu, a = 3, repeat = 2}]").keyPath());
        assertEquals("eelt.campaign.convergence.accurate-ratio", error("eelt.campaign.convergence.accurate-ratio = 1.5")
                .keyPath());
        assertEquals("eelt.campaign.mode", error("eelt.campaign.mode = fast").keyPath());
        assertEquals("eelt.campaign.initial-data.train-after", error("eelt.campaign.initial-data.train-after = 0")
                .keyPath());
        assertEquals("eelt.campaign.training.model.sel", error("eelt.campaign.training.model.sel = x").keyPath());
        assertEquals("eelt.campaign.training.trigger", error("eelt.campaign.training.trigger = sometimes").keyPath());
        assertEquals("eelt.campaign.systems[0]",
                error("eelt.campaign.systems = [{builder = fcc, element = Al, a = 4.05, repeat = 2}]").keyPath());
    }
}
