package org.eelt.protocol.messages;

/**
 * Event: a candidate was labeled by the oracle.
 *
 * @param candidateId    the candidate id
 * @param labeler        the labeler that computed it
 * @param atoms          the structure (Å)
 * @param energy         energy, eV
 * @param forces         forces, 3N values, eV/Å
 * @param virial         virial, 9 values, eV, or null
 * @param oracle         the oracle's name
 * @param oracleSettings the oracle's canonical settings (enters the content hash)
 * @param generation     the model generation that selected it
 * @param walker         the walker that visited it ("bootstrap" for initial structures)
 * @param deviation      the max force deviation when it was selected, eV/Å (NaN for bootstrap)
 * @param attempts       oracle attempts it took (1 = first try)
 * @param busyMillis     wall-clock milliseconds of all attempts
 * @param oracleMillis   wall-clock milliseconds of the successful oracle call
 */
public record FrameLabeled(String candidateId, String labeler, AtomsData atoms, double energy, double[] forces,
                           double[] virial, String oracle, String oracleSettings, long generation, String walker,
                           double deviation, int attempts, long busyMillis, long oracleMillis) implements LabelOutcome {
}
