package org.eelt.protocol.messages;

/**
 * What a labeler reports for one candidate: {@link FrameLabeled} (energy and forces),
 * {@link MeanForceLabeled} (a free-energy mean force) or {@link LabelFailed}.
 * The dataset recorder writes both to the store.
 */
public sealed interface LabelOutcome extends CborSerializable permits FrameLabeled, LabelFailed,
        MeanForceLabeled {
    /** @return the candidate id (unique within a campaign run). */
    String candidateId();

    /** @return the labeler that produced the outcome. */
    String labeler();

    /** @return wall-clock milliseconds the labeler spent on it (all attempts). */
    long busyMillis();
}
