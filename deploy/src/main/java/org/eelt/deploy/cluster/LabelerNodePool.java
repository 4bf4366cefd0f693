package org.eelt.deploy.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.typesafe.config.Config;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.eelt.deploy.campaign.CampaignSpec;
import org.eelt.deploy.campaign.SimulatedLatencyOracle;
import org.eelt.labeler.agent.Labeler;
import org.eelt.labeler.agent.LabelerSettings;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.OracleSetupException;
import org.eelt.labeler.spec.Oracles;

/**
 * The labeler pool of a labeler-role node. It follows the receptionist's cluster-wide listing of
 * {@link LabelWorkSource#KEY}: for every campaign that appears it starts W labelers (W =
 * {@code eelt.node.labeler.workers}, or the campaign's {@code labeling.workers} when 0) that pull the
 * campaign's candidates; when the campaign's source disappears (campaign over, coordinator lost) it
 * stops them. Oracles are built from the campaign's SPEC with this node's own machine settings
 * ({@code eelt.oracles.*} of the node config; scratch under {@code DATA_DIR/oracle-work}). A campaign
 * whose oracle cannot be set up here is skipped with a log line naming the reason.
 */
public final class LabelerNodePool extends AbstractBehavior<LabelerNodePool.Command> {
    /** Messages of the pool (all local). */
    public sealed interface Command permits ListingChanged, OfferArrived, SourceGone {
    }

    record ListingChanged(Receptionist.Listing listing) implements Command {
    }

    record OfferArrived(LabelWorkSource.Offer offer) implements Command {
    }

    record SourceGone(ActorRef<LabelWorkSource.Command> source) implements Command {
    }

    private final NodeSettings node;
    private final OracleSettings machine;
    private final ActorRef<LabelWorkSource.Offer> offers;
    private final Set<ActorRef<LabelWorkSource.Command>> known = new HashSet<>();
    private final Map<ActorRef<LabelWorkSource.Command>, ActorRef<Void>> groups = new HashMap<>();
    private int groupCounter;

    private LabelerNodePool(ActorContext<Command> ctx, NodeSettings node) {
        super(ctx);
        this.node = node;
        this.machine = machineSettings(ctx.getSystem().settings().config());
        this.offers = ctx.messageAdapter(LabelWorkSource.Offer.class, OfferArrived::new);
        ctx.getSystem().receptionist().tell(Receptionist.subscribe(LabelWorkSource.KEY,
                ctx.messageAdapter(Receptionist.Listing.class, ListingChanged::new)));
    }

    /**
     * @param node the node settings (labeler workers, data dir, node address for labeler ids)
     * @return the behavior
     */
    public static Behavior<Command> create(NodeSettings node) {
        return Behaviors.setup(ctx -> new LabelerNodePool(ctx, node));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(ListingChanged.class, this::onListing)
                .onMessage(OfferArrived.class, this::onOffer)
                .onMessage(SourceGone.class, this::onSourceGone)
                .build();
    }

    private Behavior<Command> onListing(ListingChanged m) {
        Set<ActorRef<LabelWorkSource.Command>> now = m.listing().getServiceInstances(LabelWorkSource.KEY);
        for (ActorRef<LabelWorkSource.Command> s : now) {
            if (known.add(s)) {
                getContext().watchWith(s, new SourceGone(s));
                s.tell(new LabelWorkSource.Describe(offers));
            }
        }
        for (ActorRef<LabelWorkSource.Command> s : Set.copyOf(known)) {
            if (!now.contains(s)) {
                onSourceGone(new SourceGone(s));
            }
        }
        return this;
    }

    private Behavior<Command> onOffer(OfferArrived m) {
        LabelWorkSource.Offer o = m.offer();
        ActorRef<LabelWorkSource.Command> source = o.source();
        if (!known.contains(source) || groups.containsKey(source)) {
            return this;
        }
        CampaignSpec.Labeling l = o.labeling();
        OracleSettings settings = machine.withWorkRoot(node.dataDir().resolve("oracle-work").resolve(safe(o.campaign())));
        java.util.concurrent.atomic.AtomicLong instances = new java.util.concurrent.atomic.AtomicLong();
        Supplier<Oracle> oracles = () -> SimulatedLatencyOracle.wrap(Oracles.create(l.oracle(), settings),
                l.simulatedLatencyMedianS(), l.simulatedLatencySigma(),
                (o.seed() ^ node.selfAddress().hashCode()) * 1_000_003L + instances.getAndIncrement());
        try {
            oracles.get();
        } catch (OracleSetupException e) {
            getContext().getLog().error("labeler node {} cannot label for campaign {}: {} (set the oracle's"
                    + " eelt.oracles.* keys in this node's config)", node.selfAddress(), o.campaign(), e.getMessage());
            return this;
        }
        int workers = node.labelerWorkers() > 0 ? node.labelerWorkers() : l.workers();
        String prefix = node.host() + ":" + node.port() + "/";
        ActorRef<Void> group = getContext().spawn(Behaviors.setup(g -> {
            List<ActorRef<Labeler.Command>> started = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                LabelerSettings s = new LabelerSettings(prefix + "labeler-" + i, Duration.ofMillis((long) (l.timeoutS() * 1000)),
                        l.retries(), Duration.ofMillis((long) (l.backoffS() * 1000)), l.quarantineAfter(),
                        Duration.ofMillis((long) (l.quarantineS() * 1000)));
                started.add(g.spawn(Behaviors.supervise(Labeler.create(s, oracles, o.examiner(), o.outcomes()))
                        .onFailure(SupervisorStrategy.restart()), "labeler-" + i));
            }
            source.tell(new LabelWorkSource.Joined(started));
            return Behaviors.<Void>empty();
        }), "campaign-" + (groupCounter++));
        groups.put(source, group);
        getContext().getLog().info("labeler node {} joined campaign {} with {} labelers (oracle {})",
                node.selfAddress(), o.campaign(), workers, l.oracle());
        return this;
    }

    private Behavior<Command> onSourceGone(SourceGone m) {
        if (!known.remove(m.source())) {
            return this;
        }
        getContext().unwatch(m.source());
        ActorRef<Void> g = groups.remove(m.source());
        if (g != null) {
            getContext().stop(g);
            getContext().getLog().info("labeler node {}: campaign at {} is gone; its labelers stopped",
                    node.selfAddress(), m.source().path().parent());
        }
        return this;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** @return the oracle machine settings from {@code eelt.oracles.*} of the node's config. */
    static OracleSettings machineSettings(Config config) {
        Map<String, String> flat = new HashMap<>();
        if (config.hasPath("eelt.oracles")) {
            config.getConfig("eelt.oracles").entrySet().forEach(e -> flat.put(OracleSettings.PREFIX + e.getKey(),
                    String.valueOf(e.getValue().unwrapped())));
        }
        return OracleSettings.fromMap(flat);
    }
}
