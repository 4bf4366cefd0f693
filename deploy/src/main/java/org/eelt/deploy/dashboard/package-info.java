/**
 * The live web dashboard of the EELT service: a single page (HTML, CSS and plain JavaScript with
 * its own small SVG chart code, nothing loaded from the internet) served from the classpath, and
 * a Server-Sent Events stream ({@code GET /api/events}, event {@code snapshot}, one per second)
 * carrying the status of every campaign and of the cluster. Read-only: it needs no token; the
 * service binds to 127.0.0.1 by default, so only local users (or an SSH tunnel) can see it.
 */
package org.eelt.deploy.dashboard;
