package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eelt.explorer.agent.WalkerSettings;
import org.eelt.explorer.md.MdSettings;
import org.junit.jupiter.api.Test;

/** Exploration stages with ensembles and pressures: parsing, defaults, walker conditions, errors by key path. */
class NptStageSpecTest {
    private static final Path DIR = Path.of(".");

    private static String spec(String stage, String extra) {
        return """
                eelt.campaign {
                  type-map = [Cu]
                  systems = [{builder = fcc, element = Cu, a = 3.615, repeat = 2}]
                  strains = [-0.03, 0, 0.03]
                  exploration.stages = [%s]
                  labeling.oracle = "sutton-chen:"
                  training.model.sel = [60]
                }
                %s
                """.formatted(stage, extra);
    }

    private static CampaignSpecException error(String stage, String extra) {
        return assertThrows(CampaignSpecException.class, () -> CampaignSpecParser.parse(spec(stage, extra), DIR));
    }

    @Test
    void nptWalkersCoverEveryTemperaturePressureAndSystemOnceLikeDpGenTasks() {
        CampaignSpec s = CampaignSpecParser.parse(spec(
                "{temperatures = [300, 600, 900], ensemble = npt, pressures = [1, -5000], steps-per-walker = 100}",
                "eelt.campaign.exploration.barostat { type = anisotropic, tau-ps = 0.5, compressibility-per-bar = 7.3e-7 }"),
                DIR);
        CampaignSpec.Stage st = s.exploration().stages().get(0);
        assertEquals(CampaignSpec.Ensemble.NPT, st.ensemble());
        assertEquals(List.of(1.0, -5000.0), st.pressures(), "negative pressures (tension) are allowed");
        assertEquals(18, st.walkers(), "default: 3 temperatures x 2 pressures x 3 systems");
        Set<String> seen = new HashSet<>();
        for (int w = 0; w < st.walkers(); w++) {
            WalkerSettings ws = CampaignAgents.walker(s, 0, w, 100, "w" + w, 0);
            MdSettings md = ws.md();
            assertEquals(MdSettings.Thermostat.LANGEVIN, md.thermostat());
            assertEquals(0.2, md.thermostatTau(), 1e-12, "tau = 1/friction, the default friction 5/ps");
            assertEquals(MdSettings.Barostat.ANISOTROPIC, md.barostat());
            assertEquals(0.5, md.barostatTau(), 0);
            assertEquals(7.3e-7, md.compressibility(), 0);
            assertEquals(50.0, md.maxForce(), 0);
            double volume = CampaignAgents.start(s, 0, w).toStructure().cell().volume();
            int system = -1;
            for (int k = 0; k < s.systems().size(); k++) {
                if (s.systems().get(k).cell().volume() == volume) {
                    system = k;
                }
            }
            assertTrue(seen.add(md.temperature() + "K " + md.pressure() + "bar system " + system),
                    "walker " + w + " repeats a (T, P, system) combination");
        }
        assertEquals(18, seen.size());
    }

    @Test
    void nptDefaultsToOneBarAndTheDefaultBarostat() {
        CampaignSpec s = CampaignSpecParser.parse(spec(
                "{temperatures = [300], ensemble = npt, walkers = 2, steps-per-walker = 100}", ""), DIR);
        CampaignSpec.Stage st = s.exploration().stages().get(0);
        assertEquals(List.of(1.0), st.pressures());
        assertEquals(CampaignSpec.Barostat.DEFAULT, s.exploration().barostat());
        MdSettings md = CampaignAgents.walker(s, 0, 1, 100, "w1", 0).md();
        assertEquals(MdSettings.Barostat.ISOTROPIC, md.barostat());
        assertEquals(1.0, md.pressure(), 0);
        assertEquals(1.0, md.barostatTau(), 0);
        assertEquals(1e-6, md.compressibility(), 0);
    }

    @Test
    void nvtAndNveStagesHaveNoBarostatAndKeepTheWalkerAssignment() throws IOException {
        CampaignSpec s = CampaignSpecParser.parse(spec(
                "{temperatures = [300], walkers = 1, steps-per-walker = 100}, "
                        + "{temperatures = [500], ensemble = nve, walkers = 1, steps-per-walker = 100}", ""), DIR);
        assertEquals(MdSettings.Barostat.NONE, CampaignAgents.walker(s, 0, 0, 100, "a", 0).md().barostat());
        MdSettings nve = CampaignAgents.walker(s, 1, 0, 100, "b", 0).md();
        assertEquals(MdSettings.Thermostat.NONE, nve.thermostat());
        assertEquals(MdSettings.Barostat.NONE, nve.barostat());
        // the embedded default (NVT) keeps its walkers: temperature w mod n_T, system (w + stage·walkers) mod n_s
        CampaignSpec d = CampaignSpecParser.parse(CampaignSpecParser.embeddedDefault(), DIR);
        for (int stage = 0; stage < d.exploration().stages().size(); stage++) {
            CampaignSpec.Stage st = d.exploration().stages().get(stage);
            for (int w = 0; w < st.walkers(); w++) {
                assertEquals(st.temperatures().get(w % st.temperatures().size()),
                        CampaignAgents.walker(d, stage, w, 10, "x", 0).temperature());
                assertEquals(d.systems().get((w + stage * st.walkers()) % d.systems().size()).cell().volume(),
                        CampaignAgents.start(d, stage, w).toStructure().cell().volume());
            }
        }
    }

