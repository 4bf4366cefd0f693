/**
 * The labeler pool (Pekko typed): each {@link org.eelt.labeler.agent.Labeler} pulls one candidate
 * at a time from the examiner, calls its own oracle instance on {@code eelt-oracle-dispatcher}
 * with a timeout, retries with exponential backoff, quarantines itself after consecutive
 * failures, and reports {@link org.eelt.protocol.messages.FrameLabeled} or
 * {@link org.eelt.protocol.messages.LabelFailed} (with its reason) to the dataset recorder.
 * Units: Å, eV, eV/Å; times in ms.
 */
package org.eelt.labeler.agent;
