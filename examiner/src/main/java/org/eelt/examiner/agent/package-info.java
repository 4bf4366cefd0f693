/**
 * The examiner agent (Pekko typed): scores batches of visited frames with the ensemble's max
 * force deviation (eV/Å), classifies them by trust levels, selects, dedupes and queues candidates
 * for the labeler pool (which pulls work), re-scores queued candidates when a newer ensemble
 * arrives, and keeps the accurate-ratio window for convergence. Scoring runs on
 * {@code eelt-examiner-dispatcher}, never on the default dispatcher.
 */
package org.eelt.examiner.agent;
