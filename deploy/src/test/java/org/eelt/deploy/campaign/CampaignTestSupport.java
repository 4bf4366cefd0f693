package org.eelt.deploy.campaign;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eelt.store.EeltStore;
import org.eelt.store.StoredLabel;

/** A small, fast Cu campaign for end-to-end tests, and store checks. */
final class CampaignTestSupport {
    private CampaignTestSupport() {
    }

    /** @return a campaign of about {@code wallS} seconds: 32-atom Cu, ensemble of 2, Sutton–Chen labels. */
    static String smallCampaign(double wallS) {
        return """
                eelt.campaign {
                  name = "cu-small-test"
                  seed = 3
                  type-map = [Cu]
                  systems = [{builder = fcc, element = Cu, a = 3.615, repeat = 2}]
                  strains = [-0.02, 0.02]
                  exploration {
                    chunk-steps = 40
                    sample-interval = 5
                    failed-batches-restart = 1
                    stages = [{temperatures = [300, 600], walkers = 2, steps-per-walker = 100000}]
                  }
                  examination { trust-lo = 0.10, trust-hi = 0.50, max-candidates-per-model = 6, dedupe-threshold = 0.02 }
                  labeling { oracle = "sutton-chen:", workers = 1, timeout-s = 30 }
                  training {
                    ensemble-size = 2
                    model { sel = [60], rcut = 5.0, rcut-smth = 2.0, embedding = [4, 8], axis-neuron = 4, fitting = [16, 16] }
                    first-round-steps = 1500
                    steps-per-round = 600
                    trigger = { new-labels = 4 }
                  }
                  initial-data { bootstrap = 8, rattle = 0.05, strain = 0.02 }
                  convergence { accurate-ratio = 0.97, window = 200, max-labels = 200, max-wall-s = %s }
                  test { temperatures = [300, 600], frames = 4, equilibration-steps = 100, steps-between = 25 }
                }
                """.formatted(wallS);
    }

    /** @return the content hashes of all labels; fails when a hash occurs twice. */
    static Set<String> hashes(Path runDir) {
        try (EeltStore s = EeltStore.open(runDir.resolve("store"))) {
            Set<String> out = new HashSet<>();
            List<StoredLabel> all = s.iterate().stream().toList();
            for (StoredLabel l : all) {
                if (!out.add(l.hash().hex())) {
                    throw new AssertionError("label " + l.hash() + " stored twice");
                }
                // stored hash is the hash of the structure and oracle settings: the store recomputes it
                if (!s.hashOf(l.label()).equals(l.hash())) {
                    throw new AssertionError("label " + l.sequence() + " is stored under a wrong hash");
                }
            }
            if (out.size() != s.count()) {
                throw new AssertionError(out.size() + " distinct labels but count " + s.count());
            }
            return out;
        }
    }
}
