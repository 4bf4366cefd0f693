package org.eelt.deploy.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.eelt.deploy.cluster.ClusterConfigs;
import org.eelt.deploy.cluster.RemoteTrainer;
import org.eelt.deploy.cluster.TrainerHost;
import org.eelt.deploy.cluster.LabelWorkSource;
import org.eelt.examiner.agent.Examiner;
import org.eelt.examiner.agent.ExaminerSettings;
import org.eelt.explorer.agent.WalkerSettings;
import org.eelt.explorer.build.Perturbations;
import org.eelt.explorer.md.MdSettings;
import org.eelt.labeler.agent.CandidateOracle;
import org.eelt.labeler.agent.Labeler;
import org.eelt.labeler.agent.StructureOracle;
import org.eelt.labeler.agent.LabelerSettings;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.LabelOutcome;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.store.EeltStore;
import org.eelt.trainer.agent.TrainerMember;
import org.eelt.trainer.agent.TrainerSettings;

/** Spawning of the campaign's agents from the spec, shared by the asynchronous and synchronous supervisors. */
final class CampaignAgents {
    private CampaignAgents() {
    }

    static ActorRef<Examiner.Command> examiner(ActorContext<?> ctx, CampaignSpec spec,
                                               ActorRef<Topic.Command<ModelPublished>> topic) {
        CampaignSpec.Examination ex = spec.examination();
        return ctx.spawn(Behaviors.supervise(Examiner.create(new ExaminerSettings(spec.training().ensembleSize(),
                ex.trust(), ex.policy(), ex.maxCandidatesPerModel(), ex.dedupeThreshold(), spec.convergence().window(),
                ex.adaptiveRatio(), ex.adaptiveFloor()), topic)).onFailure(SupervisorStrategy.resume()), "examiner");
    }

    /**
     * Spawns the examiner and, when the spec keeps one ({@code examination.reservoir-frames} &gt; 0),
     * the {@link ExplorationReservoir} that samples every frame it scores into {@code store}.
     */
    static ActorRef<Examiner.Command> examiner(ActorContext<?> ctx, CampaignSpec spec,
                                               ActorRef<Topic.Command<ModelPublished>> topic, EeltStore store) {
        ActorRef<Examiner.Command> examiner = examiner(ctx, spec, topic);
        int k = spec.examination().reservoirFrames();
        if (k > 0) {
            ActorRef<Examiner.ScoredBatch> reservoir = ctx.spawn(ExplorationReservoir.create(store, k, spec.seed()),
                    "exploration-reservoir", DispatcherSelector.fromConfig(DatasetRecorder.DISPATCHER));
            examiner.tell(new Examiner.WatchScored(reservoir));
        }
        return examiner;
    }

    static List<ActorRef<Labeler.Command>> labelers(ActorContext<?> ctx, CampaignEnv env,
                                                    ActorRef<Examiner.Command> examiner,
                                                    ActorRef<DatasetRecorder.Command> recorder) {
        return labelers(ctx, env, examiner, recorder, () -> new StructureOracle(env.oracles().get()));
    }

    /** Spawns the labeler pool with a candidate-oracle factory (one instance per labeler). */
    static List<ActorRef<Labeler.Command>> labelers(ActorContext<?> ctx, CampaignEnv env,
                                                    ActorRef<Examiner.Command> examiner,
                                                    ActorRef<DatasetRecorder.Command> recorder,
                                                    Supplier<CandidateOracle> oracles) {
        CampaignSpec.Labeling l = env.spec().labeling();
        ActorRef<LabelOutcome> outcomes = ctx.spawn(DatasetRecorder.outcomeForwarder(recorder), "outcomes");
        List<ActorRef<Labeler.Command>> out = new ArrayList<>();
        ActorRef<LabelWorkSource.Command> source = ctx.spawn(LabelWorkSource.create(env.spec().name() + "-"
                + Long.toString(System.currentTimeMillis(), 36), l, env.spec().seed(), examiner, outcomes), "label-work");
        if (ClusterConfigs.isCluster(ctx.getSystem())) {
            // labeler-role nodes (this one too, when it has the role) pull through the work source; pause goes there
            out.add(ctx.spawn(LabelWorkSource.pauseRelay(source), "labeler-pause-relay"));
            return out;
        }
        for (int i = 0; i < l.workers(); i++) {
            String id = "labeler-" + i;
            LabelerSettings s = new LabelerSettings(id, Duration.ofMillis((long) (l.timeoutS() * 1000)), l.retries(),
                    Duration.ofMillis((long) (l.backoffS() * 1000)), l.quarantineAfter(),
                    Duration.ofMillis((long) (l.quarantineS() * 1000)));
            out.add(ctx.spawn(Behaviors.supervise(Labeler.createFor(s, oracles, examiner, outcomes))
                    .onFailure(SupervisorStrategy.restart()), id));
        }
        return out;
    }

