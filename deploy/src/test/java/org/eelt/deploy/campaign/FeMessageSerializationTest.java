package org.eelt.deploy.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eelt.deploy.campaign.fe.FeModels;
import org.eelt.freeenergy.mb.MullerBrownPotential;
import org.eelt.freeenergy.net.FeatureMap;
import org.eelt.freeenergy.net.FreeEnergyNet;
import org.eelt.protocol.atoms.MeanForceLabel;
import org.eelt.protocol.atoms.Provenance;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.LabelOutcome;
import org.eelt.protocol.messages.MeanForceLabeled;
import org.eelt.protocol.messages.ModelPublished;
import org.junit.jupiter.api.Test;

/** jackson-cbor round trips of the free-energy campaign's cross-node messages. */
class FeMessageSerializationTest {
    @Test
    void meanForceLabeledAndAnFeModelRoundTrip() {
        AtomsData atoms = AtomsData.of(MullerBrownPotential.structure(-0.5, 1.4));
        MeanForceLabel label = new MeanForceLabel(new double[] {-0.5, 1.4}, new double[] {0.125, -2.5e-3},
                new double[] {0.01, 0.02}, 14400, MeanForceLabel.EV, new Provenance("restrained-md",
                "restrained-md:kappa=[100.0, 100.0]", "generation-3", 42, "0.1.0", 1_700_000_000_000L));
        MeanForceLabeled m = new MeanForceLabeled("c7", "labeler-1", atoms, label, 3, "s0-w1-x", 0.031, 2, 900, 450);
        MeanForceLabeled b = (MeanForceLabeled) MessageSerializationTest.roundTrip(m);
        assertEquals(label, b.label(), "arrays, unit, samples and provenance survive exactly");
        assertArrayEquals(m.label().center(), b.label().center(), 0);
        assertEquals(m.atoms(), b.atoms());
        assertEquals(m.generation(), b.generation());
        assertEquals(m.walker(), b.walker());
        assertEquals(m.deviation(), b.deviation(), 0);
        assertEquals(m.oracleMillis(), b.oracleMillis());
        LabelOutcome o = (LabelOutcome) MessageSerializationTest.roundTrip(new DatasetRecorder.Outcome(m).outcome());
        assertEquals("c7", o.candidateId());

        FreeEnergyNet net = FreeEnergyNet.initial(FeatureMap.identity(new boolean[] {false, true}), new int[] {4, 4}, 9);
        ModelPublished p = new ModelPublished(2, 5, 40, FeModels.encode(net), Double.NaN, 0.02, 800, 3.5);
        ModelPublished q = (ModelPublished) MessageSerializationTest.roundTrip(p);
        assertEquals(net, FeModels.decode(q), "the net survives the model message exactly");
    }
}
