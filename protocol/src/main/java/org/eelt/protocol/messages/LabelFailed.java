package org.eelt.protocol.messages;

/**
 * Event: labeling a candidate failed after all retries (or a single attempt failed, when
 * {@code finalFailure} is false); recorded in the store with its reason.
 *
 * @param candidateId  the candidate id
 * @param labeler      the labeler
 * @param atoms        the structure (Å)
 * @param oracleSettings the oracle's canonical settings
 * @param reason       why (exception class and message, or "timeout after … s")
 * @param attempts     attempts so far
 * @param finalFailure true when the candidate is given up
 * @param busyMillis   wall-clock milliseconds of the attempt(s) reported here
 */
public record LabelFailed(String candidateId, String labeler, AtomsData atoms, String oracleSettings, String reason,
                          int attempts, boolean finalFailure, long busyMillis) implements LabelOutcome {
}
