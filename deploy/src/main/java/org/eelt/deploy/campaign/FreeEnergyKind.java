package org.eelt.deploy.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.eelt.deploy.campaign.fe.BiasedMdDynamics;
import org.eelt.deploy.campaign.fe.BuiltinMeanForceOracle;
import org.eelt.deploy.campaign.fe.CvClusterFilter;
import org.eelt.deploy.campaign.fe.CvEmbedding;
import org.eelt.deploy.campaign.fe.CvSamplerDynamics;
import org.eelt.deploy.campaign.fe.FeRound;
import org.eelt.deploy.campaign.fe.FeScorer;
import org.eelt.deploy.campaign.fe.FeSpec;
import org.eelt.deploy.campaign.fe.FeSystems;
import org.eelt.deploy.campaign.fe.GromacsAla2Oracle;
import org.eelt.examiner.agent.Examiner;
import org.eelt.examiner.agent.ExaminerSettings;
import org.eelt.explorer.agent.Walker;
import org.eelt.explorer.agent.WalkerDynamics;
import org.eelt.explorer.agent.WalkerSettings;
import org.eelt.explorer.build.Perturbations;
import org.eelt.labeler.agent.CandidateOracle;
import org.eelt.labeler.agent.Labeler;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.store.EeltStore;
import org.eelt.store.StoredMeanForce;
import org.eelt.trainer.agent.TrainerMember;

/**
 * The free-energy campaign ({@code kind = fe}) on the shared agents: the examiner scores frames by
 * the ensemble's mean-force deviation ε at s(x) ({@link FeScorer}) and clusters candidates in CV
 * space ({@link CvClusterFilter}, preloaded with the centers already labeled); labelers run
 * restrained MD (built-in engine) or GROMACS; trainer members train free-energy nets on the
 * store's mean-force labels ({@link FeRound}); walkers run the CV-space sampler or biased MD.
 * Bootstrap candidates are the spec's initial points, then random points around them (uniform in
 * the grid box without initial points), placed into full space.
 */
final class FreeEnergyKind implements CampaignKind {
    @Override
    public long labels(EeltStore store) {
        return store.meanForceCount();
    }

    @Override
    public ActorRef<Examiner.Command> examiner(ActorContext<?> ctx, CampaignEnv env,
                                               ActorRef<Topic.Command<ModelPublished>> topic) {
        CampaignSpec spec = env.spec();
        FeSpec fe = spec.fe();
        CampaignSpec.Examination ex = spec.examination();
        List<double[]> known = new ArrayList<>();
        for (StoredMeanForce m : env.store().meanForces(env.store().meanForceCount())) {
            known.add(m.label().center());
        }
        ExaminerSettings s = new ExaminerSettings(fe.training().ensembleSize(), ex.trust(), ex.policy(),
                ex.maxCandidatesPerModel(), 0, spec.convergence().window(), ex.adaptiveRatio(), ex.adaptiveFloor());
        return ctx.spawn(Behaviors.supervise(Examiner.create(s, topic, new FeScorer(fe.cvs()),
                new CvClusterFilter(fe.cvs(), fe.clusterRadius(), known))).onFailure(SupervisorStrategy.resume()),
                "examiner");
    }

    @Override
    public List<ActorRef<Labeler.Command>> labelers(ActorContext<?> ctx, CampaignEnv env, ActorRef<Examiner.Command> examiner,
                         ActorRef<DatasetRecorder.Command> recorder) {
        return CampaignAgents.labelers(ctx, env, examiner, recorder, oracles(env));
    }

    /** @return the factory of mean-force oracles (one instance per labeler, each with its own work directory). */
    static Supplier<CandidateOracle> oracles(CampaignEnv env) {
        FeSpec fe = env.spec().fe();
        long seed = env.spec().seed();
        if (FeSystems.hasBuiltinEngine(fe.system())) {
            Potential p = FeSystems.potential(fe.system());
            return () -> new BuiltinMeanForceOracle(fe, p, p.toString(), seed);
        }
        Map<String, String> machine = machineSettings();
        AtomicInteger instance = new AtomicInteger();
        java.nio.file.Path pdb = fe.pdbPath();
        return () -> new GromacsAla2Oracle(fe, machine, env.runDir().resolve("oracle-work")
                .resolve("gromacs-" + instance.getAndIncrement()), pdb, seed);
    }

