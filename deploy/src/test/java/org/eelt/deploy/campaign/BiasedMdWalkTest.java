package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.eelt.deploy.campaign.fe.BiasedMdDynamics;
import org.eelt.deploy.campaign.fe.FeSpec;
import org.eelt.deploy.campaign.fe.FeSystems;
import org.eelt.explorer.agent.MdWalk;
import org.eelt.explorer.agent.WalkerDynamics;
import org.eelt.explorer.agent.WalkerSettings;
import org.eelt.freeenergy.net.FeatureMap;
import org.eelt.freeenergy.net.FreeEnergyNet;
import org.junit.jupiter.api.Test;

/**
 * Free-energy walkers with biased MD run on the MD engine through the walker seam: Langevin MD on
 * Müller–Brown plus the ensemble bias, sampled every sample interval, and chunks continue one run.
 */
class BiasedMdWalkTest {
    @Test
    void biasedMdChunksAreOneRunOnTheMdEngine() throws Exception {
        String text = Files.readString(Path.of("../examples/fe-muller-brown.conf"))
                .replace("method = cv-sampler", "method = biased-md").replace("step-size = 0.02", "step-size = 0.002")
                .replace("chunk-steps = 1000", "chunk-steps = 100").replace("sample-interval = 100", "sample-interval = 20");
        CampaignSpec spec = CampaignSpecParser.parse(text, Path.of("."));
        FeSpec fe = spec.fe();
        assertEquals(FeSpec.Method.BIASED_MD, fe.exploration().method());
        Map<Integer, Object> nets = new HashMap<>();
        for (int m = 0; m < fe.training().ensembleSize(); m++) {
            nets.put(m, FreeEnergyNet.initial(FeatureMap.identity(new boolean[] {false, false}), new int[] {8, 8}, m));
        }
        BiasedMdDynamics dynamics = new BiasedMdDynamics(fe, FeSystems.potential(fe.system()));
        WalkerDynamics.Chunks<MdWalk> chunks = dynamics.chunks(nets, 0);
        WalkerSettings ws = CampaignAgents.walker(spec, 0, 0, 1000, "fe-w0", 0);
        MdWalk chunked = dynamics.start(fe.start(), ws, 99);
        int frames = 0;
        for (int c = 0; c < 4; c++) {
            WalkerDynamics.Chunk r = chunks.run(chunked, 100);
            assertFalse(r.exploded(), r.explosion());
            assertEquals(100, r.steps());
            frames += r.frames().size();
        }
        assertEquals(400 / 20, frames, "a frame every sample interval");
        MdWalk whole = dynamics.start(fe.start(), ws, 99);
        WalkerDynamics.Chunk one = chunks.run(whole, 400);
        assertEquals(frames, one.frames().size());
        assertArrayEquals(whole.structure().positions(), chunked.structure().positions(), 0);
        assertArrayEquals(whole.velocities(), chunked.velocities(), 0);
        assertEquals(fe.temperature(), ws.temperature(), 0);
        assertFalse(java.util.Arrays.equals(fe.start().positions(), whole.structure().positions()), "the walker moved");
    }
}
