package org.eelt.trainer.data;

import java.util.List;
import org.eelt.protocol.atoms.Structure;
import org.eelt.trainer.model.DpSpec;
import org.eelt.trainer.model.Environment;

/**
 * DeePMD-kit's environment-matrix statistics davg/dstd (per center type, ntypes × 4).
 *
 * <p>Over all sampled atoms of type t and all their N_c slots (padded slots count, with
 * R = 0), with s the radial column and a the three (x, y, z)/r·s columns pooled:
 * <pre>
 *  davg[t] = (⟨s⟩, 0, 0, 0)
 *  dstd[t] = (σ_s, σ_a, σ_a, σ_a),   σ = √(⟨v²⟩ − ⟨v⟩²), raised to 0.01 when below it
 * </pre>
 * A type with no atoms in the data gets davg 0 and dstd 1 (DeePMD-kit's defaults).
 */
public final class EnvStatistics {
    /** DeePMD-kit's protection: standard deviations below this are replaced by it. */
    public static final double PROTECTION = 1e-2;

    private EnvStatistics() {
    }

    /**
     * @param spec          the architecture
     * @param systems       training systems
     * @param framesPerSys  frames sampled from the start of each system (DeePMD-kit: data_stat_nbatch × batch)
     * @return {davg, dstd}, each ntypes × 4
     */
    public static double[][] compute(DpSpec spec, List<DeepmdSystem> systems, int framesPerSys) {
        int nt = spec.ntypes();
        double[] n = new double[nt], sr = new double[nt], sr2 = new double[nt], sa = new double[nt], sa2 = new double[nt];
        for (DeepmdSystem sys : systems) {
            for (int k = 0; k < Math.min(framesPerSys, sys.frames()); k++) {
                Structure s = sys.structure(k);
                int[] types = s.types(spec.typeMap());
                Environment env = Environment.build(spec, s, types);
                double[] rows = env.rows();
                int nnei = env.nnei();
                for (int i = 0; i < env.natoms(); i++) {
                    int t = types[i];
                    n[t] += nnei;
                    for (int j = i * nnei; j < (i + 1) * nnei; j++) {
                        double v = rows[4 * j];
                        sr[t] += v;
                        sr2[t] += v * v;
                        for (int c = 1; c < 4; c++) {
                            double a = rows[4 * j + c];
                            sa[t] += a;
                            sa2[t] += a * a;
                        }
                    }
                }
            }
        }
        double[] davg = new double[4 * nt], dstd = new double[4 * nt];
        for (int t = 0; t < nt; t++) {
            if (n[t] == 0) {
                java.util.Arrays.fill(dstd, 4 * t, 4 * t + 4, 1.0);
                continue;
            }
            davg[4 * t] = sr[t] / n[t];
            dstd[4 * t] = std(sr2[t], sr[t], n[t]);
            double s = std(sa2[t], sa[t], 3 * n[t]);
            dstd[4 * t + 1] = s;
            dstd[4 * t + 2] = s;
            dstd[4 * t + 3] = s;
        }
        return new double[][] {davg, dstd};
    }

    private static double std(double sum2, double sum, double n) {
        double m = sum / n;
        double v = Math.sqrt(Math.max(0, sum2 / n - m * m));
        return v < PROTECTION ? PROTECTION : v;
    }
}
