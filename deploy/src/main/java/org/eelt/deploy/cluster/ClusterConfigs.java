package org.eelt.deploy.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;

/**
 * Turns {@link NodeSettings} into the Pekko configuration of a cluster node:
 * <ul>
 *   <li>{@code pekko.actor.provider = cluster}, artery TCP on the node's host and port;</li>
 *   <li>the node's roles and seed nodes;</li>
 *   <li>the split-brain resolver as downing provider: {@code keep-majority} decides among
 *       {@code coordinator}-role members (the side with more coordinators survives, ties go to the lowest
 *       address; losing labeler nodes never downs the coordinator); {@code keep-oldest} keeps the side with
 *       the oldest member (the first coordinator started, where the campaign manager singleton runs) and
 *       downs an oldest member cut off alone, so that a standby coordinator takes over;</li>
 *   <li>a 2 MiB artery frame so that model bytes fit in one message;</li>
 *   <li>the jackson-cbor binding of {@code CborSerializable} (from the deploy reference.conf).</li>
 * </ul>
 * Any {@code pekko.*} key given in the node file itself wins over the generated values (TLS, for example).
 */
public final class ClusterConfigs {
    private ClusterConfigs() {
    }

    /**
     * @param node     the node settings
     * @param nodeFile the node config as given by the user (its own {@code pekko.*} keys win), may be empty
     * @param exitJvm  whether the JVM exits when the node is downed or leaves (true for node processes,
     *                 so that systemd/Kubernetes/Slurm restart them; false inside tests)
     * @return the complete configuration for {@code ActorSystem.create}
     */
    public static Config pekko(NodeSettings node, Config nodeFile, boolean exitJvm) {
        Map<String, Object> m = new HashMap<>();
        m.put("pekko.actor.provider", "cluster");
        m.put("pekko.remote.artery.transport", "tcp");
        m.put("pekko.remote.artery.canonical.hostname", node.host());
        m.put("pekko.remote.artery.canonical.port", node.port());
        m.put("pekko.remote.artery.advanced.maximum-frame-size", "2MiB");
        List<String> roles = new ArrayList<>();
        node.roles().forEach(r -> roles.add(r.configName()));
        roles.sort(null);
        m.put("pekko.cluster.roles", ConfigValueFactory.fromIterable(roles));
        m.put("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(node.seedNodes()));
        m.put("pekko.cluster.downing-provider-class", "org.apache.pekko.cluster.sbr.SplitBrainResolverProvider");
        m.put("pekko.cluster.split-brain-resolver.active-strategy", node.splitBrain());
        m.put("pekko.cluster.split-brain-resolver.stable-after", node.stableAfter().toMillis() + "ms");
        m.put("pekko.cluster.split-brain-resolver.keep-majority.role", NodeRole.COORDINATOR.configName());
        m.put("pekko.cluster.split-brain-resolver.keep-oldest.role", "");
        m.put("pekko.cluster.split-brain-resolver.keep-oldest.down-if-alone", "on");
        m.put("pekko.cluster.failure-detector.acceptable-heartbeat-pause", node.heartbeatPause().toMillis() + "ms");
        m.put("pekko.cluster.jmx.multi-mbeans-in-same-jvm", "on");
        m.put("pekko.coordinated-shutdown.exit-jvm", exitJvm ? "on" : "off");
        m.put("pekko.cluster.singleton.role", NodeRole.COORDINATOR.configName());
        Config generated = ConfigFactory.parseMap(m, "eelt.node (" + node.selfAddress() + ")");
        return nodeFile.withFallback(generated).withFallback(ConfigFactory.load()).resolve();
    }

    /**
     * @param system an actor system
     * @return whether it runs as a cluster node ({@code pekko.actor.provider = cluster}); campaigns then
     *         leave labeling to the labeler-role nodes' {@link LabelerNodePool}s
     */
    public static boolean isCluster(org.apache.pekko.actor.typed.ActorSystem<?> system) {
        String p = system.settings().config().getString("pekko.actor.provider");
        return p.equals("cluster") || p.endsWith("ClusterActorRefProvider");
    }
}
