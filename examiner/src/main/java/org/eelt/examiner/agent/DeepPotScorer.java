package org.eelt.examiner.agent;

import java.util.ArrayList;
import java.util.List;

import org.eelt.examiner.deviation.ModelDeviations;
import org.eelt.potential.Potential;
import org.eelt.protocol.messages.AtomsData;
import org.eelt.protocol.messages.ModelPublished;

/** {@link EnsembleScorer} of Deep Potential ensembles: max atomic force deviation, eV/Å ({@link ModelDeviations}). */
final class DeepPotScorer implements EnsembleScorer {
    static final DeepPotScorer INSTANCE = new DeepPotScorer();

    private DeepPotScorer() {
    }

    @Override
    public Object parse(ModelPublished model) {
        return EnsembleModels.potentialOf(model);
    }

    @Override
    public double deviation(List<Object> members, AtomsData frame) {
        List<Potential> models = new ArrayList<>(members.size());
        for (Object m : members) {
            models.add((Potential) m);
        }
        try {
            return ModelDeviations.compute(0, models, frame.toStructure()).maxDeviF();
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Double.POSITIVE_INFINITY; // e.g. atoms on top of each other: a failed frame
        }
    }
}
