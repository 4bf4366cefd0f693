package org.eelt.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.eelt.deploy.campaign.CampaignSpec;
import org.eelt.examiner.agent.Examiner;
import org.eelt.deploy.testing.CborRoundTrip;
import org.eelt.explorer.agent.Walker;
import org.eelt.explorer.agent.WalkerSettings;
import org.eelt.explorer.md.MdSettings;
import org.eelt.explorer.build.Bulk;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.LabelOutcome;
import org.eelt.protocol.messages.ModelPublished;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * jackson-cbor round trips, in an actor system configured as a cluster node, of the messages that
 * cross nodes in cluster mode: the work source's protocol (with actor refs and the labeling terms),
 * the labeler's pull request and candidate, a model with its bytes (topic payload), node loads
 * (pub-sub), the singleton's hand-over message, and the start of a walker on an explorer-role node
 * ({@link WalkerHost.StartWalker}: settings, start structure arrays, model bytes, actor refs) with its
 * reply and the walker traffic that then crosses nodes (progress, pause, frames and their verdict).
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

    static void assertSameAtoms(AtomsData a, AtomsData b) {
        assertArrayEquals(a.species(), b.species());
        assertArrayEquals(a.positions(), b.positions(), 0);
        assertArrayEquals(a.cell(), b.cell(), 0);
        assertArrayEquals(a.pbc(), b.pbc());
    }

    @Test
    void startWalkerCarriesSettingsStructureModelAndRefs() {
        MdSettings md = MdSettings.builder().timestep(0.002).temperature(612.5).langevin(1.0)
                .barostat(MdSettings.Barostat.ANISOTROPIC, -2500.5, 0.8, 7.3e-7).maxForce(25.0).build();
        WalkerSettings ws = new WalkerSettings("s0-w3-abc", 1, md, 50, 10, 20_000, 4, 3, -7_123_456_789L);
        AtomsData start = AtomsData.of(Bulk.fcc("Cu", 3.615, 2));
        String yaml = "format: eelt-dp\nweights: [" + "0.1, ".repeat(5_000) + "1.0]\n";
        ModelPublished model = new ModelPublished(1, 3, 40, yaml, 0.01, 0.05, 500, 2.5);
        ActorRef<Examiner.Command> examiner = KIT.createTestProbe(Examiner.Command.class).getRef();
        ActorRef<Walker.Progress> progress = KIT.createTestProbe(Walker.Progress.class).getRef();
        ActorRef<WalkerHost.WalkerStarted> replyTo = KIT.createTestProbe(WalkerHost.WalkerStarted.class).getRef();
        WalkerHost.StartWalker m = new WalkerHost.StartWalker(ws, start, examiner, progress, "eelt-models-run-1",
                model, true, replyTo);

        WalkerHost.StartWalker back = (WalkerHost.StartWalker) roundTrip(m);
        assertEquals(ws, back.settings());
        assertSameAtoms(start, back.start());
        assertEquals(32, back.start().species().length, "2x2x2 fcc cells of 4 atoms");
        assertEquals(model, back.initialModel());
        assertEquals(examiner.path(), back.examiner().path());
        assertEquals(progress.path(), back.progress().path());
        assertEquals(replyTo.path(), back.replyTo().path());
        assertEquals("eelt-models-run-1", back.topic());
        assertTrue(back.paused());

        WalkerHost.StartWalker noModel = new WalkerHost.StartWalker(ws, start, examiner, progress, "t", null, false,
                replyTo);
        assertNull(((WalkerHost.StartWalker) roundTrip(noModel)).initialModel(), "a walker may start without a model");
    }

    @Test
    void walkerStartedAndWalkerTrafficRoundTrip() {
        ActorRef<Walker.Command> walker = KIT.createTestProbe(Walker.Command.class).getRef();
        WalkerHost.WalkerStarted s = new WalkerHost.WalkerStarted("s0-w0-x", walker, "127.0.0.1:2553");
        assertEquals(s, roundTrip(s));
        Walker.Progress p = new Walker.Progress("s0-w0-x", 1200, 24, 3400, 1, 2, false);
        assertEquals(p, roundTrip(p));
        assertEquals(new Walker.SetPaused(true), roundTrip(new Walker.SetPaused(true)));
        ActorRef<Examiner.FramesExamined> ack = KIT.createTestProbe(Examiner.FramesExamined.class).getRef();
        AtomsData f = AtomsData.of(Bulk.fcc("Cu", 3.6, 1));
        Examiner.FramesVisited v = new Examiner.FramesVisited("s0-w0-x", 2, java.util.List.of(f, f), ack);
        Examiner.FramesVisited vb = (Examiner.FramesVisited) roundTrip(v);
        assertEquals(2, vb.frames().size());
        assertSameAtoms(f, vb.frames().get(1));
        assertEquals(ack.path(), vb.replyTo().path());
        Examiner.FramesExamined e = new Examiner.FramesExamined("s0-w0-x", 1, 1, 0, 0, 2);
        assertEquals(e, roundTrip(e));
    }

    @Test
    void trainerMemberStartAndDatasetIncrementsRoundTrip() {
        org.eelt.trainer.model.DpSpec spec = new org.eelt.trainer.model.DpSpec(java.util.List.of("Cu"), new int[] {60},
                5.0, 2.0, new int[] {4, 8}, 4, new int[] {16, 16}, false, false, true);
        org.eelt.trainer.agent.TrainerSettings ts = new org.eelt.trainer.agent.TrainerSettings(1, spec, 100, 40, 1e-2,
                3e-3, 1e-4, org.eelt.trainer.schedule.LossPrefactors.defaults(), 32, true, 11,
                java.nio.file.Path.of("/var/lib/eelt/run-1/train"));
        ActorRef<TrainerHost.MemberStarted> standIn = KIT.createTestProbe(TrainerHost.MemberStarted.class).getRef();
        TrainerHost.StartMember m = new TrainerHost.StartMember("run-1", ts, 3, "eelt-models-run-1", standIn);
        TrainerHost.StartMember back = (TrainerHost.StartMember) roundTrip(m);
        assertEquals(ts.member(), back.settings().member());
        assertArrayEquals(spec.sel(), back.settings().spec().sel());
        assertArrayEquals(spec.embedding(), back.settings().spec().embedding());
        assertArrayEquals(spec.fitting(), back.settings().spec().fitting());
        assertEquals(spec.typeMap(), back.settings().spec().typeMap());
        assertEquals(spec.rcutSmth(), back.settings().spec().rcutSmth(), 0);
        assertEquals(ts.prefactors(), back.settings().prefactors());
        assertEquals(ts.workDir(), back.settings().workDir());
        assertEquals(java.util.List.of(ts.firstRoundSteps(), ts.stepsPerRound(), ts.seed()),
                java.util.List.of(back.settings().firstRoundSteps(), back.settings().stepsPerRound(), back.settings().seed()));
        assertEquals(3, back.generation());
        assertEquals(standIn.path(), back.replyTo().path());

        ActorRef<TrainerHost.Increment> feed = KIT.createTestProbe(TrainerHost.Increment.class).getRef();
        TrainerHost.MemberStarted st = new TrainerHost.MemberStarted(1, feed, "127.0.0.1:2554");
        assertEquals(st, roundTrip(st));

        org.eelt.protocol.atoms.Structure cu = Bulk.fcc("Cu", 3.615, 1);
        double[] forces = new double[3 * cu.size()];
        for (int i = 0; i < forces.length; i++) {
            forces[i] = 0.01 * i - 0.05;
        }
        double[] virial = {1, 0.5, 0, 0.5, 2, 0, 0, 0, 3};
        org.eelt.protocol.atoms.Frame f = new org.eelt.protocol.atoms.Frame(cu, -14.25, forces, virial, null);
        ActorRef<TrainerHost.Have> have = KIT.createTestProbe(TrainerHost.Have.class).getRef();
        TrainerHost.Increment inc = new TrainerHost.Increment(64, java.util.List.of(TrainerHost.LabeledFrameData.of(f),
                new TrainerHost.LabeledFrameData(AtomsData.of(cu), -14.0, forces, null)), 66, have);
        TrainerHost.Increment ib = (TrainerHost.Increment) roundTrip(inc);
        assertEquals(64, ib.from());
        assertEquals(66, ib.snapshot());
        assertEquals(have.path(), ib.replyTo().path());
        org.eelt.protocol.atoms.Frame fb = ib.frames().get(0).toFrame();
        assertEquals(f, fb, "structure, energy (eV), forces (eV/Å) and virial (eV) survive");
        assertNull(ib.frames().get(1).toFrame().virial());
        assertEquals(new TrainerHost.Have(17), roundTrip(new TrainerHost.Have(17)));
    }
}
