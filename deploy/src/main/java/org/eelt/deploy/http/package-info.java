/**
 * The service's JSON HTTP API on pekko-http ({@link org.eelt.deploy.http.ApiRoutes}): campaigns,
 * cluster members and Prometheus metrics; bearer token on mutating endpoints; JSON errors.
 */
package org.eelt.deploy.http;
