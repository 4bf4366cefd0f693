package org.eelt.deploy.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
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
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.CborSerializable;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.trainer.agent.DatasetSource;
import org.eelt.trainer.agent.TrainerMember;
import org.eelt.trainer.agent.TrainerSettings;

/**
 * The trainer host of a trainer-role node. It registers with the receptionist under {@link #KEY};
 * a campaign's {@link RemoteTrainer} stand-ins place their ensemble members on trainer hosts
 * (round-robin by member index) with {@link StartMember}. The host starts a {@link TrainerMember}
 * whose dataset is a copy in this node's memory, grown by {@link Increment}s of labeled frames the
 * coordinator reads from its store (labels in insertion order, so a snapshot of {@code n} labels is
 * the first {@code n} frames here as on the coordinator); the member publishes its models on the
 * campaign's model topic, where the coordinator's recorder stores them. Training scratch (checkpoint,
 * learning curves) goes under {@code DATA_DIR/train/<campaign>/member-<m>}. The host watches the
 * stand-in and stops the member when the campaign lets it go or the coordinator is lost.
 */
public final class TrainerHost extends AbstractBehavior<TrainerHost.Command> {
    /** The receptionist key trainer-role nodes register their host under. */
    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "eelt-trainer-host");

    /** Messages of a trainer host. */
    public sealed interface Command permits StartMember, StandInGone {
    }

    /**
     * Starts one ensemble member on this node.
     *
     * @param campaign   the campaign's run name (names the scratch directory)
     * @param settings   the member's settings (its work directory is replaced by this node's)
     * @param generation the member's last published generation (0 for a new campaign)
     * @param topic      the campaign's model topic name
     * @param replyTo    the campaign's stand-in: gets {@link MemberStarted} and is watched
     */
    public record StartMember(String campaign, TrainerSettings settings, long generation, String topic,
                              ActorRef<MemberStarted> replyTo) implements Command, CborSerializable {
    }

    /**
     * The member runs and takes increments at {@code feed}.
     *
     * @param member the ensemble member index
     * @param feed   where the stand-in sends {@link Increment}s (watched by the stand-in)
     * @param node   the host node's address, {@code host:port}
     */
    public record MemberStarted(int member, ActorRef<Increment> feed, String node) implements CborSerializable {
    }

    /**
     * Labels {@code from .. from+frames.size()-1} of the campaign's dataset (insertion order), and the
     * snapshot to train on once the copy holds it.
     *
     * @param from     index of the first frame of the batch
     * @param frames   the labeled frames
     * @param snapshot train on the first {@code snapshot} labels (0: no round asked)
     * @param replyTo  told {@link Have} when {@code from} is not the copy's size (a gap or a repeat)
     */
    public record Increment(long from, List<LabeledFrameData> frames, long snapshot, ActorRef<Have> replyTo)
            implements CborSerializable {
    }

    /** @param size how many frames the node's copy holds (the stand-in resends from there). */
    public record Have(long size) implements CborSerializable {
    }

    /**
     * A labeled frame on the wire.
     *
     * @param atoms  the structure (Å)
     * @param energy total energy, eV
     * @param forces 3N forces, eV/Å
     * @param virial 9 virial components, eV, or null
     */
    public record LabeledFrameData(AtomsData atoms, double energy, double[] forces, double[] virial) {
        /** @return the wire form of a labeled frame (energy and forces present). */
        public static LabeledFrameData of(Frame f) {
            return new LabeledFrameData(AtomsData.of(f.structure()), f.energy(), f.forces(), f.virial());
        }

        /** @return the frame. */
        public Frame toFrame() {
            return new Frame(atoms.toStructure(), energy, forces, virial, null);
        }
    }

    record StandInGone(String key) implements Command, NoSerializationVerificationNeeded {
    }

    private final NodeSettings node;
    private final Map<String, ActorRef<Increment>> feeds = new HashMap<>();
    private long counter;

    private TrainerHost(ActorContext<Command> ctx, NodeSettings node) {
        super(ctx);
        this.node = node;
        ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
    }

    /**
     * @param node the node settings (data dir for training scratch, address for logs)
     * @return the behavior; it registers with the receptionist when it starts
     */
    public static Behavior<Command> create(NodeSettings node) {
        return Behaviors.setup(ctx -> new TrainerHost(ctx, node));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(StartMember.class, this::onStart)
                .onMessage(StandInGone.class, this::onGone)
                .build();
    }

    private Behavior<Command> onStart(StartMember m) {
        TrainerSettings s = m.settings();
        String key = "member-" + s.member() + "-" + (counter++);
        String nodeName = node.host() + ":" + node.port();
        TrainerSettings here = new TrainerSettings(s.member(), s.spec(), s.firstRoundSteps(), s.stepsPerRound(),
                s.startLr(), s.warmStartLr(), s.stopLr(), s.prefactors(), s.batchAtoms(), s.warmStart(), s.seed(),
                node.dataDir().resolve("train").resolve(m.campaign().replaceAll("[^A-Za-z0-9._-]", "_"))
                        .resolve(key));
        ActorRef<Increment> feed = getContext().spawn(Behaviors.setup(g -> {
            List<Frame> copy = Collections.synchronizedList(new ArrayList<>());
            DatasetSource source = snap -> {
                synchronized (copy) {
                    return List.copyOf(copy.subList(0, (int) Math.min(snap, copy.size())));
                }
            };
            ActorRef<Topic.Command<ModelPublished>> topic = g.spawn(Topic.create(ModelPublished.class, m.topic()), "models");
            ActorRef<TrainerMember.Command> member = g.spawn(Behaviors.supervise(TrainerMember.create(here, source,
                    m.generation(), topic, null)).onFailure(SupervisorStrategy.restart()), "member");
            return Behaviors.receiveMessage(inc -> {
                if (inc.from() != copy.size()) {
                    inc.replyTo().tell(new Have(copy.size()));
                    return Behaviors.same();
                }
                inc.frames().forEach(f -> copy.add(f.toFrame()));
                if (inc.snapshot() > 0 && inc.snapshot() <= copy.size()) {
                    member.tell(new TrainerMember.DatasetGrew(inc.snapshot()));
                }
                return Behaviors.same();
            });
        }), key);
        feeds.put(key, feed);
        getContext().watchWith(m.replyTo(), new StandInGone(key));
        m.replyTo().tell(new MemberStarted(s.member(), feed, nodeName));
        getContext().getLog().info("trainer node {} started member {} of campaign {} (generation {})", nodeName,
                s.member(), m.campaign(), m.generation());
        return this;
    }

    private Behavior<Command> onGone(StandInGone m) {
        ActorRef<Increment> f = feeds.remove(m.key());
        if (f != null) {
            getContext().stop(f);
            getContext().getLog().info("trainer node {}:{} stopped {} (its campaign let it go)", node.host(),
                    node.port(), m.key());
        }
        return this;
    }
}
