package org.eelt.deploy.campaign.fe;

import java.util.SplittableRandom;

import org.eelt.explorer.agent.LangevinChunk;
import org.eelt.explorer.agent.WalkerDynamics;
import org.eelt.freeenergy.explore.EnsembleBiasPotential;
import org.eelt.freeenergy.net.FreeEnergyEnsemble;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Structure;

/**
 * Biased MD in full space as {@link WalkerDynamics}: Langevin MD ({@link LangevinChunk}) on the
 * system's potential plus the bias −σ(ε)·(Ā − Ā(s_ref)) ({@link EnsembleBiasPotential}, conservative:
 * its force includes ∇σ) of the newest ensemble (all K members); s_ref is the CV value of the
 * system's start configuration. Built-in engines work in eV, so the ensemble's unit is eV.
 * Sampled frames are full configurations; the examiner scores them at s(x).
 */
public final class BiasedMdDynamics extends FeEnsembleDynamics {
    private final FeSpec fe;
    private final Potential base;
    private final double[] sRef;

    /**
     * @param fe   the free-energy settings (CVs, trust levels e0/e1, K)
     * @param base the system's physical potential (eV, Å)
     */
    public BiasedMdDynamics(FeSpec fe, Potential base) {
        super(fe.training().ensembleSize());
        this.fe = fe;
        this.base = base;
        this.sRef = fe.cvs().wrap(fe.cvs().values(fe.start().positions(), fe.start().cell()));
    }

    @Override
    protected Chunks chunks(FreeEnergyEnsemble e) {
        Potential biased = new EnsembleBiasPotential(base, fe.cvs(), e, fe.e0(), fe.e1(), 1.0, e.meanA(sRef));
        return (s, v, p, rng) -> LangevinChunk.run(biased, s, v, p, rng);
    }

    @Override
    public double[] velocities(Structure s, double temperature, SplittableRandom rng) {
        return LangevinChunk.maxwellBoltzmann(s, temperature, rng);
    }
}
