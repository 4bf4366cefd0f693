package org.eelt.freeenergy.label;

import org.eelt.protocol.atoms.MeanForceLabel;
import org.eelt.protocol.atoms.Provenance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.junit.jupiter.api.Test;

/** The label crosses nodes: a jackson-cbor round trip through Pekko's serialization, bound as in deploy. */
class MeanForceLabelSerializationTest {
    private static final Provenance PROV = new Provenance("test", "", "", 0, "t", 0);

    @Test
    void roundTripsThroughJacksonCbor() {
        ActorTestKit kit = ActorTestKit.create(ConfigFactory.parseString("""
                pekko.actor.serialization-bindings {
                  "org.eelt.protocol.messages.CborSerializable" = jackson-cbor
                }
                """).withFallback(ConfigFactory.load()));
        try {
            MeanForceLabel l = new MeanForceLabel(new double[] {-1.2, 2.9}, new double[] {3.5, -0.25},
                    new double[] {0.4, 0.3}, 9000, MeanForceLabel.KJ_PER_MOL, new Provenance("gromacs",
                    "gromacs:amber99sb-ildn", "7", 42, "0.1.0", 1_700_000_000_000L));
            Serialization ser = SerializationExtension.get(Adapter.toClassic(kit.system()));
            Serializer s = ser.findSerializerFor(l);
            assertTrue(s.getClass().getName().contains("Jackson"), s.getClass().getName());
            byte[] bytes = ser.serialize(l).get();
            String manifest = s instanceof SerializerWithStringManifest m ? m.manifest(l) : "";
            Object back = ser.deserialize(bytes, s.identifier(), manifest).get();
            assertEquals(l, back);
        } finally {
            kit.shutdownTestKit();
        }
    }

    @Test
    void invalidLabelsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MeanForceLabel(
                new double[] {0}, new double[] {Double.NaN}, new double[] {0}, 1, MeanForceLabel.EV, PROV));
        assertTrue(e.getMessage().contains("component 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MeanForceLabel(new double[] {0, 1}, new double[] {0},
                new double[] {0}, 1, MeanForceLabel.EV, PROV));
        e = assertThrows(IllegalArgumentException.class, () -> new MeanForceLabel(new double[] {0}, new double[] {1},
                new double[] {0}, 1, "kcal/mol", PROV));
        assertTrue(e.getMessage().contains("kcal/mol"), e.getMessage());
        assertEquals(2.494, EnergyUnit.KJ_PER_MOL.kT(300), 1e-3);
    }
}
