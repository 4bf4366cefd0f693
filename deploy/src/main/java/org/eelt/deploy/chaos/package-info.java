/**
 * The crash-safety harness behind {@code eelt chaos kill}: runs a campaign as a child JVM, kills it
 * with SIGKILL in chosen phases, resumes it, and audits the store after every kill.
 */
package org.eelt.deploy.chaos;
