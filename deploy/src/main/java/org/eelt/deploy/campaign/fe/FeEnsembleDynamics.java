package org.eelt.deploy.campaign.fe;

import java.util.Map;

import org.eelt.explorer.agent.WalkerDynamics;
import org.eelt.freeenergy.net.FreeEnergyEnsemble;
import org.eelt.protocol.messages.ModelPublished;

/**
 * Base of the free-energy walkers' dynamics: every published member is wanted and decoded as a
 * {@link org.eelt.freeenergy.net.FreeEnergyNet}, and chunks run only once all K members of the
 * ensemble are there, with that ensemble (its free energy in the spec's energy unit).
 *
 * @param <T> the walker's trajectory state
 */
public abstract class FeEnsembleDynamics<T> implements WalkerDynamics<T> {
    private final int members;

    /** @param members K, the ensemble size */
    protected FeEnsembleDynamics(int members) {
        this.members = members;
    }

    @Override
    public final boolean wants(ModelPublished model, int member) {
        return true;
    }

    @Override
    public final Object parse(ModelPublished model) {
        return FeModels.decode(model);
    }

    @Override
    public final Chunks<T> chunks(Map<Integer, Object> models, int member) {
        FreeEnergyEnsemble e = FeModels.ensemble(models, members);
        return e == null ? null : chunks(e);
    }

    /** @return the chunks of a walker driven by the complete ensemble {@code e}. */
    protected abstract Chunks<T> chunks(FreeEnergyEnsemble e);
}
