package org.eelt.deploy.campaign;

import java.util.List;
import java.util.Map;

import org.eelt.examiner.agent.ExaminationTally;
import org.eelt.protocol.messages.CborSerializable;

/**
 * A live snapshot of a running campaign, the reply to {@link Campaign.GetStatus}. Immutable plain
 * data (it may cross nodes). Units: seconds, eV/Å (deviations), eV/Å (learning-curve RMSE).
 *
 * @param state              running, paused or finished
 * @param stage              current stage index (0-based; equals {@code stages} when all are done)
 * @param stages             number of exploration stages
 * @param wallS              campaign wall-clock seconds (accumulated over resumes, pauses excluded)
 * @param explored           frames visited by walkers and sent to the examiner
 * @param examined           frames scored by the examiner
 * @param candidates         frames classified as candidates (before cap and dedupe)
 * @param selected           candidates queued for labeling (after cap and dedupe)
 * @param labeled            labels in the store
 * @param labelFailures      candidates given up after all retries
 * @param modelVersions      model versions stored (all members)
 * @param ensembleGeneration the lowest generation over the ensemble members
 * @param accurateRatio      accurate ratio over the examiner's window
 * @param utilization        busy fraction per pool
 * @param examinerQueue      walker batches waiting to be scored
 * @param labelerQueue       candidates waiting for a labeler
 * @param labelsInFlight     candidates being labeled
 * @param staleness          per walker: generations its model is behind its member's newest
 * @param tally              frames per ensemble generation and the deviation histogram
 * @param lcurves            learning curve per ensemble member
 * @param labelLatency       histogram of the wall time of successful labels (all attempts), s
 * @param history            samples over time (at most {@value CampaignMetrics#HISTORY_POINTS})
 */
public record CampaignStatus(String state, int stage, int stages, double wallS, long explored, long examined,
                             long candidates, long selected, long labeled, long labelFailures, long modelVersions,
                             long ensembleGeneration, double accurateRatio, Utilization utilization,
                             int examinerQueue, int labelerQueue, int labelsInFlight, Map<String, Long> staleness,
                             ExaminationTally.Tally tally, List<MemberCurve> lcurves, LatencyHistogram labelLatency,
                             List<CampaignResult.Sample> history) implements CborSerializable {

    /**
     * Busy fraction of each agent pool (busy time / (agents × wall time)).
     *
     * @param explorer walker MD time / walker lifetime
     * @param labeler  labeler busy time / (workers × wall)
     * @param trainer  trainer busy time / (members × wall)
     */
    public record Utilization(double explorer, double labeler, double trainer) implements CborSerializable {
    }

    /**
     * Learning curve of one ensemble member: one point per training round.
     *
     * @param member member index
     * @param steps  cumulative optimizer steps at the end of each round
     * @param rmseF  force RMSE of the round's last training batch, eV/Å
     */
    public record MemberCurve(int member, long[] steps, double[] rmseF) implements CborSerializable {
    }

    /**
     * A fixed-bucket histogram (non-cumulative counts).
     *
     * @param upperBounds bucket upper bounds, s (ascending)
     * @param counts      observations per bucket ({@code upperBounds.length + 1} values: the last
     *                    counts observations above the last bound)
     * @param sum         sum of all observations, s
     * @param count       number of observations
     */
    public record LatencyHistogram(double[] upperBounds, long[] counts, double sum, long count)
            implements CborSerializable {
    }
}
