package org.eelt.trainer;

import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.trainer.data.DeepmdSystem;

/**
 * DeePMD-kit's {@code dp test}: errors of a model on every frame of a deepmd/npy system.
 *
 * <p>rmse_e_per_atom = √⟨ΔE²⟩ / N (eV), rmse_f = √⟨ΔF²⟩ over all 3N·frames components (eV/Å),
 * rmse_v = √⟨ΔΞ²⟩ / N over 9·frames components (eV; NaN without virial labels).
 */
public final class DpTest {
    private DpTest() {
    }

    /**
     * Errors of one system.
     *
     * @param rmseEPerAtom energy RMSE per atom, eV
     * @param rmseF        force RMSE, eV/Å
     * @param rmseV        virial RMSE per atom, eV (NaN without virial labels)
     * @param frames       frames evaluated
     */
    public record Result(double rmseEPerAtom, double rmseF, double rmseV, int frames) {
    }

    /**
     * @param model  any potential (a trained {@link org.eelt.trainer.model.DpModel}, an imported model)
     * @param system the labeled system
     * @return its errors
     */
    public static Result evaluate(Potential model, DeepmdSystem system) {
        int n = system.natoms();
        double se = 0, sf = 0, sv = 0;
        int nf = system.frames();
        for (int k = 0; k < nf; k++) {
            ForceResult r = model.compute(system.structure(k));
            double de = r.energy() - system.energy(k);
            se += de * de;
            double[] f = system.force(k);
            if (f != null) {
                for (int c = 0; c < 3 * n; c++) {
                    double d = r.forces()[c] - f[c];
                    sf += d * d;
                }
            }
            double[] v = system.virial(k);
            if (v != null) {
                for (int c = 0; c < 9; c++) {
                    double d = r.virial()[c] - v[c];
                    sv += d * d;
                }
            }
        }
        double rmseF = system.force(0) != null ? Math.sqrt(sf / (3.0 * n * nf)) : Double.NaN;
        double rmseV = system.hasVirial() ? Math.sqrt(sv / (9.0 * nf)) / n : Double.NaN;
        return new Result(Math.sqrt(se / nf) / n, rmseF, rmseV, nf);
    }
}
