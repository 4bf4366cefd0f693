package org.eelt.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.eelt.deploy.campaign.CampaignSpec;
import org.eelt.examiner.agent.Examiner;
import org.eelt.labeler.agent.Labeler;
import org.eelt.protocol.messages.LabelOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A campaign's work source: registered with the receptionist, answers {@code Describe} with the
 * campaign's offer, and relays the campaign's pause/resume to labelers that joined, including ones
 * that join while the campaign is paused.
 */
class LabelWorkSourceTest {
    static final ActorTestKit KIT = ActorTestKit.create();

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    @Test
    void offersTheCampaignAndRelaysPauseToJoinedLabelers() {
        ActorRef<Examiner.Command> examiner = KIT.createTestProbe(Examiner.Command.class).getRef();
        ActorRef<LabelOutcome> outcomes = KIT.createTestProbe(LabelOutcome.class).getRef();
        CampaignSpec.Labeling l = new CampaignSpec.Labeling("sutton-chen:", 2, 10, 1, 0.1, 3, 1, 0.2, 0.3);
        ActorRef<LabelWorkSource.Command> source = KIT.spawn(LabelWorkSource.create("cu-x", l, 9, examiner, outcomes));

        TestProbe<Receptionist.Listing> listing = KIT.createTestProbe(Receptionist.Listing.class);
        KIT.system().receptionist().tell(Receptionist.find(LabelWorkSource.KEY, listing.getRef()));
        assertEquals(java.util.Set.of(source), listing.receiveMessage().getServiceInstances(LabelWorkSource.KEY));

        TestProbe<LabelWorkSource.Offer> offers = KIT.createTestProbe(LabelWorkSource.Offer.class);
        source.tell(new LabelWorkSource.Describe(offers.getRef()));
        LabelWorkSource.Offer o = offers.receiveMessage();
        assertEquals(source, o.source());
        assertEquals(examiner, o.examiner());
        assertEquals("sutton-chen:", o.labeling().oracle());

        TestProbe<Labeler.Command> a = KIT.createTestProbe(Labeler.Command.class);
        source.tell(new LabelWorkSource.Joined(List.of(a.getRef())));
        ActorRef<Labeler.Command> relay = KIT.spawn(LabelWorkSource.pauseRelay(source));
        relay.tell(new Labeler.SetPaused(true));
        assertEquals(new Labeler.SetPaused(true), a.receiveMessage());

        TestProbe<Labeler.Command> b = KIT.createTestProbe(Labeler.Command.class);
        source.tell(new LabelWorkSource.Joined(List.of(b.getRef())));
        assertEquals(new Labeler.SetPaused(true), b.receiveMessage(), "a labeler joining a paused campaign pauses");

        a.stop();
        relay.tell(new Labeler.SetPaused(false));
        assertEquals(new Labeler.SetPaused(false), b.receiveMessage());
        b.expectNoMessage(Duration.ofMillis(200));
    }
}
