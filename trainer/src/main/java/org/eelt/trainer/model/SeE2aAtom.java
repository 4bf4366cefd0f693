package org.eelt.trainer.model;

/**
 * The per-atom parts of {@link SeE2aKernel} as pure functions on an {@link AtomWork}: the
 * normalized environment rows (with tangents), T and D from the embedding rows of the block's
 * {@link EmbedGroup}s, their reverse pass to δG and δR̂, and the chain rule to ∂E/∂d per slot.
 *
 * <pre>
 *  R̂_j = (R_j − davg[t_i]) / dstd[t_i]              (dimensionless; padded rows R = 0)
 *  T   = (1/N_c) Σ_j G_jᵀ R̂_j                        (M × 4, stored k-major as 4 × M)
 *  D   = T · T&lt;ᵀ                                     (M × M₂)
 *  δT  = δD·T&lt; + [m &lt; M₂] δDᵀ·T,  δG_j = (1/N_c) δT R̂_jᵀ,  δR̂_j = (1/N_c) G_j δT
 * </pre>
 * Padded slots share one row weighted by their number (see {@link #envRows}).
 */
final class SeE2aAtom {
    private SeE2aAtom() {
    }

    /**
     * R̂ and, with a slot tangent ḋ (Å), Ṙ̂ = (∂R̂/∂d)·ḋ of the atom {@code aw.atom}; the real and
     * padded row counts per neighbor type (slots are filled nearest first, padding last).
     */
    static void envRows(KernelDims spec, double[] davg, double[] dstd, Environment env, double[] tangent, AtomWork aw) {
        int nnei = env.nnei();
        int[] nbr = env.neighbors();
        double[] disp = env.displacements(), rows = env.rows(), jac = env.jac();
        int ti = aw.type, base = aw.atom * nnei;
        double[] rh = aw.rhat, rt = aw.rhatT;
        for (int j = 0; j < nnei; j++) {
            int slot = base + j;
            for (int k = 0; k < 4; k++) {
                rh[4 * j + k] = (rows[4 * slot + k] - davg[4 * ti + k]) / dstd[4 * ti + k];
            }
            if (tangent == null) {
                continue;
            }
            if (nbr[slot] < 0) {
                rt[4 * j] = rt[4 * j + 1] = rt[4 * j + 2] = rt[4 * j + 3] = 0;
            } else {
                double dx = disp[3 * slot], dy = disp[3 * slot + 1], dz = disp[3 * slot + 2];
                double tx = tangent[3 * slot], ty = tangent[3 * slot + 1], tz = tangent[3 * slot + 2];
                double dot = dx * tx + dy * ty + dz * tz;
                double j0 = jac[3 * slot], q = jac[3 * slot + 1], j2 = jac[3 * slot + 2] * dot;
                rt[4 * j] = j0 * dot / dstd[4 * ti];
                rt[4 * j + 1] = (q * tx + j2 * dx) / dstd[4 * ti + 1];
                rt[4 * j + 2] = (q * ty + j2 * dy) / dstd[4 * ti + 2];
                rt[4 * j + 3] = (q * tz + j2 * dz) / dstd[4 * ti + 3];
            }
        }
        int[] sel = spec.sel;
        for (int t = 0; t < spec.nt; t++) {
            int first = base + spec.selOff[t], real = 0;
            while (real < sel[t] && nbr[first + real] >= 0) {
                real++;
            }
            aw.nReal[t] = real;
            aw.nPad[t] = sel[t] - real;
        }
    }

    /** T, D (and Ṫ, Ḋ) of the atom from its rows of G in the groups (forward already run). */
    static void assemble(KernelDims spec, EmbedGroup[] groups, int layers, boolean tan, AtomWork aw) {
        int m = spec.m, m2 = spec.m2;
        double inv = 1.0 / spec.nnei;
        double[] t = aw.t, tT = aw.tT;
        java.util.Arrays.fill(t, 0);
        if (tan) {
            java.util.Arrays.fill(tT, 0);
        }
        for (int ty = 0; ty < spec.nt; ty++) {
            EmbedGroup grp = groups[spec.net[aw.type][ty]];
            double[] g = grp.x[layers];
            int nr = aw.rows(ty), off = aw.rowStart[ty];
            weightRows(spec, aw, ty, inv, tan);
            Contractions.accumulateT(g, off * m, nr, m, aw.rw, t);
            if (tan) {
                Contractions.accumulateT(g, (grp.n + off) * m, nr, m, aw.rw, tT);
                Contractions.accumulateT(g, off * m, nr, m, aw.rwT, tT);
            }
        }
        for (int mm = 0; mm < m; mm++) {
            for (int k2 = 0; k2 < m2; k2++) {
                double s = 0, st = 0;
                for (int k = 0; k < 4; k++) {
                    s += t[k * m + mm] * t[k * m + k2];
                    if (tan) {
                        st += tT[k * m + mm] * t[k * m + k2] + t[k * m + mm] * tT[k * m + k2];
                    }
                }
                aw.desc[mm * m2 + k2] = s;
                aw.descT[mm * m2 + k2] = st;
            }
        }
    }

