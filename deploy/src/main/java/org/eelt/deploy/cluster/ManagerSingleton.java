package org.eelt.deploy.cluster;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.eelt.deploy.service.CampaignManager;
import org.eelt.deploy.service.ManagerProtocol;
import org.eelt.deploy.service.ServiceConfig;

/**
 * The campaign manager as a cluster singleton on the {@code coordinator} role. The singleton wraps
 * the {@link CampaignManager}: it forwards every command, and on hand-over (the oldest coordinator
 * leaves, or is downed) it first asks the manager to persist and stop its campaigns (stores closed)
 * and only then stops, so that the manager started on the next coordinator opens the same stores
 * (shared data directory) and resumes the campaigns from them.
 */
public final class ManagerSingleton {
    /** The singleton's name. */
    public static final String NAME = "campaign-manager";

    private ManagerSingleton() {
    }

    /**
     * Initialises the singleton on this node (it runs on the oldest coordinator node).
     *
     * @param ctx    the guardian's context
     * @param config the service configuration (data directory shared by all coordinator nodes)
     * @return a proxy that routes to the singleton wherever it runs
     */
    public static ActorRef<CampaignManager.Command> init(ActorContext<?> ctx, ServiceConfig config) {
        ManagerProtocol.Shutdown handOver = new ManagerProtocol.Shutdown(ctx.getSystem().ignoreRef());
        return ClusterSingleton.get(ctx.getSystem()).init(SingletonActor.of(create(config), NAME)
                .withStopMessage(handOver));
    }

    /**
     * @param config the service configuration
     * @return the wrapper behavior
     */
    static Behavior<CampaignManager.Command> create(ServiceConfig config) {
        return Behaviors.<Object>setup(ctx -> {
            ActorRef<CampaignManager.Command> manager = ctx.spawn(CampaignManager.create(config), "manager");
            return Behaviors.receiveMessage(m -> onMessage(ctx, manager, m, null));
        }).narrow();
    }

    private static Behavior<Object> onMessage(ActorContext<Object> ctx, ActorRef<CampaignManager.Command> manager,
                                              Object m, ActorRef<ManagerProtocol.ShutdownDone> waiting) {
        if (m instanceof ManagerProtocol.Shutdown s) {
            ctx.getLog().info("campaign manager singleton hands over: persisting its campaigns");
            manager.tell(new ManagerProtocol.Shutdown(ctx.getSelf().narrow()));
            return Behaviors.receiveMessage(next -> onMessage(ctx, manager, next, s.replyTo()));
        }
        if (m instanceof ManagerProtocol.ShutdownDone d) {
            if (waiting != null) {
                waiting.tell(d);
            }
            return Behaviors.stopped();
        }
        if (m instanceof CampaignManager.Command c) {
            manager.tell(c);
        }
        return Behaviors.same();
    }
}
