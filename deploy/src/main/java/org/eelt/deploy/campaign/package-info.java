/**
 * EELT campaigns: the HOCON {@link org.eelt.deploy.campaign.CampaignSpec} (validated at start,
 * errors name the key path), the {@link org.eelt.deploy.campaign.Campaign} supervisor actor, the
 * {@link org.eelt.deploy.campaign.DatasetRecorder} that writes labels exactly once to the RocksDB
 * store, the {@link org.eelt.deploy.campaign.CampaignRunner} entry point (run, resume), the
 * independent test set and {@code summary.json} / {@code report.html} writers.
 * Units: Å, eV, eV/Å, K, ps (time steps given in fs in the spec), seconds for wall times.
 */
package org.eelt.deploy.campaign;
