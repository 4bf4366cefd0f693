package org.eelt.trainer;

import org.eelt.trainer.model.DpModel;

/**
 * Outcome of a training run.
 *
 * @param model      the trained model
 * @param steps      steps completed in total (including those before a restart)
 * @param last       training errors of the last batch
 * @param validation validation errors at the end, or null without validation data
 * @param seconds    wall-clock seconds of this run
 * @param stopped    true when the run was interrupted before numb_steps (a checkpoint was written)
 */
public record TrainResult(DpModel model, long steps, LcurvePoint last, LcurvePoint validation, double seconds,
                          boolean stopped) {
}
