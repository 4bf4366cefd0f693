package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eelt.freeenergy.cv.CvSet;
import org.eelt.store.EeltStore;
import org.eelt.store.StoredMeanForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Müller–Brown free-energy campaign end to end on the shared Campaign actor, agents and store,
 * with a SIGKILL in the middle: the child JVM is killed once the first FE ensemble is published,
 * the run is resumed in this JVM until it converges, and then (a) no mean-force label was lost or
 * stored twice, (b) the labels the examiner selected are one per CV-space cluster, and (c) the
 * learned A matches the exact Müller–Brown A to ≤ 0.3 k_BT RMS over A < 10 k_BT, better than
 * the first ensemble's.
 */
class FeCampaignTest {
    static String spec() {
        return """
                eelt.campaign {
                  name = "fe-mb-test"
                  kind = fe
                  seed = 4
                  labeling { workers = 1, retries = 1 }
                  convergence { accurate-ratio = 0.95, window = 150, max-labels = 220, max-wall-s = 120 }
                  fe {
                    system = muller-brown
                    cvs = [{type = cartesian, atom = 0, axis = x}, {type = cartesian, atom = 0, axis = y}]
                    restraint { kappa = 100.0 }
                    label { steps = 6000, timestep-fs = 2.0, friction-per-ps = 10.0, error-threshold = 0.2 }
                    exploration { walkers = 2, gamma = 4.0, steps-per-walker = 2000000, chunk-steps = 1000,
                                  sample-interval = 100, step-size = 0.02 }
                    trust { e0 = 0.015, e1 = 0.5 }
                    clustering-radius = 0.07
                    training { widths = [24, 24, 24], first-round-steps = 1500, steps-per-round = 500,
                               trigger = {new-labels = 12} }
                    initial { points = [[-0.558, 1.442], [0.623, 0.028], [-0.05, 0.467]], bootstrap = 17 }
                    grid { min = [-1.5, -0.2], max = [1.2, 2.0], bins = [55, 45] }
                  }
                }
                """;
    }

    @Test
    void killResumeAndConvergeToTheExactFreeEnergy(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("fe-mb.conf");
        Files.writeString(spec, spec());
        Path run = dir.resolve("run");
        Path log = dir.resolve("child.err");
        Process child = CampaignTestSupport.startRunner(dir, spec, run, "1g");
        CampaignTestSupport.killWhen(child, log, l -> CampaignTestSupport.generationReached(l, 1), 120, 200, 0);
        assertFalse(Files.exists(run.resolve("summary.json")), "the killed run wrote no summary");
        Set<String> before = hashes(run);
        assertTrue(before.size() >= 20, "the bootstrap labels were stored before the kill: " + before.size());

        Summary s = CampaignRunner.run(new CampaignRunner.Options(null, null, run, true, null, 1000));
        // the accurate ratio may sit just under its target when the label budget runs out (seen at 0.89 of 0.9 under
        // load); the physics below (RMSE against the exact A) is what must hold either way
        assertTrue(s.status().equals("converged") || String.valueOf(s.fields().get("reason")).startsWith("label budget"),
                s.toJson());
        Set<String> after = hashes(run);
        assertTrue(after.containsAll(before), "no label lost");
        assertEquals((long) s.number("labels"), after.size(), "no label stored twice");
        assertTrue(s.number("explored") > 0 && s.number("model_versions") > 8, s.toJson());
        double rmse = s.number("fes_rmse_kT");
        assertTrue(rmse <= 0.3, "learned A within 0.3 kT RMS of the exact Müller–Brown A: " + s.toJson());
        assertTrue(Files.size(run.resolve("fes.png")) > 1000 && Files.size(run.resolve("fes.csv")) > 1000);
        assertSelectedLabelsAreOnePerCluster(run, 0.07);
        assertTrue(firstEnsembleRmse(run) > rmse + 0.1, "the FES improved over the first ensemble's "
                + firstEnsembleRmse(run) + " kT to " + rmse + " kT");
    }

    /** RMSE (k_BT) of the first published ensemble (generation 1 of every member) against the exact A. */
    private static double firstEnsembleRmse(Path run) {
        org.eelt.deploy.campaign.fe.FeSpec fe = CampaignSpecParser.parse(spec(), run).fe();
        try (EeltStore st = EeltStore.openReadOnly(run.resolve("store"))) {
            java.util.Map<Integer, org.eelt.protocol.messages.ModelPublished> first = new java.util.HashMap<>();
            for (int m = 0; m < fe.training().ensembleSize(); m++) {
                first.put(m, CampaignRunner.firstModel(st, m));
            }
            var ens = org.eelt.deploy.campaign.fe.FeSummary.ensemble(fe, first);
            double[] xs = org.eelt.freeenergy.mb.FesGrid.linspace(-1.5, 1.2, 55);
            double[] ys = org.eelt.freeenergy.mb.FesGrid.linspace(-0.2, 2.0, 45);
            return org.eelt.freeenergy.mb.FesGrid.of(ens, xs, ys).rmseKt(org.eelt.freeenergy.mb.FesGrid.mullerBrownExact(
                    xs, ys), fe.kT(), 10);
        }
    }

    /** Labels selected by the examiner (not bootstrap seeds) lie farther apart than the clustering radius. */
    private static void assertSelectedLabelsAreOnePerCluster(Path run, double radius) {
        try (EeltStore st = EeltStore.openReadOnly(run.resolve("store"))) {
            CvSet cvs = CampaignSpecParser.parse(spec(), run).fe().cvs();
            List<double[]> selected = new ArrayList<>();
            for (StoredMeanForce m : st.meanForces(st.meanForceCount())) {
                String meta = st.getString("label-meta/" + m.hash().hex()).orElseThrow();
                if (!meta.contains("walker=bootstrap")) {
                    selected.add(m.label().center());
                }
            }
            assertTrue(selected.size() > 20, "the examiner selected candidates: " + selected.size());
            for (int i = 0; i < selected.size(); i++) {
                for (int j = i + 1; j < selected.size(); j++) {
                    double[] d = cvs.delta(selected.get(i), selected.get(j));
                    assertTrue(Math.hypot(d[0], d[1]) > radius * 0.999, "labels " + i + " and " + j + " share a cluster");
                }
            }
        }
    }

    private static Set<String> hashes(Path run) {
        try (EeltStore st = EeltStore.openReadOnly(run.resolve("store"))) {
            Set<String> out = new HashSet<>();
            for (StoredMeanForce m : st.meanForces(st.meanForceCount())) {
                assertTrue(out.add(m.hash().hex()), "label " + m.hash() + " stored twice");
                assertEquals(st.hashOfCenter(m.label().center(), m.label().provenance().settings()), m.hash());
            }
            return out;
        }
    }
}
