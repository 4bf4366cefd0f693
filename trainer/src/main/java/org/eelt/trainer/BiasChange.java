package org.eelt.trainer;

import java.util.List;
import org.eelt.potential.Potential;
import org.eelt.potential.dp.DeepPotEvaluator;
import org.eelt.trainer.data.DeepmdSystem;
import org.eelt.trainer.data.EnergyBias;
import org.eelt.trainer.model.DeepPotConversion;
import org.eelt.trainer.model.DpModel;

/**
 * DeePMD-kit's change-bias ({@code dp change-bias}, and {@code change_bias_after_training} in
 * the training section): after training, the model is evaluated on labeled frames and the
 * per-type energy bias is shifted by the minimum-norm least-squares fit of the residuals,
 *
 * <pre>  δ = argmin Σ_f (E_ref,f − E_model,f − Σ_t c_{f,t}·δ_t)²,   b_t ← b_t + δ_t   (eV)</pre>
 *
 * with c_{f,t} the number of atoms of type t in frame f. Forces and virials do not depend on
 * the bias, so only the constant energy offset that the force-dominated loss leaves behind is
 * removed; with a single composition δ spreads the mean residual over types in proportion to
 * their counts. Frames without an energy label are skipped.
 */
public final class BiasChange {
    private BiasChange() {
    }

    /**
     * @param model         the model with the shifted bias
     * @param shift         δ per type (eV per atom of that type)
     * @param rmseBefore    energy RMSE per atom on the frames before the shift (eV/atom)
     * @param rmseAfter     the same after the shift (eV/atom)
     * @param meanResidual  mean of (E_ref − E_model)/N before the shift (eV/atom)
     * @param frames        frames used
     */
    public record Result(DpModel model, double[] shift, double rmseBefore, double rmseAfter, double meanResidual,
                         int frames) {
    }

    /**
     * @param model   a trained model
     * @param systems labeled systems (usually the training data)
     * @return the model with b_t + δ_t and the errors before and after
     * @throws IllegalArgumentException when no frame carries an energy label
     */
    public static Result change(DpModel model, List<DeepmdSystem> systems) {
        Potential pot = new DeepPotEvaluator(DeepPotConversion.toDeepPot(model));
        List<String> typeMap = model.spec().typeMap();
        double[][] residual = new double[systems.size()][];
        int frames = 0;
        for (int s = 0; s < systems.size(); s++) {
            DeepmdSystem sys = systems.get(s);
            residual[s] = new double[sys.frames()];
            for (int f = 0; f < sys.frames(); f++) {
                double e = sys.energy(f);
                residual[s][f] = Double.isNaN(e) ? Double.NaN : e - pot.compute(sys.structure(f)).energy();
                frames += Double.isNaN(e) ? 0 : 1;
            }
        }
        if (frames == 0) {
            throw new IllegalArgumentException("change-bias needs frames with energy labels (energy.npy); none found in "
                    + systems.stream().map(DeepmdSystem::dir).toList());
        }
        double[] shift = EnergyBias.leastSquares(systems, typeMap, (s, f) -> residual[s][f]);
        double before = 0, after = 0, mean = 0;
        for (int s = 0; s < systems.size(); s++) {
            DeepmdSystem sys = systems.get(s);
            int[] c = sys.typeCounts(typeMap);
            double fit = 0;
            for (int t = 0; t < c.length; t++) {
                fit += c[t] * shift[t];
            }
            int n = sys.natoms();
            for (double r : residual[s]) {
                if (!Double.isNaN(r)) {
                    before += (r / n) * (r / n);
                    after += ((r - fit) / n) * ((r - fit) / n);
                    mean += r / n;
                }
            }
        }
        double[] p = model.parameters();
        int b = model.layout().bias();
        for (int t = 0; t < shift.length; t++) {
            p[b + t] += shift[t];
        }
        return new Result(model.withParameters(p), shift, Math.sqrt(before / frames), Math.sqrt(after / frames),
                mean / frames, frames);
    }
}
