package org.eelt.deploy.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * Starts a cluster node's components in an actor system built from
 * {@link ClusterConfigs#pekko}: joins itself when no seed nodes are configured (a single all-in-one
 * node), publishes its load ({@link NodeLoads}), for the {@code labeler} role starts the
 * {@link LabelerNodePool}, and for the {@code explorer} role the {@link WalkerHost} on which campaigns
 * start their Deep Potential walkers (round-robin over the listed hosts, see {@link RemoteWalker}).
 * and for the {@code trainer} role the {@link TrainerHost} on which they start their ensemble members
 * ({@link RemoteTrainer}). The coordinator's campaigns (examiner, recorder, store) run on the
 * coordinator node, and so do free-energy walkers and trainers.
 */
public final class ClusterNode {
    private ClusterNode() {
    }

    /**
     * @param node the node settings
     * @return a guardian behavior that starts the node's role components and then idles
     */
    public static Behavior<Void> create(NodeSettings node) {
        return Behaviors.setup(ctx -> {
            start(ctx, node);
            return Behaviors.empty();
        });
    }

    /**
     * Starts the role components of this node as children of {@code ctx}.
     *
     * @param ctx  the guardian's context
     * @param node the node settings
     * @return the latest load of every node heard from (see {@link NodeLoads})
     */
    public static Map<String, NodeLoads.NodeLoad> start(ActorContext<?> ctx, NodeSettings node) {
        Cluster cluster = Cluster.get(ctx.getSystem());
        if (node.seedNodes().isEmpty()) {
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
        }
        if (node.has(NodeRole.LABELER)) {
            ctx.spawn(LabelerNodePool.create(node), "labeler-pool");
        }
        if (node.has(NodeRole.EXPLORER)) {
            ctx.spawn(WalkerHost.create(node), "walker-host");
        }
        if (node.has(NodeRole.TRAINER)) {
            ctx.spawn(TrainerHost.create(node), "trainer-host");
        }
        ctx.getLog().info("eelt node {} starting with roles {}", cluster.selfMember().address(), node.roles());
        return NodeLoads.start(ctx);
    }

    /**
     * @param ctx   a context to spawn the watcher under
     * @param role  the role to count
     * @param count how many Up members with the role are needed
     * @return completes when the cluster has at least {@code count} Up members with {@code role}
     */
    public static CompletionStage<Void> awaitMembers(ActorContext<?> ctx, NodeRole role, int count) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (count <= 0) {
            done.complete(null);
            return done;
        }
        ctx.spawnAnonymous(Behaviors.<String>withTimers(t -> {
            t.startTimerAtFixedRate("poll", Duration.ofMillis(200));
            return Behaviors.receiveMessage(m -> poll(Cluster.get(ctx.getSystem()), role, count, done));
        }));
        return done;
    }

    private static Behavior<String> poll(Cluster cluster, NodeRole role, int count, CompletableFuture<Void> done) {
        long up = 0;
        for (org.apache.pekko.cluster.Member m : cluster.state().getMembers()) {
            if (m.status() == MemberStatus.up() && m.hasRole(role.configName())) {
                up++;
            }
        }
        if (up >= count) {
            done.complete(null);
            return Behaviors.stopped();
        }
        return Behaviors.same();
    }
}
