package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.eelt.store.EeltStore;
import org.eelt.store.StoredLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real asynchronous campaign with an NPT stage (Deep Potential walkers on the MD engine with
 * stochastic cell rescaling at 1 bar and 20 kbar): walker frames reach the labelers with cells the
 * barostat has rescaled (cubic, and of volumes none of the start structures has), each labeled once.
 */
class NptCampaignTest {
    @Test
    void nptWalkersLabelFramesWithRescaledCells(@TempDir Path dir) throws Exception {
        String hocon = SmallCuCampaign.named("cu-npt-test").seed(4).strains(-0.02, 0.02)
                .chunks(40, 5).failedBatchesRestart(1).ensemble("npt", 1, 20000).barostat("isotropic", 0.5, 1e-6)
                .stage(new double[] {300, 600}, 2, 100000)
                .examination(0.03, 0.60, 4)
                .labeling("sutton-chen:", 1).timeoutS(30)
                .model(5.0, 4, 16, 16).firstRoundSteps(600).rounds(300, 4)
                .initialData(6, 0.02)
                .accuracy(0.99, 400).budget(24, 40)
                .test(new double[] {300}, 2).testSpacing(50, 25)
                .hocon();
        CampaignSpec spec = CampaignSpecParser.parse(hocon, dir);
        Set<Double> startVolumes = new HashSet<>();
        for (Structure s : spec.systems()) {
            startVolumes.add(s.cell().volume());
        }
        Path run = dir.resolve("run");
        Summary s = CampaignRunner.run(new CampaignRunner.Options(hocon, dir, run, false, System.err, 2000));
        System.out.print(s.toJson());
        assertTrue(Set.of("converged", "budget-exhausted").contains(s.status()), s.status());
        assertTrue(s.number("explored") > 0);
        Set<String> hashes = CampaignTestSupport.hashes(run);
        assertEquals((long) s.number("labeled"), hashes.size(), "nothing labeled twice");
        int walkerLabels = 0;
        try (EeltStore st = EeltStore.open(run.resolve("store"))) {
            for (StoredLabel l : st.iterate().stream().toList()) {
                String meta = st.getString("label-meta/" + l.hash().hex()).orElse("");
                if (!meta.contains("walker=s0-w")) {
                    continue; // bootstrap
                }
                walkerLabels++;
                Cell c = l.label().frame().structure().cell();
                double[] h = c.matrix();
                assertEquals(h[0], h[4], 1e-9 * h[0], "isotropic rescaling keeps the cubic cell: " + meta);
                assertEquals(h[0], h[8], 1e-9 * h[0], "isotropic rescaling keeps the cubic cell: " + meta);
                assertTrue(!startVolumes.contains(c.volume()), "the barostat rescaled the cell of " + meta);
            }
        }
        assertTrue(walkerLabels > 0, "walkers' frames were labeled");
    }
}
