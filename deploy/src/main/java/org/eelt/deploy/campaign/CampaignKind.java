package org.eelt.deploy.campaign;

import java.util.List;
import java.util.Map;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.eelt.examiner.agent.Examiner;
import org.eelt.explorer.agent.Walker;
import org.eelt.labeler.agent.Labeler;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.store.EeltStore;
import org.eelt.trainer.agent.TrainerMember;

/**
 * What differs between campaign kinds, for the one {@link Campaign} actor: how the agents (the
 * same Examiner, Labeler, Walker and TrainerMember classes) are configured, what counts as a
 * label in the store, and the bootstrap candidates. {@link DeepPotKind} is the Deep Potential
 * campaign ({@code kind = dp}), {@link FreeEnergyKind} the free-energy campaign ({@code kind = fe}).
 */
interface CampaignKind {
    /** @return the number of labels in the store (frames, or mean-force labels). */
    long labels(EeltStore store);

    /** Spawns the examiner. */
    ActorRef<Examiner.Command> examiner(ActorContext<?> ctx, CampaignEnv env, ActorRef<Topic.Command<ModelPublished>> topic);

    /** Spawns the labeler pool, pulling from the examiner and reporting to the recorder. */
    List<ActorRef<Labeler.Command>> labelers(ActorContext<?> ctx, CampaignEnv env, ActorRef<Examiner.Command> examiner,
                  ActorRef<DatasetRecorder.Command> recorder);

    /** Spawns the K trainer members. */
    List<ActorRef<TrainerMember.Command>> trainers(ActorContext<?> ctx, CampaignEnv env,
                                                   Map<Integer, ModelPublished> latest,
                                                   ActorRef<Topic.Command<ModelPublished>> topic);

    /**
     * @return the behavior of walker w of a stage
     */
    Behavior<Walker.Command> walker(CampaignEnv env, int stage, int w, long steps, String id, long salt,
                                    ActorRef<Examiner.Command> examiner, ActorRef<Walker.Progress> progress,
                                    ActorRef<Topic.Command<ModelPublished>> topic, Map<Integer, ModelPublished> latest);

    /** @return k bootstrap candidates (labeled before the first training round). */
    List<AtomsData> bootstrap(CampaignSpec spec, int k, long salt);

    /** @return the kind of a campaign spec. */
    static CampaignKind of(CampaignSpec spec) {
        return spec.isFreeEnergy() ? new FreeEnergyKind() : DeepPotKind.INSTANCE;
    }
}
