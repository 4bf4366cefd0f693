package org.eelt.deploy.cluster;

import java.util.HashMap;
import java.util.Map;

import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.eelt.examiner.agent.Examiner;
import org.eelt.explorer.agent.Walker;
import org.eelt.explorer.agent.WalkerSettings;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.CborSerializable;
import org.eelt.protocol.messages.ModelPublished;

/**
 * The walker host of an explorer-role node. It registers with the receptionist under {@link #KEY};
 * a campaign's {@link RemoteWalker} stand-ins pick hosts round-robin from the cluster-wide listing
 * and send {@link StartWalker} with everything a Deep Potential walker needs (settings, start
 * structure in Å, the member's current model bytes). The host starts the {@link Walker} with its
 * own subscription to the campaign's model topic (a pekko distributed pub-sub {@link Topic} of the
 * same name reaches every node), so frames go to the campaign's examiner and progress to the
 * campaign directly. It watches the stand-in: when the campaign stops it (stage over, campaign
 * finished) or the coordinator node is lost, the walker is stopped here.
 */
public final class WalkerHost extends AbstractBehavior<WalkerHost.Command> {
    /** The receptionist key explorer-role nodes register their host under. */
    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "eelt-walker-host");

    /** Messages of a walker host. */
    public sealed interface Command permits StartWalker, StandInGone {
    }

    /**
     * Starts one walker on this node.
     *
     * @param settings     the walker's settings (id, member, temperature K, timestep ps, friction 1/ps, ...)
     * @param start        the start structure (positions Å, cell Å)
     * @param examiner     the campaign's examiner (frames go there)
     * @param progress     where the walker's {@link Walker.Progress} goes (the campaign)
     * @param topic        the campaign's model topic name
     * @param initialModel the walker's member's current model (bytes), or null to wait for one
     * @param paused       whether the walker starts paused
     * @param replyTo      the campaign's stand-in: gets {@link WalkerStarted} and is watched
     */
    public record StartWalker(WalkerSettings settings, AtomsData start, ActorRef<Examiner.Command> examiner,
                              ActorRef<Walker.Progress> progress, String topic, ModelPublished initialModel,
                              boolean paused, ActorRef<WalkerStarted> replyTo) implements Command, CborSerializable {
    }

    /**
     * The walker runs.
     *
     * @param walkerId the walker id
     * @param walker   the walker actor (pause goes there; watched by the stand-in)
     * @param node     the host node's address, {@code host:port}
     */
    public record WalkerStarted(String walkerId, ActorRef<Walker.Command> walker, String node) implements CborSerializable {
    }

    record StandInGone(String key) implements Command, NoSerializationVerificationNeeded {
    }

    private final NodeSettings node;
    private final Map<String, ActorRef<Void>> groups = new HashMap<>();
    private long counter;

    private WalkerHost(ActorContext<Command> ctx, NodeSettings node) {
        super(ctx);
        this.node = node;
        ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
    }

    /**
     * @param node the node settings (its address names the node in logs and replies)
     * @return the behavior; it registers with the receptionist when it starts
     */
    public static Behavior<Command> create(NodeSettings node) {
        return Behaviors.setup(ctx -> new WalkerHost(ctx, node));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(StartWalker.class, this::onStart)
                .onMessage(StandInGone.class, this::onGone)
                .build();
    }

    private Behavior<Command> onStart(StartWalker m) {
        String id = m.settings().id();
        String key = safe(id) + "-" + (counter++);
        String nodeName = node.host() + ":" + node.port();
        ActorRef<Void> group = getContext().spawn(Behaviors.<Void>setup(g -> {
            ActorRef<Topic.Command<ModelPublished>> topic = g.spawn(Topic.create(ModelPublished.class, m.topic()), "models");
            ActorRef<Walker.Command> walker = g.spawn(Behaviors.supervise(Walker.create(m.settings(), m.start(),
                    m.examiner(), m.progress(), topic, m.initialModel())).onFailure(SupervisorStrategy.restart()), "walker");
            if (m.paused()) {
                walker.tell(new Walker.SetPaused(true));
            }
            m.replyTo().tell(new WalkerStarted(id, walker, nodeName));
            return Behaviors.empty();
        }), key);
        groups.put(key, group);
        getContext().watchWith(m.replyTo(), new StandInGone(key));
        getContext().getLog().info("explorer node {} started walker {} (member {}, {} K, {} steps)", nodeName, id,
                m.settings().member(), m.settings().temperature(), m.settings().maxSteps());
        return this;
    }

    private Behavior<Command> onGone(StandInGone m) {
        ActorRef<Void> g = groups.remove(m.key());
        if (g != null) {
            getContext().stop(g);
            getContext().getLog().info("explorer node {}:{} stopped walker group {} (its campaign let it go)",
                    node.host(), node.port(), m.key());
        }
        return this;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
