package org.eelt.deploy.service;

import java.nio.file.Path;

import org.apache.pekko.actor.typed.ActorRef;
import org.eelt.deploy.campaign.Campaign;
import org.eelt.deploy.campaign.CampaignResult;
import org.eelt.deploy.campaign.CampaignRunner;
import org.eelt.deploy.campaign.CampaignStatus;

/** The campaign manager's mutable record of one campaign (owned by the manager actor only). */
final class ManagedCampaign {
    final String id;
    final String name;
    final String kind;
    final long createdMs;
    final Path runDir;
    String status = "starting";
    String reason;
    ActorRef<Campaign.Command> actor;
    CampaignRunner.Prepared prepared;
    CampaignResult result;
    CampaignStatus live;
    String summaryJson;
    boolean stopRequested;
    boolean pauseRequested;

    ManagedCampaign(String id, String name, String kind, long createdMs, Path runDir) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.createdMs = createdMs;
        this.runDir = runDir;
    }

    CampaignView view() {
        return new CampaignView(id, name, kind, status, reason, createdMs, live, summaryJson);
    }

    boolean finished() {
        return CampaignView.isFinal(status);
    }
}
