package org.eelt.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

/** Node config validation (errors name the key) and the Pekko cluster config built from it. */
class NodeSettingsTest {
    static NodeSettings parse(String text) {
        return NodeSettings.from(ConfigFactory.parseString(text).withFallback(ConfigFactory.load()));
    }

    @Test
    void defaultsAreASingleAllRoleNodeOnLoopback() {
        NodeSettings s = parse("");
        assertEquals(Set.of(NodeRole.values()), s.roles());
        assertEquals("127.0.0.1", s.host());
        assertEquals(List.of(), s.seedNodes());
        assertEquals("keep-majority", s.splitBrain());
    }

    @Test
    void seedsAreNormalisedToFullAddresses() {
        NodeSettings s = parse("eelt.node { roles = [labeler], port = 2552, seed-nodes = [\"10.0.0.5:2551\","
                + " \"pekko://eelt@10.0.0.6:2551\"] }");
        assertEquals(List.of("pekko://eelt@10.0.0.5:2551", "pekko://eelt@10.0.0.6:2551"), s.seedNodes());
        assertEquals(Set.of(NodeRole.LABELER), s.roles());
    }

    @Test
    void badValuesNameTheirKey() {
        assertTrue(assertThrows(NodeConfigException.class, () -> parse("eelt.node.roles = [cook]")).getMessage()
                .startsWith("eelt.node.roles: unknown role \"cook\""));
        assertTrue(assertThrows(NodeConfigException.class, () -> parse("eelt.node.port = 70000")).getMessage()
                .startsWith("eelt.node.port: must be in 0..65535"));
        assertTrue(assertThrows(NodeConfigException.class, () -> parse("eelt.node.port = abc")).getMessage()
                .startsWith("eelt.node.port: bad value"));
        assertTrue(assertThrows(NodeConfigException.class, () -> parse("eelt.node.seed-nodes = [\"host\"]"))
                .getMessage().startsWith("eelt.node.seed-nodes: \"host\" is not HOST:PORT"));
        assertTrue(assertThrows(NodeConfigException.class,
                () -> parse("eelt.node.seed-nodes = [\"pekko://other@h:1\"]")).getMessage()
                .contains("names another actor system"));
        assertTrue(assertThrows(NodeConfigException.class, () -> parse("eelt.node.roles = []")).getMessage()
                .startsWith("eelt.node.roles: give at least one role"));
        assertTrue(assertThrows(NodeConfigException.class, () -> parse("eelt.node.split-brain.strategy = static-quorum"))
                .getMessage().startsWith("eelt.node.split-brain.strategy"));
        assertTrue(assertThrows(NodeConfigException.class, () -> parse("eelt.node.labeler.workers = -1"))
                .getMessage().startsWith("eelt.node.labeler.workers"));
    }

    @Test
    void pekkoConfigHasClusterProviderRolesSeedsAndSplitBrainResolver() {
        NodeSettings s = parse("eelt.node { roles = [coordinator, labeler], host = \"10.1.2.3\", port = 2600,"
                + " seed-nodes = [\"10.1.2.3:2600\"], split-brain { strategy = keep-oldest, stable-after = 7s } }");
        Config c = ClusterConfigs.pekko(s, ConfigFactory.parseString("pekko.remote.artery.transport = tls-tcp"), true);
        assertEquals("cluster", c.getString("pekko.actor.provider"));
        assertEquals("10.1.2.3", c.getString("pekko.remote.artery.canonical.hostname"));
        assertEquals(2600, c.getInt("pekko.remote.artery.canonical.port"));
        assertEquals(List.of("coordinator", "labeler"), c.getStringList("pekko.cluster.roles"));
        assertEquals(List.of("pekko://eelt@10.1.2.3:2600"), c.getStringList("pekko.cluster.seed-nodes"));
        assertEquals("org.apache.pekko.cluster.sbr.SplitBrainResolverProvider",
                c.getString("pekko.cluster.downing-provider-class"));
        assertEquals("keep-oldest", c.getString("pekko.cluster.split-brain-resolver.active-strategy"));
        assertEquals(7, c.getDuration("pekko.cluster.split-brain-resolver.stable-after").toSeconds());
        assertEquals("", c.getString("pekko.cluster.split-brain-resolver.keep-oldest.role"));
        assertTrue(c.getBoolean("pekko.cluster.split-brain-resolver.keep-oldest.down-if-alone"));
        assertEquals("coordinator", c.getString("pekko.cluster.split-brain-resolver.keep-majority.role"));
        assertEquals("jackson-cbor",
                c.getString("pekko.actor.serialization-bindings.\"org.eelt.protocol.messages.CborSerializable\""));
        assertEquals("tls-tcp", c.getString("pekko.remote.artery.transport"), "the node file's own pekko keys win");
        assertTrue(c.getBoolean("pekko.coordinated-shutdown.exit-jvm"));
    }
}
