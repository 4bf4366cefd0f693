package org.eelt.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;





import org.eelt.deploy.campaign.CampaignSpec;
import org.eelt.examiner.agent.Examiner;
import org.eelt.deploy.testing.CborRoundTrip;
import org.eelt.protocol.messages.LabelOutcome;
import org.eelt.protocol.messages.ModelPublished;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * jackson-cbor round trips, in an actor system configured as a cluster node, of the messages that
 * cross nodes in cluster mode: the work source's protocol (with actor refs and the labeling terms),
 * the labeler's pull request and candidate, a model with its bytes (topic payload), node loads
 * (pub-sub) and the singleton's hand-over message.
 */
class ClusterMessageSerializationTest {
    @RegisterExtension
    static final CborRoundTrip CBOR = new CborRoundTrip(ActorTestKit.create("eelt", ClusterConfigs.pekko(
            NodeSettings.from(ConfigFactory.load()).withPort(0), ConfigFactory.empty(), false)));
    static final ActorTestKit KIT = CBOR.kit();

    static Object roundTrip(Object msg) {
        return CBOR.roundTrip(msg);
    }

    @Test
    void workSourceProtocolRoundTripsWithActorRefs() {
        ActorRef<LabelWorkSource.Command> source = KIT.createTestProbe(LabelWorkSource.Command.class).getRef();
        ActorRef<Examiner.Command> examiner = KIT.createTestProbe(Examiner.Command.class).getRef();
        ActorRef<LabelOutcome> outcomes = KIT.createTestProbe(LabelOutcome.class).getRef();
        ActorRef<LabelWorkSource.Offer> offers = KIT.createTestProbe(LabelWorkSource.Offer.class).getRef();
        CampaignSpec.Labeling l = new CampaignSpec.Labeling("sutton-chen:", 3, 20.0, 2, 0.5, 5, 30.0, 0.25, 0.2);
        LabelWorkSource.Offer offer = new LabelWorkSource.Offer(source, "cu-1a2b", l, 7, examiner, outcomes);
        LabelWorkSource.Offer back = (LabelWorkSource.Offer) roundTrip(offer);
        assertEquals(offer, back);
        assertEquals(examiner.path(), back.examiner().path());
        assertEquals(0.25, back.labeling().simulatedLatencyMedianS(), 0);
        LabelWorkSource.Describe d = new LabelWorkSource.Describe(offers);
        assertEquals(d, roundTrip(d));
        var labeler = KIT.createTestProbe(org.eelt.labeler.agent.Labeler.Command.class).getRef();
        LabelWorkSource.Joined j = new LabelWorkSource.Joined(java.util.List.of(labeler));
        assertEquals(j, roundTrip(j));
        assertEquals(new LabelWorkSource.SetPaused(true), roundTrip(new LabelWorkSource.SetPaused(true)));
    }

    @Test
    void nodeLoadAndManagerHandOverRoundTrip() {
        NodeLoads.NodeLoad l = new NodeLoads.NodeLoad("pekko://eelt@127.0.0.1:2552", java.util.List.of("labeler"), 16,
                3.5, 120.25, 512.0, 1_700_000_000_000L);
        assertEquals(l, roundTrip(l));
        var done = KIT.createTestProbe(org.eelt.deploy.service.ManagerProtocol.ShutdownDone.class).getRef();
        var s = new org.eelt.deploy.service.ManagerProtocol.Shutdown(done);
        assertEquals(s, roundTrip(s));
    }

    @Test
    void pullProtocolAndModelBytesRoundTrip() {
        ActorRef<Examiner.Candidate> work = KIT.createTestProbe(Examiner.Candidate.class).getRef();
        Examiner.RequestWork r = new Examiner.RequestWork("127.0.0.1:2552/labeler-0", work);
        assertEquals(r, roundTrip(r));
        Examiner.WorkDone w = new Examiner.WorkDone("c-17", true);
        assertEquals(w, roundTrip(w));
        String yaml = "format: eelt-dp\nweights: [" + "0.125, ".repeat(20_000) + "1.0]\n";
        ModelPublished m = new ModelPublished(1, 4, 120, yaml, 0.01, 0.05, 500, 3.5);
        ModelPublished back = (ModelPublished) roundTrip(m);
        assertEquals(m, back);
        assertArrayEquals(yaml.getBytes(StandardCharsets.UTF_8), back.modelYaml().getBytes(StandardCharsets.UTF_8));
    }
}