    @Test
    void sysIdxWeightsTheWalkersLikeDpGenSysIdx() {
        // strains [-3, 0, +3] % give three systems; sys-idx lists system 1 four times, 0 and 2 once each
        CampaignSpec s = CampaignSpecParser.parse(spec(
                "{temperatures = [300, 600], sys-idx = [1, 1, 0, 1, 2, 1], steps-per-walker = 100}", ""), DIR);
        CampaignSpec.Stage st = s.exploration().stages().get(0);
        assertEquals(List.of(1, 1, 0, 1, 2, 1), st.systemIndices());
        assertEquals(12, st.walkers(), "default: 2 temperatures x 6 sys-idx entries");
        int[] perSystem = new int[3];
        Set<String> seen = new HashSet<>();
        for (int w = 0; w < st.walkers(); w++) {
            int system = s.startSystem(0, w);
            perSystem[system]++;
            double volume = CampaignAgents.start(s, 0, w).toStructure().cell().volume();
            assertEquals(s.systems().get(system).cell().volume(), volume, 0, "walker " + w + " starts from its system");
            seen.add(CampaignAgents.walker(s, 0, w, 100, "w" + w, 0).temperature() + "K system " + system);
        }
        assertEquals(8, perSystem[1], "system 1: 4 of 6 entries, at both temperatures");
        assertEquals(2, perSystem[0]);
        assertEquals(2, perSystem[2]);
        assertEquals(6, seen.size(), "every listed system runs at every temperature");
        String at = "eelt.campaign.exploration.stages[0].sys-idx";
        CampaignSpecException e = error("{temperatures = [300], sys-idx = [0, 3], steps-per-walker = 5}", "");
        assertEquals(at, e.keyPath());
        assertTrue(e.getMessage().contains("3 systems"), e.getMessage());
        assertEquals(at, error("{temperatures = [300], sys-idx = [], steps-per-walker = 5}", "").keyPath());
        assertEquals(at, error("{temperatures = [300], sys-idx = [0.5], steps-per-walker = 5}", "").keyPath());
    }

    @Test
    void errorsNameTheKeyPath() {
        String at = "eelt.campaign.exploration.stages[0].";
        assertEquals(at + "ensemble", error("{temperatures = [300], ensemble = npht, walkers = 1, steps-per-walker = 5}",
                "").keyPath());
        CampaignSpecException e = error("{temperatures = [300], pressures = [1000], walkers = 1, steps-per-walker = 5}", "");
        assertEquals(at + "pressures", e.keyPath());
        assertTrue(e.getMessage().contains("ensemble = npt"), e.getMessage());
        assertEquals(at + "pressures", error("{temperatures = [300], ensemble = npt, pressures = [], walkers = 1,"
                + " steps-per-walker = 5}", "").keyPath());
        assertEquals(at + "pressures", error("{temperatures = [300], ensemble = npt, pressures = [1e9], walkers = 1,"
                + " steps-per-walker = 5}", "").keyPath());
        assertEquals(at + "pressures", error("{temperatures = [300], ensemble = npt, pressures = [high], walkers = 1,"
                + " steps-per-walker = 5}", "").keyPath());
        String npt = "{temperatures = [300], ensemble = npt, walkers = 1, steps-per-walker = 5}";
        assertEquals("eelt.campaign.exploration.barostat.type",
                error(npt, "eelt.campaign.exploration.barostat.type = berendsen").keyPath());
        assertEquals("eelt.campaign.exploration.barostat.tau-ps",
                error(npt, "eelt.campaign.exploration.barostat.tau-ps = -1").keyPath());
        assertEquals("eelt.campaign.exploration.barostat.compressibility-per-bar",
                error(npt, "eelt.campaign.exploration.barostat.compressibility-per-bar = 0").keyPath());
        CampaignSpecException molecule = error(npt, """
                eelt.campaign.strains = [0]
                eelt.campaign.systems = [{builder = molecule, species = [Cu, Cu], positions = [0, 0, 0, 2.5, 0, 0]}]
                """);
        assertEquals(at + "ensemble", molecule.keyPath());
        assertTrue(molecule.getMessage().contains("periodic"), molecule.getMessage());
    }

    @Test
    void theSmallCampaignBuilderWritesAnNptStage() {
        CampaignSpec s = CampaignSpecParser.parse(SmallCuCampaign.named("npt").ensemble("npt", 1, 20000)
                .barostat("isotropic", 0.5, 7.3e-7).stage(new double[] {300, 600}, 4, 500).budget(10, 60)
                .test(null, 2).hocon(), DIR);
        CampaignSpec.Stage st = s.exploration().stages().get(0);
        assertEquals(List.of(1.0, 20000.0), st.pressures());
        assertEquals(4, st.walkers());
        assertEquals(new CampaignSpec.Barostat(false, 0.5, 7.3e-7), s.exploration().barostat());
        assertEquals(20000.0, CampaignAgents.walker(s, 0, 3, 500, "w3", 0).pressure(), 0);
        assertEquals(600.0, CampaignAgents.walker(s, 0, 3, 500, "w3", 0).temperature(), 0);
    }

    @Test
    void theNptExampleParses() throws IOException {
        CampaignSpec s = CampaignSpecParser.parse(Path.of("../examples/cu-npt.conf"));
        CampaignSpec.Stage npt = s.exploration().stages().get(1);
        assertEquals(CampaignSpec.Ensemble.NPT, npt.ensemble());
        assertEquals(12, npt.walkers(), "2 temperatures x 3 pressures x 2 systems");
        assertEquals(CampaignSpec.Ensemble.NVT, s.exploration().stages().get(0).ensemble());
    }
}
