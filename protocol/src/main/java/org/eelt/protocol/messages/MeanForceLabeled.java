package org.eelt.protocol.messages;

/**
 * Event: a free-energy candidate was labeled with a mean force by restrained MD.
 *
 * <p>Units: {@code center} in CV units (Å, rad or dimensionless; periodic CVs in (−π, π]);
 * {@code meanForce} and {@code stdErr} in {@code energyUnit} per CV unit ({@code "eV"} for the
 * built-in engine, {@code "kJ/mol"} for GROMACS). Sign: f = −∂A/∂s ≈ κ(⟨s⟩ − s0), periodic
 * differences wrapped.
 *
 * @param candidateId    the candidate id
 * @param labeler        the labeler that computed it
 * @param atoms          the candidate configuration (Å) whose CV value is the restraint center
 * @param center         the restraint center s0
 * @param meanForce      the mean force f
 * @param stdErr         its block-averaged standard error
 * @param samples        MD samples averaged after the discarded equilibration
 * @param energyUnit     {@code "eV"} or {@code "kJ/mol"}
 * @param oracle         the oracle's name
 * @param oracleSettings the oracle's canonical settings (κ, T, MD length, …; enters the content hash)
 * @param seed           the MD random seed
 * @param generation     the ensemble generation that selected it (0 for bootstrap)
 * @param walker         the walker that visited it ("bootstrap" for initial points)
 * @param deviation      the mean-force deviation ε when selected (NaN for bootstrap), energy per CV unit
 * @param attempts       oracle attempts it took (1 = first try)
 * @param busyMillis     wall-clock milliseconds of all attempts
 * @param oracleMillis   wall-clock milliseconds of the successful oracle call
 */
public record MeanForceLabeled(String candidateId, String labeler, AtomsData atoms, double[] center,
                               double[] meanForce, double[] stdErr, long samples, String energyUnit, String oracle,
                               String oracleSettings, long seed, long generation, String walker, double deviation,
                               int attempts, long busyMillis, long oracleMillis) implements LabelOutcome {
}
