/**
 * Labeling many frames: {@link org.eelt.labeler.run.LabelRunner} (N workers, input order kept,
 * per-frame failures, progress callback) and its report.
 */
package org.eelt.labeler.run;
