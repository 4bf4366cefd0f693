package org.eelt.deploy.cluster;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.eelt.deploy.campaign.CampaignSpec;
import org.eelt.examiner.agent.Examiner;
import org.eelt.labeler.agent.Labeler;
import org.eelt.protocol.messages.CborSerializable;
import org.eelt.protocol.messages.LabelOutcome;

/**
 * A campaign's offer of labeling work to labeler nodes. Each running campaign spawns one and
 * registers it with the receptionist under {@link #KEY}; the {@link LabelerNodePool} of every labeler
 * node sees it in the (cluster-wide) listing, asks {@link Describe}, and starts labelers that pull
 * candidates from the campaign's examiner ({@link Examiner.RequestWork}) and send every
 * {@link LabelOutcome} to the campaign's outcome sink, whose recorder writes the store. The nodes
 * report the labelers they started ({@link Joined}), and the source relays the campaign's pause and
 * resume to them. The actor stops with its campaign, which tells the labeler nodes to stop their
 * labelers for it.
 */
public final class LabelWorkSource {
    /** The receptionist key campaigns register their work source under. */
    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "eelt-label-work");

    private LabelWorkSource() {
    }

    /** Messages of a work source. */
    public sealed interface Command permits Describe, Joined, SetPaused, LabelerGone {
    }

    /** A labeler node asks what the campaign needs. */
    public record Describe(ActorRef<Offer> replyTo) implements Command, CborSerializable {
    }

    /** A labeler node started these labelers for the campaign (they get its pause state). */
    public record Joined(List<ActorRef<Labeler.Command>> labelers) implements Command, CborSerializable {
    }

    /** The campaign pauses or resumes: relayed to every joined labeler. */
    public record SetPaused(boolean paused) implements Command, CborSerializable {
    }

    record LabelerGone(ActorRef<Labeler.Command> labeler) implements Command, NoSerializationVerificationNeeded {
    }

    /**
     * What a campaign offers. The oracle SPEC and the declared simulated latency come from the campaign;
     * the machine settings (binaries, scratch) of the oracle come from the labeler node's own config.
     *
     * @param source    the work source that sent the offer (labeler nodes watch it)
     * @param campaign  the campaign's name plus a unique run tag
     * @param labeling  the campaign's labeling section (oracle SPEC, timeouts, retries, latency model)
     * @param seed      the campaign's seed (simulated latency draws)
     * @param examiner  where labelers pull candidates
     * @param outcomes  where labelers send {@code FrameLabeled} / {@code LabelFailed}
     */
    public record Offer(ActorRef<Command> source, String campaign, CampaignSpec.Labeling labeling, long seed,
                        ActorRef<Examiner.Command> examiner, ActorRef<LabelOutcome> outcomes)
            implements CborSerializable {
    }

    /**
     * @param campaign the campaign's name plus a unique run tag
     * @param labeling the campaign's labeling section
     * @param seed     the campaign's seed
     * @param examiner the campaign's examiner
     * @param outcomes the campaign's outcome sink
     * @return the behavior; it registers itself with the receptionist when it starts
     */
    public static Behavior<Command> create(String campaign, CampaignSpec.Labeling labeling, long seed,
                                           ActorRef<Examiner.Command> examiner, ActorRef<LabelOutcome> outcomes) {
        return Behaviors.setup(ctx -> {
            ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
            return new Source(ctx, new Offer(ctx.getSelf(), campaign, labeling, seed, examiner, outcomes));
        });
    }

    /**
     * @param source a work source
     * @return a stand-in for the campaign's labelers: it relays {@link Labeler.SetPaused} to the source,
     *         which relays it to every labeler that joined from a labeler node
     */
    public static Behavior<Labeler.Command> pauseRelay(ActorRef<Command> source) {
        return Behaviors.receiveMessage(m -> relay(source, m));
    }

    private static Behavior<Labeler.Command> relay(ActorRef<Command> source, Labeler.Command m) {
        if (m instanceof Labeler.SetPaused p) {
            source.tell(new SetPaused(p.paused()));
        }
        return Behaviors.same();
    }

    private static final class Source extends AbstractBehavior<Command> {
        private final Offer offer;
        private final Set<ActorRef<Labeler.Command>> labelers = new HashSet<>();
        private boolean paused;

        Source(ActorContext<Command> ctx, Offer offer) {
            super(ctx);
            this.offer = offer;
        }

        @Override
        public Receive<Command> createReceive() {
            return newReceiveBuilder()
                    .onMessage(Describe.class, this::onDescribe)
                    .onMessage(Joined.class, this::onJoined)
                    .onMessage(SetPaused.class, this::onSetPaused)
                    .onMessage(LabelerGone.class, this::onGone)
                    .build();
        }

        private Behavior<Command> onDescribe(Describe m) {
            m.replyTo().tell(offer);
            return this;
        }

        private Behavior<Command> onJoined(Joined m) {
            for (ActorRef<Labeler.Command> l : m.labelers()) {
                if (labelers.add(l)) {
                    getContext().watchWith(l, new LabelerGone(l));
                    if (paused) {
                        l.tell(new Labeler.SetPaused(true));
                    }
                }
            }
            return this;
        }

        private Behavior<Command> onSetPaused(SetPaused m) {
            paused = m.paused();
            labelers.forEach(l -> l.tell(new Labeler.SetPaused(paused)));
            return this;
        }

        private Behavior<Command> onGone(LabelerGone m) {
            labelers.remove(m.labeler());
            return this;
        }
    }
}
