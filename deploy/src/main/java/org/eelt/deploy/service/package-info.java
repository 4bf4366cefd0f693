/**
 * The long-running EELT service: the {@link org.eelt.deploy.service.CampaignManager} actor (runs
 * several campaigns concurrently, persists them in a data directory and resumes them on restart),
 * the validated node configuration ({@link org.eelt.deploy.service.ServiceConfig}), the checks on
 * specs submitted over the API ({@link org.eelt.deploy.service.SubmissionPolicy}: oracles only
 * from the server's config), the JSON and Prometheus renderings of campaign status, and
 * {@link org.eelt.deploy.service.ServiceState}, the non-blocking facade used by HTTP routes.
 * Units in status and metrics: seconds, eV/Å.
 */
package org.eelt.deploy.service;
