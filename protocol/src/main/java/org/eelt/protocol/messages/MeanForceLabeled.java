package org.eelt.protocol.messages;

import org.eelt.protocol.atoms.MeanForceLabel;

/**
 * Event: a free-energy candidate was labeled with a mean force by restrained MD.
 *
 * <p>The label itself (center s0 in CV units, f = −∂A/∂s and its standard error in energy per CV
 * unit, samples, unit, provenance with the oracle settings and seed) is a {@link MeanForceLabel};
 * this event adds the labeler's bookkeeping.
 *
 * @param candidateId  the candidate id
 * @param labeler      the labeler that computed it
 * @param atoms        the candidate configuration (Å) whose CV value is the restraint center
 * @param label        the mean-force label
 * @param generation   the ensemble generation that selected it (0 for bootstrap)
 * @param walker       the walker that visited it ("bootstrap" for initial points)
 * @param deviation    the mean-force deviation ε when selected (NaN for bootstrap), energy per CV unit
 * @param attempts     oracle attempts it took (1 = first try)
 * @param busyMillis   wall-clock milliseconds of all attempts
 * @param oracleMillis wall-clock milliseconds of the successful oracle call
 */
public record MeanForceLabeled(String candidateId, String labeler, AtomsData atoms, MeanForceLabel label,
                               long generation, String walker, double deviation, int attempts, long busyMillis,
                               long oracleMillis) implements LabelOutcome {
}
