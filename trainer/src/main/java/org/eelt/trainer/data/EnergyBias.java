package org.eelt.trainer.data;

import java.util.List;

/**
 * Per-type energy bias bias_atom_e (eV) as DeePMD-kit initializes it: the minimum-norm least
 * squares solution of E_f ≈ Σ_t c_{f,t}·b_t over all frames f, with c_{f,t} the number of atoms
 * of type t. With a single composition the system is rank-deficient and the minimum-norm
 * solution spreads the mean energy over types in proportion to their counts.
 */
public final class EnergyBias {
    private EnergyBias() {
    }

    /**
     * @param systems training systems
     * @param typeMap model type names
     * @return b (ntypes, eV)
     */
    public static double[] leastSquares(List<DeepmdSystem> systems, List<String> typeMap) {
        return leastSquares(systems, typeMap, (s, f) -> systems.get(s).energy(f));
    }

    /** A per-frame energy target (eV): frame {@code frame} of system {@code system}. */
    @FunctionalInterface
    public interface FrameEnergy {
        /** @return the target energy in eV, or NaN to leave the frame out */
        double of(int system, int frame);
    }

    /**
     * Minimum-norm least squares of y_f ≈ Σ_t c_{f,t}·b_t for an arbitrary per-frame target y
     * (e.g. the residual E_ref − E_model of a trained model, DeePMD-kit's change-bias).
     *
     * @param systems systems whose frames and compositions are used
     * @param typeMap model type names
     * @param target  y_f in eV (NaN frames are skipped)
     * @return b (ntypes, eV)
     */
    public static double[] leastSquares(List<DeepmdSystem> systems, List<String> typeMap, FrameEnergy target) {
        int nt = typeMap.size();
        double[] ata = new double[nt * nt];
        double[] aty = new double[nt];
        for (int si = 0; si < systems.size(); si++) {
            DeepmdSystem s = systems.get(si);
            int[] c = s.typeCounts(typeMap);
            for (int f = 0; f < s.frames(); f++) {
                double e = target.of(si, f);
                if (Double.isNaN(e)) {
                    continue;
                }
                for (int a = 0; a < nt; a++) {
                    aty[a] += c[a] * e;
                    for (int b = 0; b < nt; b++) {
                        ata[a * nt + b] += (double) c[a] * c[b];
                    }
                }
            }
        }
        return pseudoSolve(ata, aty, nt);
    }

    /** x = (AᵀA)⁺ Aᵀy via a Jacobi eigen-decomposition, dropping eigenvalues below 1e-12·λ_max. */
    static double[] pseudoSolve(double[] m, double[] rhs, int n) {
        double[] a = m.clone();
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p * n + q] * a[p * n + q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p * n + q];
                    if (Math.abs(apq) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k * n + p], akq = a[k * n + q];
                        a[k * n + p] = c * akp - s * akq;
                        a[k * n + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p * n + k], aqk = a[q * n + k];
                        a[p * n + k] = c * apk - s * aqk;
                        a[q * n + k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k * n + p], vkq = v[k * n + q];
                        v[k * n + p] = c * vkp - s * vkq;
                        v[k * n + q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double lmax = 0;
        for (int i = 0; i < n; i++) {
            lmax = Math.max(lmax, Math.abs(a[i * n + i]));
        }
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            double lam = a[k * n + k];
            if (Math.abs(lam) <= 1e-12 * lmax) {
                continue;
            }
            double proj = 0;
            for (int i = 0; i < n; i++) {
                proj += v[i * n + k] * rhs[i];
            }
            for (int i = 0; i < n; i++) {
                x[i] += v[i * n + k] * proj / lam;
            }
        }
        return x;
    }
}
