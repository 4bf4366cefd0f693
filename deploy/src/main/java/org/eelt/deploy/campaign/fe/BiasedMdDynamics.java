package org.eelt.deploy.campaign.fe;

import org.eelt.explorer.agent.MdWalk;
import org.eelt.explorer.agent.WalkerSettings;
import org.eelt.freeenergy.explore.EnsembleBiasPotential;
import org.eelt.freeenergy.net.FreeEnergyEnsemble;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Structure;

/**
 * Biased MD in full space as {@link org.eelt.explorer.agent.WalkerDynamics}: Langevin MD (an
 * {@link MdWalk} on the {@link org.eelt.explorer.md.MdRunner} engine, τ = 1/γ) on the
 * system's potential plus the bias −σ(ε)·(Ā − Ā(s_ref)) ({@link EnsembleBiasPotential}, conservative:
 * its force includes ∇σ) of the newest ensemble (all K members); s_ref is the CV value of the
 * system's start configuration. Built-in engines work in eV, so the ensemble's unit is eV.
 * Sampled frames are full configurations; the examiner scores them at s(x). The walk stops
 * ("explodes") on non-finite values or a force above the walker's max force only: a biased walker
 * may run hot or close while it crosses a barrier.
 */
public final class BiasedMdDynamics extends FeEnsembleDynamics<MdWalk> {
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
    protected Chunks<MdWalk> chunks(FreeEnergyEnsemble e) {
        Potential biased = new EnsembleBiasPotential(base, fe.cvs(), e, fe.e0(), fe.e1(), 1.0, e.meanA(sRef));
        return (walk, steps) -> walk.advance(biased, steps);
    }

    @Override
    public MdWalk start(Structure start, WalkerSettings settings, long seed) {
        return MdWalk.start(start, settings.md().toBuilder().minDistance(0).maxTemperatureFactor(1e9).build(),
                settings.sampleInterval(), seed);
    }
}
