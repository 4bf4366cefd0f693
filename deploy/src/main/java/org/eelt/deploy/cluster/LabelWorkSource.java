package org.eelt.deploy.cluster;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.eelt.deploy.campaign.CampaignSpec;
import org.eelt.examiner.agent.Examiner;
import org.eelt.protocol.messages.CborSerializable;
import org.eelt.protocol.messages.LabelOutcome;

/**
 * A campaign's offer of labeling work to labeler nodes. Each running campaign spawns one and
 * registers it with the receptionist under {@link #KEY}; the {@link LabelerNodePool} of every labeler
 * node sees it in the (cluster-wide) listing, asks {@link Describe}, and starts labelers that pull
 * candidates from the campaign's examiner ({@link Examiner.RequestWork}) and send every
 * {@link LabelOutcome} to the campaign's outcome sink, whose recorder writes the store. The actor
 * stops with its campaign, which tells the labeler nodes to stop their labelers for it.
 */
public final class LabelWorkSource {
    /** The receptionist key campaigns register their work source under. */
    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "eelt-label-work");

    private LabelWorkSource() {
    }

    /** Messages of a work source. */
    public sealed interface Command permits Describe {
    }

    /** A labeler node asks what the campaign needs. */
    public record Describe(ActorRef<Offer> replyTo) implements Command, CborSerializable {
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
            Offer offer = new Offer(ctx.getSelf(), campaign, labeling, seed, examiner, outcomes);
            return Behaviors.receiveMessage(m -> describe(m, offer));
        });
    }

    private static Behavior<Command> describe(Command m, Offer offer) {
        if (m instanceof Describe d) {
            d.replyTo().tell(offer);
        }
        return Behaviors.same();
    }
}
