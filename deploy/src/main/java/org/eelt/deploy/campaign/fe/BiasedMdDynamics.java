package org.eelt.deploy.campaign.fe;

import java.util.Map;
import java.util.SplittableRandom;

import org.eelt.explorer.agent.LangevinChunk;
import org.eelt.explorer.agent.WalkerDynamics;
import org.eelt.freeenergy.explore.EnsembleBiasPotential;
import org.eelt.freeenergy.net.FreeEnergyEnsemble;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.ModelPublished;

/**
 * Biased MD in full space as {@link WalkerDynamics}: Langevin MD ({@link LangevinChunk}) on the
 * system's potential plus the bias −σ(ε)·(Ā − Ā(s_ref)) ({@link EnsembleBiasPotential}, conservative:
 * its force includes ∇σ) of the newest ensemble (all K members); s_ref is the CV value of the
 * system's start configuration. Built-in engines work in eV, so the ensemble's unit is eV.
 * Sampled frames are full configurations; the examiner scores them at s(x).
 */
public final class BiasedMdDynamics implements WalkerDynamics {
    private final FeSpec fe;
    private final Potential base;
    private final double[] sRef;

    /**
     * @param fe   the free-energy settings (CVs, trust levels e0/e1, K)
     * @param base the system's physical potential (eV, Å)
     */
    public BiasedMdDynamics(FeSpec fe, Potential base) {
        this.fe = fe;
        this.base = base;
        this.sRef = fe.cvs().wrap(fe.cvs().values(fe.start().positions(), fe.start().cell()));
    }

    @Override
    public boolean wants(ModelPublished model, int member) {
        return true;
    }

    @Override
    public Object parse(ModelPublished model) {
        return FeModels.decode(model);
    }

    @Override
    public Chunks chunks(Map<Integer, Object> models, int member) {
        FreeEnergyEnsemble e = FeModels.ensemble(models, fe.training().ensembleSize());
        if (e == null) {
            return null;
        }
        Potential biased = new EnsembleBiasPotential(base, fe.cvs(), e, fe.e0(), fe.e1(), 1.0, e.meanA(sRef));
        return (s, v, p, rng) -> LangevinChunk.run(biased, s, v, p, rng);
    }

    @Override
    public double[] velocities(Structure s, double temperature, SplittableRandom rng) {
        return LangevinChunk.maxwellBoltzmann(s, temperature, rng);
    }
}
