package org.eelt.examiner.deviation;

import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Structure;

import java.util.ArrayList;
import java.util.List;

/**
 * Pure functions computing {@link ModelDeviation} from K ensemble predictions of one frame.
 */
public final class ModelDeviations {
    private ModelDeviations() {
    }

    /**
     * @param step    step index written in the first column
     * @param results the K ≥ 1 models' predictions for the same N-atom frame (eV, eV/Å)
     * @return the deviation (population std over models)
     * @throws IllegalArgumentException when there are no results or they disagree in atom count
     */
    public static ModelDeviation compute(long step, List<ForceResult> results) {
        int k = results.size();
        if (k == 0) {
            throw new IllegalArgumentException("model deviation needs at least one model's result");
        }
        int n3 = results.get(0).forces().length;
        for (int m = 1; m < k; m++) {
            if (results.get(m).forces().length != n3) {
                throw new IllegalArgumentException("model " + m + " returned " + results.get(m).forces().length / 3
                        + " atoms, model 0 returned " + n3 / 3 + ": all models must see the same frame");
            }
        }
        int n = n3 / 3;
        if (n == 0) {
            throw new IllegalArgumentException("model deviation of an empty frame is undefined");
        }
        double[] atom = new double[n];
        double maxF = Double.NEGATIVE_INFINITY, minF = Double.POSITIVE_INFINITY, sumF = 0;
        for (int i = 0; i < n; i++) {
            double var = 0;
            for (int c = 0; c < 3; c++) {
                double[] x = new double[k];
                for (int m = 0; m < k; m++) {
                    x[m] = results.get(m).forces()[3 * i + c];
                }
                var += variance(x);
            }
            atom[i] = Math.sqrt(var);
            maxF = Math.max(maxF, atom[i]);
            minF = Math.min(minF, atom[i]);
            sumF += atom[i];
        }
        double maxV = Double.NEGATIVE_INFINITY, minV = Double.POSITIVE_INFINITY, sq = 0;
        for (int c = 0; c < 9; c++) {
            double[] v = new double[k];
            for (int m = 0; m < k; m++) {
                v[m] = results.get(m).virial()[c] / n;
            }
            double s = std(v);
            maxV = Math.max(maxV, s);
            minV = Math.min(minV, s);
            sq += s * s;
        }
        double[] e = new double[k];
        for (int m = 0; m < k; m++) {
            e[m] = results.get(m).energy() / n;
        }
        return new ModelDeviation(step, maxV, minV, Math.sqrt(sq) / 3.0, maxF, minF, sumF / n, std(e), atom);
    }

    /**
     * Evaluates every model on the structure and computes the deviation.
     *
     * @param step   step index
     * @param models the ensemble
     * @param frame  the structure (positions Å)
     */
    public static ModelDeviation compute(long step, List<? extends Potential> models, Structure frame) {
        List<ForceResult> results = new ArrayList<>(models.size());
        for (Potential p : models) {
            results.add(p.compute(frame));
        }
        return compute(step, results);
    }

    /** @return population standard deviation sqrt(⟨(x − ⟨x⟩)²⟩). */
    static double std(double[] x) {
        return Math.sqrt(variance(x));
    }

    /**
     * Population variance ⟨(x − ⟨x⟩)²⟩, computed about the first sample,
     * ⟨(x − x₀)²⟩ − ⟨x − x₀⟩², so that identical samples give exactly zero.
     */
    static double variance(double[] x) {
        double s1 = 0, s2 = 0;
        for (double v : x) {
            double d = v - x[0];
            s1 += d;
            s2 += d * d;
        }
        double mean = s1 / x.length;
        return Math.max(0.0, s2 / x.length - mean * mean);
    }
}
