package org.eelt.deploy.cluster;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.typed.Cluster;
import org.eelt.protocol.messages.CborSerializable;

/**
 * The load of every cluster node, shared by distributed pub-sub: each node publishes its
 * {@link NodeLoad} on the topic {@value #TOPIC} every {@link #PERIOD}, and keeps the latest load of
 * every node it hears from in a concurrent map (read without blocking by {@code GET /api/cluster}).
 */
public final class NodeLoads {
    /** The pub-sub topic name. */
    public static final String TOPIC = "eelt-node-load";
    /** How often a node publishes its load. */
    public static final Duration PERIOD = Duration.ofSeconds(2);

    private NodeLoads() {
    }

    /**
     * A node's load.
     *
     * @param address      the node's cluster address
     * @param roles        its roles
     * @param processors   available processors
     * @param loadAverage  1-minute system load average (negative when the OS gives none)
     * @param heapUsedMb   JVM heap in use, MiB
     * @param heapMaxMb    JVM heap limit, MiB
     * @param epochMs      when it was measured, ms since the epoch
     */
    public record NodeLoad(String address, List<String> roles, int processors, double loadAverage, double heapUsedMb,
                           double heapMaxMb, long epochMs) implements CborSerializable {
    }

    private record Publish() {
    }

    /**
     * Starts this node's publisher and listener under {@code ctx}.
     *
     * @param ctx a guardian context
     * @return the latest load per node address (updated as loads arrive)
     */
    public static Map<String, NodeLoad> start(ActorContext<?> ctx) {
        Map<String, NodeLoad> latest = new ConcurrentHashMap<>();
        Cluster cluster = Cluster.get(ctx.getSystem());
        ActorRef<Topic.Command<NodeLoad>> topic = ctx.spawn(Topic.create(NodeLoad.class, TOPIC), "node-load-topic");
        ctx.spawn(Behaviors.<NodeLoad>setup(c -> {
            topic.tell(Topic.subscribe(c.getSelf()));
            return Behaviors.receiveMessage(l -> remember(latest, l));
        }), "node-load-board");
        ctx.spawn(Behaviors.<Publish>withTimers(t -> {
            t.startTimerWithFixedDelay(new Publish(), Duration.ZERO, PERIOD);
            return Behaviors.receiveMessage(p -> publish(cluster, topic));
        }), "node-load-publisher");
        return latest;
    }

    private static Behavior<NodeLoad> remember(Map<String, NodeLoad> latest, NodeLoad l) {
        latest.put(l.address(), l);
        return Behaviors.same();
    }

    private static Behavior<Publish> publish(Cluster cluster, ActorRef<Topic.Command<NodeLoad>> topic) {
        topic.tell(Topic.publish(measure(cluster)));
        return Behaviors.same();
    }

    /** @return this JVM's load now. */
    static NodeLoad measure(Cluster cluster) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        List<String> roles = new ArrayList<>(cluster.selfMember().getRoles());
        roles.removeIf(r -> r.startsWith("dc-"));
        roles.sort(null);
        return new NodeLoad(cluster.selfMember().address().toString(), roles, os.getAvailableProcessors(),
                os.getSystemLoadAverage(), heap.getUsed() / 1048576.0, heap.getMax() / 1048576.0,
                System.currentTimeMillis());
    }
}