    static List<ActorRef<TrainerMember.Command>> trainers(ActorContext<?> ctx, CampaignEnv env,
                                                          Map<Integer, ModelPublished> latest,
                                                          ActorRef<Topic.Command<ModelPublished>> topic) {
        CampaignSpec spec = env.spec();
        CampaignSpec.Training t = spec.training();
        List<ActorRef<TrainerMember.Command>> out = new ArrayList<>();
        for (int m = 0; m < t.ensembleSize(); m++) {
            TrainerSettings s = new TrainerSettings(m, t.model(), t.firstRoundSteps(), t.stepsPerRound(), t.startLr(),
                    t.warmStartLr(), t.stopLr(), t.prefactors(), t.batchAtoms(), t.warmStart(), spec.seed(),
                    env.runDir().resolve("train"));
            ModelPublished last = latest.get(m);
            long generation = last == null ? 0 : last.generation();
            StoreDatasetSource dataset = new StoreDatasetSource(env.store());
            Behavior<TrainerMember.Command> member = Behaviors.supervise(TrainerMember.create(s, dataset, generation,
                    topic, null)).onFailure(SupervisorStrategy.restart());
            if (ClusterConfigs.isCluster(ctx.getSystem())) { // trainer-role nodes host the members (or local ones)
                String run = env.runDir().toAbsolutePath().normalize().getFileName().toString();
                out.add(ctx.spawn(RemoteTrainer.create(run, new TrainerHost.StartMember(run, s, generation,
                        Campaign.topicName(env), null), dataset, topic, member), "trainer-" + m,
                        DispatcherSelector.fromConfig(DatasetRecorder.DISPATCHER)));
                continue;
            }
            out.add(ctx.spawn(member, "trainer-" + m));
        }
        return out;
    }

    /**
     * @return the settings of walker w of stage {@code stage} running {@code steps} MD steps: the
     *         stage's condition w (temperature K, pressure bar) and ensemble — NVE, Langevin NVT with
     *         τ = 1/γ, or NPT adding the exploration's stochastic cell rescaling barostat
     */
    static WalkerSettings walker(CampaignSpec spec, int stage, int w, long steps, String id, long salt) {
        CampaignSpec.Stage st = spec.exploration().stages().get(stage);
        CampaignSpec.Exploration e = spec.exploration();
        MdSettings.Builder md = MdSettings.builder().timestep(e.timestepPs()).temperature(st.temperatureOf(w))
                .maxForce(e.maxForce());
        switch (st.ensemble()) {
            case NVE -> md.nve();
            case NVT -> md.langevin(1 / e.frictionPerPs());
            case NPT -> {
                CampaignSpec.Barostat b = e.barostat();
                md.langevin(1 / e.frictionPerPs()).barostat(b.anisotropic() ? MdSettings.Barostat.ANISOTROPIC
                        : MdSettings.Barostat.ISOTROPIC, st.pressureOf(w), b.tauPs(), b.compressibilityPerBar());
            }
            default -> throw new IllegalStateException("unknown ensemble " + st.ensemble());
        }
        return new WalkerSettings(id, w % spec.training().ensembleSize(), md.build(), e.chunkSteps(),
                e.sampleInterval(), steps, e.maxInFlight(), e.failedBatchesRestart(),
                spec.seed() * 1_000_003L + stage * 1009L + w * 17L + salt);
    }

    /** @return the start structure of walker w of a stage ({@link CampaignSpec#startSystem}). */
    static AtomsData start(CampaignSpec spec, int stage, int w) {
        return AtomsData.of(spec.systems().get(spec.startSystem(stage, w)));
    }

    /** K perturbed copies of the initial structures: random strain, then Gaussian rattle. */
    static List<AtomsData> bootstrap(CampaignSpec spec, int k, long salt) {
        List<AtomsData> out = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(spec.seed() * 31 + salt);
        for (int i = 0; i < k; i++) {
            Structure s = spec.systems().get(i % spec.systems().size());
            s = Perturbations.strain(s, spec.initialData().strain(), rng.nextLong());
            s = Perturbations.rattle(s, spec.initialData().rattleA(), rng.nextLong());
            out.add(AtomsData.of(s));
        }
        return out;
    }
}
