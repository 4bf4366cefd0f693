package org.eelt.labeler.agent;

import org.eelt.examiner.agent.Examiner;
import org.eelt.protocol.messages.LabelOutcome;

/**
 * What a {@link Labeler} runs for one candidate: the seam between the labeler pool (pulling,
 * retries, timeouts, quarantine) and the kind of label. Deep Potential campaigns label energy and
 * forces with an {@link org.eelt.labeler.oracle.Oracle} ({@link StructureOracle}); free-energy
 * campaigns label a mean force by restrained MD. An instance is used from one thread at a time.
 */
public interface CandidateOracle {
    /** @return a short name for provenance and logs. */
    String name();

    /** @return the canonical settings text (enters provenance and the exactly-once content hash). */
    String settings();

    /**
     * Computes the label; blocking (the labeler runs it on {@value Labeler#DISPATCHER}).
     *
     * @param candidate the candidate
     * @return the computed label, turned into an outcome once the attempt's bookkeeping is known
     * @throws RuntimeException (setup or calculation failures) — the labeler reports and retries them
     */
    Computed compute(Examiner.Candidate candidate);

    /** A computed label waiting for the labeler's bookkeeping. */
    interface Computed {
        /**
         * @param candidate    the candidate
         * @param labeler      the labeler id
         * @param attempts     attempts it took
         * @param busyMillis   milliseconds of all attempts
         * @param oracleMillis milliseconds of the successful call
         * @return the outcome for the dataset recorder
         */
        LabelOutcome outcome(Examiner.Candidate candidate, String labeler, int attempts, long busyMillis,
                             long oracleMillis);
    }
}
