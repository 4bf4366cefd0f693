package org.eelt.deploy.campaign.fe;

import java.util.List;

import org.eelt.freeenergy.cv.CvSet;
import org.eelt.freeenergy.net.EnsemblePoint;
import org.eelt.freeenergy.net.FreeEnergyEnsemble;
import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.potential.neighbor.NeighborList;
import org.eelt.protocol.atoms.Structure;

/**
 * The physical potential plus the reinforced-dynamics bias of free-energy exploration (eV, Å):
 * <pre>
 *   U(x) = V(x) − σ(ε(s)) · (Ā(s) − Ā(s_ref)),   s = s(x)
 *   σ(ε) = 1 for ε ≤ e0,  0 for ε ≥ e1,  ½(1 + cos(π (ε − e0)/(e1 − e0))) between
 *   ∇_x U = ∇_x V − Jᵀ [σ'(ε) (Ā − Ā_ref) ∇_s ε + σ ∇_s Ā],   J = ∂s/∂x
 * </pre>
 * ε is the ensemble's mean-force deviation (energy per CV unit) and ∇_s ε its exact gradient, so
 * the force is conservative (−∇U). Ā is shifted by its value at a reference point s_ref (the first
 * start point) because σ' multiplies Ā itself: a free energy has no absolute zero. The bias flattens
 * the learned free energy where the ensemble agrees and switches off where it does not (there the
 * walker feels V only, so it explores and the examiner selects the region). The bias energy goes
 * into the total energy; per-atom energies and virials are those of V.
 */
public final class BiasedPotential implements Potential {
    private final Potential base;
    private final CvSet cvs;
    private final FreeEnergyEnsemble ensemble;
    private final double e0;
    private final double e1;
    private final double aRef;

    /**
     * @param base     the physical potential
     * @param cvs      the CVs
     * @param ensemble the free-energy ensemble (energy unit must be eV)
     * @param e0       trust level below which σ = 1
     * @param e1       trust level above which σ = 0
     * @param sRef     the reference point of Ā
     */
    public BiasedPotential(Potential base, CvSet cvs, FreeEnergyEnsemble ensemble, double e0, double e1, double[] sRef) {
        this.base = base;
        this.cvs = cvs;
        this.ensemble = ensemble;
        this.e0 = e0;
        this.e1 = e1;
        this.aRef = ensemble.meanA(sRef);
    }

    /** @return {σ, dσ/dε} of the cosine switch. */
    static double[] sigma(double eps, double e0, double e1) {
        if (eps <= e0) {
            return new double[] {1, 0};
        }
        if (eps >= e1) {
            return new double[] {0, 0};
        }
        double u = Math.PI * (eps - e0) / (e1 - e0);
        return new double[] {0.5 * (1 + Math.cos(u)), -0.5 * Math.sin(u) * Math.PI / (e1 - e0)};
    }

    @Override
    public double cutoff() {
        return base.cutoff();
    }

    @Override
    public List<String> species() {
        return base.species();
    }

    @Override
    public ForceResult compute(Structure structure, NeighborList neighbors) {
        ForceResult r = base.compute(structure, neighbors);
        int d = cvs.dimension();
        double[] x = structure.positions();
        double[][] jac = new double[d][x.length];
        double[] s = cvs.wrap(cvs.valuesAndJacobian(x, structure.cell(), jac));
        EnsemblePoint p = ensemble.evaluate(s, true);
        double[] sg = sigma(p.deviation(), e0, e1);
        double a = p.meanA() - aRef;
        double[] f = r.forces().clone();
        for (int q = 0; q < d; q++) {
            double dU = -(sg[1] * a * p.deviationGradient()[q] + sg[0] * p.meanGradient()[q]);
            if (dU == 0) {
                continue;
            }
            for (int i = 0; i < x.length; i++) {
                f[i] -= jac[q][i] * dU;
            }
        }
        return new ForceResult(r.energy() - sg[0] * a, f, r.virial(), r.atomicEnergies(), r.atomicVirials());
    }
}