    /** @return the {@code eelt.oracles.*} machine settings as flat keys (application.conf, system properties). */
    static Map<String, String> machineSettings() {
        Config c = ConfigFactory.load();
        Map<String, String> flat = new HashMap<>();
        if (c.hasPath("eelt.oracles")) {
            c.getConfig("eelt.oracles").entrySet().forEach(e -> flat.put("eelt.oracles." + e.getKey(),
                    String.valueOf(e.getValue().unwrapped())));
        }
        return flat;
    }

    @Override
    public List<ActorRef<TrainerMember.Command>> trainers(ActorContext<?> ctx, CampaignEnv env,
                                                          Map<Integer, ModelPublished> latest,
                                                          ActorRef<Topic.Command<ModelPublished>> topic) {
        FeSpec fe = env.spec().fe();
        List<ActorRef<TrainerMember.Command>> out = new ArrayList<>();
        for (int m = 0; m < fe.training().ensembleSize(); m++) {
            ModelPublished last = latest.get(m);
            FeRound round = new FeRound(fe, env.store(), m, env.spec().seed(), last);
            out.add(ctx.spawn(Behaviors.supervise(TrainerMember.create(m, round, last == null ? 0 : last.generation(),
                    topic, null)).onFailure(SupervisorStrategy.restart()), "trainer-" + m));
        }
        return out;
    }

    @Override
    public Behavior<Walker.Command> walker(CampaignEnv env, int stage, int w, long steps, String id, long salt,
                                           ActorRef<Examiner.Command> examiner, ActorRef<Walker.Progress> progress,
                                           ActorRef<Topic.Command<ModelPublished>> topic,
                                           Map<Integer, ModelPublished> latest) {
        CampaignSpec spec = env.spec();
        FeSpec fe = spec.fe();
        WalkerSettings ws = CampaignAgents.walker(spec, stage, w, steps, id, salt);
        WalkerDynamics<?> dynamics = fe.exploration().method() == FeSpec.Method.CV_SAMPLER ? new CvSamplerDynamics(fe)
                : new BiasedMdDynamics(fe, FeSystems.potential(fe.system()));
        List<AtomsData> starts = points(fe, w + 1, spec.seed() * 7 + stage);
        return Walker.create(ws, dynamics, starts.get(w), examiner, progress, topic, latest.values());
    }

    @Override
    public List<AtomsData> bootstrap(CampaignSpec spec, int k, long salt) {
        int from = (int) Math.min(salt, Integer.MAX_VALUE / 2); // on resume: the points after those labeled
        return points(spec.fe(), from + k, spec.seed() * 31).subList(from, from + k);
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /**
     * The initial points, then random points (Gaussian around the initial points with σ = 10 % of
     * the grid range, or uniform in the grid box when there are none), placed into full space.
     */
    static List<AtomsData> points(FeSpec fe, int k, long seed) {
        List<AtomsData> out = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed);
        boolean placeable = CvEmbedding.supports(fe.cvs());
        CvEmbedding embedding = placeable ? new CvEmbedding(fe.cvs(), fe.start()) : null;
        for (int i = 0; i < k; i++) {
            if (!placeable) { // biased-md with CVs that cannot be placed: rattled copies of the start structure
                out.add(AtomsData.of(Perturbations.rattle(fe.start(), 0.05, rng.nextLong())));
                continue;
            }
            double[] s;
            if (i < fe.initialPoints().size()) {
                s = fe.initialPoints().get(i);
            } else if (!fe.initialPoints().isEmpty()) { // near an initial point: σ = 10 % of the grid range
                double[] c = fe.initialPoints().get(i % fe.initialPoints().size());
                s = new double[fe.dimension()];
                for (int q = 0; q < s.length; q++) {
                    double w = fe.grid().max()[q] - fe.grid().min()[q];
                    s[q] = Math.max(fe.grid().min()[q], Math.min(fe.grid().max()[q], c[q] + 0.1 * w * gaussian(rng)));
                }
                s = fe.cvs().wrap(s);
            } else {
                s = new double[fe.dimension()];
                for (int q = 0; q < s.length; q++) {
                    s[q] = fe.grid().min()[q] + rng.nextDouble() * (fe.grid().max()[q] - fe.grid().min()[q]);
                }
            }
            Structure placed = embedding.place(fe.start(), s);
            out.add(AtomsData.of(placed));
        }
        return out;
    }
}
