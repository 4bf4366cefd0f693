package org.eelt.deploy.campaign;

import java.util.List;
import java.util.Map;

/**
 * What a finished campaign reports (before the independent test).
 *
 * @param status              converged, budget-exhausted or failed
 * @param reason              why it stopped, in words
 * @param explored            frames visited by walkers and sent to the examiner
 * @param examined            frames scored by the examiner
 * @param labeled             labels in the store
 * @param labelFailures       candidates given up after retries
 * @param modelVersions       model versions stored (all members)
 * @param stagesConverged     stages that met the accurate-ratio criterion
 * @param wallS               wall-clock seconds (accumulated over resumes)
 * @param labelerUtilization  labeler busy time / (workers × wall)
 * @param trainerUtilization  trainer busy time / (members × wall)
 * @param explorerUtilization walker MD time / walker lifetime
 * @param lastAccurateRatio   the accurate ratio of the last window
 * @param history             samples over time for the report
 * @param timings             where the wall time went (mode-specific breakdown in seconds; see
 *                            {@link SyncTimings} and {@link AsyncLosses}), empty when not measured
 */
public record CampaignResult(String status, String reason, long explored, long examined, long labeled,
                             long labelFailures, long modelVersions, int stagesConverged, double wallS,
                             double labelerUtilization, double trainerUtilization, double explorerUtilization,
                             double lastAccurateRatio, List<Sample> history, Map<String, Object> timings) {
    /** A result without a time breakdown. */
    public CampaignResult(String status, String reason, long explored, long examined, long labeled,
                          long labelFailures, long modelVersions, int stagesConverged, double wallS,
                          double labelerUtilization, double trainerUtilization, double explorerUtilization,
                          double lastAccurateRatio, List<Sample> history) {
        this(status, reason, explored, examined, labeled, labelFailures, modelVersions, stagesConverged, wallS,
                labelerUtilization, trainerUtilization, explorerUtilization, lastAccurateRatio, history, Map.of());
    }

    /**
     * One sample of the progress curves.
     *
     * @param t             seconds since the start
     * @param explored      frames explored
     * @param labeled       labels
     * @param queued        candidates queued
     * @param generation    ensemble generation
     * @param accurateRatio accurate ratio of the window
     * @param stage         stage index
     * @param inFlight      candidates being labeled (-1 when not sampled)
     * @param pendingBatches frame batches waiting at the examiner (-1 when not sampled)
     */
    public record Sample(double t, long explored, long labeled, int queued, long generation, double accurateRatio,
                         int stage, int inFlight, int pendingBatches) {
        /** A sample without the queue details. */
        public Sample(double t, long explored, long labeled, int queued, long generation, double accurateRatio,
                      int stage) {
            this(t, explored, labeled, queued, generation, accurateRatio, stage, -1, -1);
        }
    }
}
