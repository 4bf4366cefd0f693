package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.io.FormatOptions;
import org.eelt.protocol.io.Formats;
import org.eelt.store.EeltStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real asynchronous campaign of about a minute: test RMSE drops, few frames labeled, none twice. */
class CampaignEndToEndTest {
    @Test
    void campaignLearnsWithFewUniqueLabels(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Summary s = CampaignRunner.run(new CampaignRunner.Options(CampaignTestSupport.smallCampaign(70), dir, run,
                false, System.err, 2000));
        System.out.print(s.toJson());
        assertTrue(Set.of("converged", "budget-exhausted").contains(s.status()), s.status());
        assertTrue(s.number("explored") > 0);
        assertTrue(s.number("labeled_fraction") < 0.05, "labeled fraction " + s.number("labeled_fraction"));
        double first = s.number("test_force_rmse_first_model");
        double last = s.number("test_force_rmse");
        assertTrue(last < first, "test force RMSE drops: first model " + first + ", last " + last + " eV/Å");
        assertTrue(s.number("model_versions") >= 4, "the ensemble of 2 retrained at least once");
        Set<String> hashes = CampaignTestSupport.hashes(run);
        assertEquals((long) s.number("labeled"), hashes.size());
        assertTrue(Files.readString(run.resolve("report.html")).contains("<svg"));
        assertTrue(Files.readString(run.resolve("summary.json")).contains("\"labeler_utilization\""));
        // every label carries its provenance record, and export writes each label once
        try (EeltStore st = EeltStore.open(run.resolve("store"))) {
            for (String h : hashes) {
                String meta = st.getString("label-meta/" + h).orElse("");
                assertTrue(meta.contains("walker=") && meta.contains("deviation=") && meta.contains("oracle_ms="),
                        "provenance of " + h + ": " + meta);
            }
            Path out = dir.resolve("all.extxyz");
            st.exportTo(out, "extxyz", FormatOptions.defaults(), st.snapshot());
            List<Frame> frames = Formats.read(out);
            assertEquals(hashes.size(), frames.size());
        }
    }
}
