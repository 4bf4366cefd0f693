package org.eelt.deploy.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.eelt.protocol.messages.CborSerializable;

/**
 * The serialization round trip shared by the deploy module's message tests: a message must be
 * marked {@link CborSerializable}, the actor system must bind it to the Jackson (CBOR) serializer,
 * and it is serialized to bytes and read back exactly as Pekko remoting would (serializer id plus
 * string manifest).
 */
public final class CborRoundTrip {
    private CborRoundTrip() {
    }

    /**
     * @param system the actor system whose serialization settings are used (plain or cluster node)
     * @param msg    the message to send through bytes
     * @return the message read back from its serialized bytes
     */
    public static Object roundTrip(ActorSystem<?> system, Object msg) {
        assertTrue(msg instanceof CborSerializable, msg.getClass() + " is marked CborSerializable");
        Serialization ser = SerializationExtension.get(Adapter.toClassic(system));
        Serializer s = ser.findSerializerFor(msg);
        assertTrue(s.getClass().getName().contains("Jackson"), msg.getClass() + " is bound to " + s.getClass());
        byte[] bytes = ser.serialize(msg).get();
        String manifest = s instanceof SerializerWithStringManifest m ? m.manifest(msg) : "";
        return ser.deserialize(bytes, s.identifier(), manifest).get();
    }
}