    /**
     * From δD (and δ̇D) of the atom: δT, the atom's rows of δG (and δ̇G) in the groups, and,
     * when {@code slots}, the part (1/N_c)·G δT of δR̂ (the embedding nets add their input
     * adjoint to column 0 later).
     */
    static void backwardT(KernelDims spec, EmbedGroup[] groups, int layers, boolean tan, boolean slots, AtomWork aw) {
        int m = spec.m, m2 = spec.m2;
        double inv = 1.0 / spec.nnei;
        double[] t = aw.t, tT = aw.tT, dD = aw.dDesc, dDT = aw.dDescT, dt = aw.dt, dtT = aw.dtT;
        for (int k = 0; k < 4; k++) {
            int km = k * m;
            for (int mm = 0; mm < m; mm++) {
                double s = 0, st = 0;
                for (int k2 = 0; k2 < m2; k2++) {
                    double dd = dD[mm * m2 + k2];
                    s += dd * t[km + k2];
                    if (tan) {
                        st += dDT[mm * m2 + k2] * t[km + k2] + dd * tT[km + k2];
                    }
                }
                if (mm < m2) {
                    for (int m1 = 0; m1 < m; m1++) {
                        double dd = dD[m1 * m2 + mm];
                        s += dd * t[km + m1];
                        if (tan) {
                            st += dDT[m1 * m2 + mm] * t[km + m1] + dd * tT[km + m1];
                        }
                    }
                }
                dt[km + mm] = s;
                dtT[km + mm] = st;
            }
        }
        for (int ty = 0; ty < spec.nt; ty++) {
            EmbedGroup grp = groups[spec.net[aw.type][ty]];
            double[] g = grp.x[layers], dG = grp.dG;
            int s0 = spec.selOff[ty], nr = aw.rows(ty), off = aw.rowStart[ty];
            weightRows(spec, aw, ty, inv, tan);
            Contractions.rowsFromT(dt, m, aw.rw, nr, dG, off * m, false);
            if (tan) {
                int gto = (grp.n + off) * m;
                Contractions.rowsFromT(dtT, m, aw.rw, nr, dG, gto, false);
                Contractions.rowsFromT(dt, m, aw.rwT, nr, dG, gto, true);
            }
            if (slots) {
                Contractions.rowDots(dt, m, g, off * m, nr, inv, aw.drhat, 4 * s0);
            }
        }
    }

    /**
     * aw.rw (and aw.rwT) = the rows R̂ (Ṙ̂) of neighbor type ty weighted by 1/N_c, the padded row
     * by n_pad/N_c (it stands for all padded slots).
     */
    private static void weightRows(KernelDims spec, AtomWork aw, int ty, double inv, boolean tan) {
        int s0 = spec.selOff[ty], nr = aw.rows(ty);
        for (int r = 0; r < nr; r++) {
            double wr = r < aw.nReal[ty] ? inv : aw.nPad[ty] * inv;
            int jr = 4 * (s0 + r);
            for (int k = 0; k < 4; k++) {
                aw.rw[4 * r + k] = aw.rhat[jr + k] * wr;
                if (tan) {
                    aw.rwT[4 * r + k] = aw.rhatT[jr + k] * wr;
                }
            }
        }
    }

    /** g = ∂E/∂d (eV/Å) for every slot of the atom from δR̂ (chain rule through R̂(d)). */
    static void slotGradients(Environment env, double[] dstd, double[] gSlot, AtomWork aw) {
        int nnei = env.nnei(), ti = aw.type;
        int[] nbr = env.neighbors();
        double[] disp = env.displacements(), jac = env.jac();
        for (int j = 0; j < nnei; j++) {
            int slot = aw.atom * nnei + j;
            if (nbr[slot] < 0) {
                gSlot[3 * slot] = gSlot[3 * slot + 1] = gSlot[3 * slot + 2] = 0;
                continue;
            }
            double r0 = aw.drhat[4 * j] / dstd[4 * ti];
            double r1 = aw.drhat[4 * j + 1] / dstd[4 * ti + 1];
            double r2 = aw.drhat[4 * j + 2] / dstd[4 * ti + 2];
            double r3 = aw.drhat[4 * j + 3] / dstd[4 * ti + 3];
            double dx0 = disp[3 * slot], dy0 = disp[3 * slot + 1], dz0 = disp[3 * slot + 2];
            double j0 = jac[3 * slot], q = jac[3 * slot + 1], j2 = jac[3 * slot + 2];
            double dot = (dx0 * r1 + dy0 * r2 + dz0 * r3) * j2 + j0 * r0;
            gSlot[3 * slot] = q * r1 + dot * dx0;
            gSlot[3 * slot + 1] = q * r2 + dot * dy0;
            gSlot[3 * slot + 2] = q * r3 + dot * dz0;
        }
    }
}
