package org.eelt.deploy.campaign;

import java.util.List;
import java.util.Map;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.eelt.examiner.agent.Examiner;
import org.eelt.explorer.agent.Walker;
import org.eelt.explorer.agent.WalkerSettings;
import org.eelt.labeler.agent.Labeler;
import org.eelt.labeler.agent.StructureOracle;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.store.EeltStore;
import org.eelt.trainer.agent.TrainerMember;

/** The Deep Potential campaign ({@code kind = dp}): the agents as {@link CampaignAgents} configures them. */
final class DeepPotKind implements CampaignKind {
    static final DeepPotKind INSTANCE = new DeepPotKind();

    private DeepPotKind() {
    }

    @Override
    public long labels(EeltStore store) {
        return store.count();
    }

    @Override
    public ActorRef<Examiner.Command> examiner(ActorContext<?> ctx, CampaignEnv env,
                                               ActorRef<Topic.Command<ModelPublished>> topic) {
        return CampaignAgents.examiner(ctx, env.spec(), topic, env.store());
    }

    @Override
    public List<ActorRef<Labeler.Command>> labelers(ActorContext<?> ctx, CampaignEnv env, ActorRef<Examiner.Command> examiner,
                         ActorRef<DatasetRecorder.Command> recorder) {
        return CampaignAgents.labelers(ctx, env, examiner, recorder, () -> new StructureOracle(env.oracles().get()));
    }

    @Override
    public List<ActorRef<TrainerMember.Command>> trainers(ActorContext<?> ctx, CampaignEnv env,
                                                          Map<Integer, ModelPublished> latest,
                                                          ActorRef<Topic.Command<ModelPublished>> topic) {
        return CampaignAgents.trainers(ctx, env, latest, topic);
    }

    @Override
    public Behavior<Walker.Command> walker(CampaignEnv env, int stage, int w, long steps, String id, long salt,
                                           ActorRef<Examiner.Command> examiner, ActorRef<Walker.Progress> progress,
                                           ActorRef<Topic.Command<ModelPublished>> topic,
                                           Map<Integer, ModelPublished> latest) {
        WalkerSettings ws = CampaignAgents.walker(env.spec(), stage, w, steps, id, salt);
        return Walker.create(ws, CampaignAgents.start(env.spec(), stage, w), examiner, progress, topic,
                latest.get(ws.member()));
    }

    @Override
    public List<AtomsData> bootstrap(CampaignSpec spec, int k, long salt) {
        return CampaignAgents.bootstrap(spec, k, salt);
    }
}
