package org.eelt.deploy.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.eelt.protocol.messages.CborSerializable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The serialization round trip shared by the deploy module's message tests: a message must be
 * marked {@link CborSerializable}, the actor system must bind it to the Jackson (CBOR) serializer,
 * and it is serialized to bytes and read back exactly as Pekko remoting would (serializer id plus
 * string manifest). Registered as a static JUnit extension it owns the test's actor test kit and
 * shuts it down after the class's tests.
 */
public final class CborRoundTrip implements AfterAllCallback {
    private final ActorTestKit kit;

    /** @param kit the test kit whose actor system serializes (plain or cluster node); shut down after all tests */
    public CborRoundTrip(ActorTestKit kit) {
        this.kit = kit;
    }

    /** @return a round trip through a plain local actor system. */
    public static CborRoundTrip local() {
        return new CborRoundTrip(ActorTestKit.create());
    }

    /** @return the test kit (for probes whose refs go into messages). */
    public ActorTestKit kit() {
        return kit;
    }

    /** @return {@code msg} read back from its bytes in this kit's actor system. */
    public Object roundTrip(Object msg) {
        return roundTrip(kit.system(), msg);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        kit.shutdownTestKit();
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
