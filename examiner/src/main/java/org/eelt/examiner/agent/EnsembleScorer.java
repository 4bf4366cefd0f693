package org.eelt.examiner.agent;

import java.util.List;

import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.ModelPublished;

/**
 * How the {@link Examiner} scores a visited frame with the ensemble: the seam between the
 * examiner (queues, trust levels, window, work pulling) and the kind of model. Deep Potential
 * campaigns use {@link #deepPotential()} (max atomic force deviation, eV/Å); free-energy
 * campaigns the mean-force deviation ε = sqrt(mean_j σ_j²) at the frame's CV value.
 * Implementations are pure and thread-safe: both methods run on {@value Examiner#DISPATCHER}.
 */
public interface EnsembleScorer {
    /**
     * @param model one member's published model
     * @return the parsed model that {@link #deviation} receives
     * @throws RuntimeException when the model text is invalid
     */
    Object parse(ModelPublished model);

    /**
     * @param members the parsed models of all K members, in member order
     * @param frame   a visited frame (Å)
     * @return the ensemble deviation (in the campaign's trust-level unit); +∞ for a frame that cannot be scored
     */
    double deviation(List<Object> members, AtomsData frame);

    /** @return the Deep Potential scorer: max over atoms of the force deviation ε_F,i, eV/Å. */
    static EnsembleScorer deepPotential() {
        return DeepPotScorer.INSTANCE;
    }
}
