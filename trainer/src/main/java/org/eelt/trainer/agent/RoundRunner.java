package org.eelt.trainer.agent;

import java.io.IOException;

import org.eelt.protocol.messages.ModelPublished;

/**
 * One training round of one ensemble member: the seam between the {@link TrainerMember} actor
 * (coalescing requests, publishing) and the kind of model. Deep Potential campaigns run
 * {@link TrainingRound} on the labeled frames; free-energy campaigns train a free-energy network
 * on mean-force labels. A blocking, pure function of the dataset snapshot (the actor runs it on
 * {@value TrainerMember#DISPATCHER}).
 */
@FunctionalInterface
public interface RoundRunner {
    /**
     * @param snapshot   the number of labels of the snapshot to train on
     * @param generation the generation this round produces (1 = first)
     * @return the published model
     * @throws IOException when checkpoints cannot be read or written
     */
    ModelPublished run(long snapshot, long generation) throws IOException;
}
