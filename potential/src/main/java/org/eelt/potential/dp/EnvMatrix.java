package org.eelt.potential.dp;

/**
 * The smooth environment matrix of {@code se_e2_a} and its exact derivative, as pure functions.
 * <pre>
 *   u = (r − r_s)/(r_c − r_s),   w = 1 (r ≤ r_s),  u³(−6u² + 15u − 10) + 1 (r_s &lt; r &lt; r_c),  0 (r ≥ r_c)
 *   dw/dr = −30 u² (u − 1)² / (r_c − r_s)  inside (r_s, r_c), 0 elsewhere
 *   R = (w/r, w·d_x/r², w·d_y/r², w·d_z/r²)          (Å⁻¹)
 *   R̂ = (R − davg[t_i, slot]) / dstd[t_i, slot]
 * </pre>
 * The chain rule for a gradient dL/dR (4 numbers) to dL/dd (3 numbers) is
 * <pre>
 *   dL/dd_l = d_l·[ dR₀·(w'r − w)/r³ + (Σ_k dR_k d_k)(w'/r³ − 2w/r⁴) ] + dR_l·w/r²
 * </pre>
 * with dR₀ the gradient of the radial entry and dR_k (k = 1..3) those of the angular entries.
 */
final class EnvMatrix {
    private EnvMatrix() {
    }

    /** @return the switch w(r) (dimensionless). */
    static double switchValue(double r, double rs, double rc) {
        if (r <= rs) {
            return 1.0;
        }
        if (r >= rc) {
            return 0.0;
        }
        double u = (r - rs) / (rc - rs);
        return u * u * u * (-6.0 * u * u + 15.0 * u - 10.0) + 1.0;
    }

    /** @return dw/dr in Å⁻¹. */
    static double switchDerivative(double r, double rs, double rc) {
        if (r <= rs || r >= rc) {
            return 0.0;
        }
        double u = (r - rs) / (rc - rs);
        double um = u - 1.0;
        return -30.0 * u * u * um * um / (rc - rs);
    }

    /**
     * Normalized environment rows R̂ of a neighbor block.
     *
     * @param sel    the slot table
     * @param types  type per atom (global indices)
     * @param desc   the descriptor (r_c, r_s, davg, dstd, exclusions)
     * @param rHat   output n·nnei·4
     * @param masked output n·nnei: true where the pair type is excluded (row forced to zero)
     */
    static void forward(NeighborSelection sel, int[] types, SeE2aDescriptor desc, double[] rHat, boolean[] masked) {
        double rs = desc.rcutSmth(), rc = desc.rcut();
        int nnei = sel.nnei;
        for (int li = 0; li < sel.n; li++) {
            int ti = types[sel.a0 + li];
            for (int s = 0; s < nnei; s++) {
                int slot = li * nnei + s;
                int j = sel.atom[slot];
                double r0 = 0, r1 = 0, r2 = 0, r3 = 0;
                if (j >= 0) {
                    if (desc.isExcluded(ti, types[j])) {
                        masked[slot] = true;
                        for (int c = 0; c < 4; c++) {
                            rHat[4 * slot + c] = 0.0;
                        }
                        continue;
                    }
                    double r = sel.r[slot];
                    double w = switchValue(r, rs, rc);
                    double inv = 1.0 / r;
                    double inv2 = inv * inv;
                    r0 = inv * w;
                    r1 = sel.d[3 * slot] * inv2 * w;
                    r2 = sel.d[3 * slot + 1] * inv2 * w;
                    r3 = sel.d[3 * slot + 2] * inv2 * w;
                }
                rHat[4 * slot] = (r0 - desc.davgAt(ti, s, 0)) / desc.dstdAt(ti, s, 0);
                rHat[4 * slot + 1] = (r1 - desc.davgAt(ti, s, 1)) / desc.dstdAt(ti, s, 1);
                rHat[4 * slot + 2] = (r2 - desc.davgAt(ti, s, 2)) / desc.dstdAt(ti, s, 2);
                rHat[4 * slot + 3] = (r3 - desc.davgAt(ti, s, 3)) / desc.dstdAt(ti, s, 3);
            }
        }
    }

    /**
     * Backward: dL/dR̂ per slot → dL/dd per slot (zero for padded and masked slots).
     *
     * @param sel    the slot table
     * @param types  type per atom
     * @param desc   the descriptor
     * @param masked exclusion mask from {@link #forward}
     * @param dRHat  n·nnei·4 gradient w.r.t. R̂
     * @param g      output n·nnei·3 gradient w.r.t. the displacement d = r_j + S − r_i (eV/Å)
     */
    static void backward(NeighborSelection sel, int[] types, SeE2aDescriptor desc, boolean[] masked, double[] dRHat,
                         double[] g) {
        double rs = desc.rcutSmth(), rc = desc.rcut();
        int nnei = sel.nnei;
        for (int li = 0; li < sel.n; li++) {
            int ti = types[sel.a0 + li];
            for (int s = 0; s < nnei; s++) {
                int slot = li * nnei + s;
                if (sel.atom[slot] < 0 || masked[slot]) {
                    g[3 * slot] = g[3 * slot + 1] = g[3 * slot + 2] = 0.0;
                    continue;
                }
                double dr0 = dRHat[4 * slot] / desc.dstdAt(ti, s, 0);
                double dr1 = dRHat[4 * slot + 1] / desc.dstdAt(ti, s, 1);
                double dr2 = dRHat[4 * slot + 2] / desc.dstdAt(ti, s, 2);
                double dr3 = dRHat[4 * slot + 3] / desc.dstdAt(ti, s, 3);
                double r = sel.r[slot];
                double w = switchValue(r, rs, rc);
                double wp = switchDerivative(r, rs, rc);
                double dx = sel.d[3 * slot], dy = sel.d[3 * slot + 1], dz = sel.d[3 * slot + 2];
                double inv = 1.0 / r;
                double inv2 = inv * inv;
                double inv3 = inv2 * inv;
                double dot = dr1 * dx + dr2 * dy + dr3 * dz;
                double radial = dr0 * (wp * r - w) * inv3 + dot * (wp * inv3 - 2.0 * w * inv3 * inv);
                double ang = w * inv2;
                g[3 * slot] = dx * radial + dr1 * ang;
                g[3 * slot + 1] = dy * radial + dr2 * ang;
                g[3 * slot + 2] = dz * radial + dr3 * ang;
            }
        }
    }
}
