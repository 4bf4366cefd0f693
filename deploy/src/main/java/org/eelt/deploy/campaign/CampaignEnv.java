package org.eelt.deploy.campaign;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import org.eelt.labeler.oracle.Oracle;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.store.EeltStore;

/**
 * What the campaign actor needs besides its spec: live objects handed over at spawn, never sent
 * in messages.
 *
 * @param spec          the campaign
 * @param store         the open store
 * @param runDir        the run directory
 * @param oracles       makes one oracle instance per labeler
 * @param progress      where the progress line goes (stderr), or null
 * @param resumeStage   stage to start at (0 for a new run)
 * @param exploredBase  frames explored before this process (resume)
 * @param wallBase      wall seconds before this process (resume)
 * @param latestModels  newest stored model of each member (resume; empty for a new run)
 * @param tickMillis    progress/convergence check period, ms
 */
public record CampaignEnv(CampaignSpec spec, EeltStore store, Path runDir, Supplier<Oracle> oracles,
                          PrintStream progress, int resumeStage, long exploredBase, double wallBase,
                          Map<Integer, ModelPublished> latestModels, long tickMillis) {
}
