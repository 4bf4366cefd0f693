package org.eelt.deploy.service;

import org.eelt.deploy.campaign.CampaignStatus;
import org.eelt.protocol.messages.CborSerializable;

/**
 * What the service knows about one campaign: identity, service status and, while it runs, the
 * last live snapshot; when finished, the summary.
 *
 * @param id          campaign id (the run directory's name)
 * @param name        campaign name
 * @param kind        campaign kind (dp, or fe for free-energy campaigns)
 * @param status      starting, running, paused, stopping, evaluating, or the final summary status
 *                    (converged, budget-exhausted, stopped, failed)
 * @param reason      why it stopped or failed, or null
 * @param createdMs   submission time, ms since the epoch
 * @param live        the last live snapshot (refreshed every status interval), or null before the first
 * @param summaryJson summary.json text once finished, else null
 */
public record CampaignView(String id, String name, String kind, String status, String reason, long createdMs,
                           CampaignStatus live, String summaryJson) implements CborSerializable {
    /** @return whether the campaign reached a final status. */
    public boolean finished() {
        return summaryJson != null || isFinal(status);
    }

    /** @return whether a status text is final (converged, budget-exhausted, stopped, failed). */
    public static boolean isFinal(String status) {
        return switch (status) {
            case "starting", "running", "paused", "stopping", "evaluating" -> false;
            default -> true;
        };
    }
}
