package org.eelt.trainer.model;

/**
 * The se_e2_a energy of one frame, its exact derivative with respect to every neighbor
 * displacement, and weight gradients, optionally differentiated once more in a direction of
 * the displacements (forward-over-reverse).
 *
 * <p>Per atom i of type t_i with environment rows R_j (j over N_c slots):
 * <pre>
 *  R̂_j = (R_j − davg[t_i]) / dstd[t_i]            (padded rows R = 0)
 *  G_j = N_emb(R̂_j0)                                (M outputs)
 *  T   = (1/N_c) Σ_j G_jᵀ R̂_j                      (M × 4)
 *  D   = T · T&lt;ᵀ, T&lt; = first M₂ rows of T        (M × M₂, flattened row-major)
 *  E_i = N_fit^{t_i}(D) + bias_atom_e[t_i]        (eV)
 * </pre>
 * The reverse pass gives ∂E/∂θ and g_j = ∂E/∂d_j (eV/Å). When slot tangents ḋ_j are given,
 * every forward and backward quantity carries its directional derivative along ḋ, so the
 * parameter accumulator receives {@code a·∂E/∂θ + c·∂/∂θ(Σ_j g_j·ḋ_j)}, the exact weight
 * gradient of any loss that is linear in E, forces and virial to first order.
 */
public final class SeE2aKernel {
    private SeE2aKernel() {
    }

    /** @return a fresh per-thread scratch area for this layout. */
    public static Object newWorkspace(ParamLayout lay) {
        return new Workspace(lay);
    }

    /**
     * @param lay     parameter layout
     * @param p       parameters
     * @param davg    per-type environment mean (ntypes × 4)
     * @param dstd    per-type environment std (ntypes × 4)
     * @param env     environment of the frame
     * @param tangent slot tangents ḋ (N·N_c·3, Å) or null
     * @param gSlot   out: ∂E/∂d per slot (N·N_c·3, eV/Å), or null
     * @param atomE   out: per-atom energies (N, eV), or null
     * @param grad    parameter accumulator, or null
     * @param a       weight of ∂E/∂θ in {@code grad}
     * @param c       weight of the tangent ∂/∂θ(Σ g·ḋ) in {@code grad} (ignored without tangent)
     * @param work    scratch from {@link #newWorkspace(ParamLayout)}
     * @return the energy E in eV
     */
    public static double evaluate(ParamLayout lay, double[] p, double[] davg, double[] dstd, Environment env,
                                  double[] tangent, double[] gSlot, double[] atomE, double[] grad,
                                  double a, double c, Object work) {
        return evaluate(lay, p, davg, dstd, env, 0, env.natoms(), tangent, gSlot, atomE, grad, a, c, work);
    }

    /**
     * As {@link #evaluate(ParamLayout, double[], double[], double[], Environment, double[], double[], double[],
     * double[], double, double, Object)} for the center atoms [from, to) only: returns their energy and
     * writes only their slots of {@code gSlot}. Disjoint ranges may run on different threads, each
     * with its own workspace and gradient accumulator.
     */
    public static double evaluate(ParamLayout lay, double[] p, double[] davg, double[] dstd, Environment env,
                                  int from, int to, double[] tangent, double[] gSlot, double[] atomE,
                                  double[] grad, double a, double c, Object work) {
        Workspace ws = (Workspace) work;
        DpSpec spec = lay.spec();
        int n = env.natoms(), nt = spec.ntypes(), ds = spec.descriptorSize();
        if (from < 0 || to > n || from > to) {
            throw new IllegalArgumentException("atom range [" + from + ", " + to + ") outside 0.." + n);
        }
        boolean tan = tangent != null;
        boolean back = grad != null || gSlot != null;
        int[] types = env.types();
        double energy = 0;
        for (int b0 = from; b0 < to; b0 += Workspace.BLOCK) {
            int cnt = Math.min(Workspace.BLOCK, to - b0);
            for (int k = 0; k < cnt; k++) {
                AtomWork aw = ws.atoms[k];
                aw.atom = b0 + k;
                aw.type = types[b0 + k];
                descriptor(lay, p, davg, dstd, env, tangent, aw);
            }
            // fitting nets, row-batched over the atoms of one centre type in this block
            for (int t = 0; t < nt; t++) {
                int rowsN = 0;
                for (int k = 0; k < cnt; k++) {
                    if (ws.atoms[k].type == t) {
                        ws.rowAtom[rowsN++] = k;
                    }
                }
                if (rowsN == 0) {
                    continue;
                }
                for (int r = 0; r < rowsN; r++) {
                    AtomWork aw = ws.atoms[ws.rowAtom[r]];
                    System.arraycopy(aw.desc, 0, ws.fx[0], r * ds, ds);
                    System.arraycopy(aw.descT, 0, ws.fxT[0], r * ds, ds);
                }
                Layer[] fl = lay.fitting(t);
                for (int l = 0; l < fl.length; l++) {
                    Dense.forward(p, fl[l], rowsN, ws.fx[l], tan ? ws.fxT[l] : null, ws.fh[l], ws.fhT[l],
                            ws.fx[l + 1], ws.fxT[l + 1]);
                }
                double bias = p[lay.bias() + t];
                for (int r = 0; r < rowsN; r++) {
                    double ei = ws.fx[fl.length][r] + bias;
                    energy += ei;
                    if (atomE != null) {
                        atomE[ws.atoms[ws.rowAtom[r]].atom] = ei;
                    }
                }
                if (!back) {
                    continue;
                }
                if (grad != null) {
                    grad[lay.bias() + t] += a * rowsN;
                }
                double[] dy = ws.b1, dyT = ws.b1T, dx = ws.b2, dxT = ws.b2T;
                for (int r = 0; r < rowsN; r++) {
                    dy[r] = 1;
                    dyT[r] = 0;
                }
                for (int l = fl.length - 1; l >= 0; l--) {
                    Dense.backward(p, fl[l], rowsN, ws.fx[l], ws.fxT[l], ws.fh[l], ws.fhT[l], dy, tan ? dyT : null,
                            dx, tan ? dxT : null, grad, a, c);
                    double[] sw = dy;
                    dy = dx;
                    dx = sw;
                    sw = dyT;
                    dyT = dxT;
                    dxT = sw;
                }
                for (int r = 0; r < rowsN; r++) {
                    AtomWork aw = ws.atoms[ws.rowAtom[r]];
                    System.arraycopy(dy, r * ds, aw.dDesc, 0, ds);
                    if (tan) {
                        System.arraycopy(dyT, r * ds, aw.dDescT, 0, ds);
                    }
                }
            }
            if (back) {
                for (int k = 0; k < cnt; k++) {
                    backward(lay, p, dstd, env, gSlot, grad, a, c, tan, ws.atoms[k]);
                }
            }
        }
        return energy;
    }

    /** Environment rows, embedding nets, T and D (with tangents) of the atom {@code aw.atom}. */
    private static void descriptor(ParamLayout lay, double[] p, double[] davg, double[] dstd, Environment env,
                                   double[] tangent, AtomWork ws) {
        DpSpec spec = lay.spec();
        int nnei = env.nnei(), nt = spec.ntypes();
        int m = spec.embedWidth(), m2 = spec.axisNeuron();
        int[] sel = spec.sel();
        int[] nbr = env.neighbors();
        double[] disp = env.displacements(), rows = env.rows(), jac = env.jac();
        boolean tan = tangent != null;
        double inv = 1.0 / nnei;
        int i = ws.atom, ti = ws.type;
        int base = i * nnei;
        for (int j = 0; j < nnei; j++) {
            int slot = base + j;
            for (int k = 0; k < 4; k++) {
                ws.rhat[4 * j + k] = (rows[4 * slot + k] - davg[4 * ti + k]) / dstd[4 * ti + k];
            }
            if (tan) {
                if (nbr[slot] < 0) {
                    for (int k = 0; k < 4; k++) {
                        ws.rhatT[4 * j + k] = 0;
                    }
                } else {
                    double dx = disp[3 * slot], dy = disp[3 * slot + 1], dz = disp[3 * slot + 2];
                    double tx = tangent[3 * slot], ty = tangent[3 * slot + 1], tz = tangent[3 * slot + 2];
                    double dot = dx * tx + dy * ty + dz * tz;
                    double j0 = jac[3 * slot], q = jac[3 * slot + 1], j2 = jac[3 * slot + 2] * dot;
                    ws.rhatT[4 * j] = j0 * dot / dstd[4 * ti];
                    ws.rhatT[4 * j + 1] = (q * tx + j2 * dx) / dstd[4 * ti + 1];
                    ws.rhatT[4 * j + 2] = (q * ty + j2 * dy) / dstd[4 * ti + 2];
                    ws.rhatT[4 * j + 3] = (q * tz + j2 * dz) / dstd[4 * ti + 3];
                }
            }
        }
        // embedding nets, block by neighbor type, and T = (1/Nc) Σ Gᵀ R̂
        java.util.Arrays.fill(ws.t, 0);
        if (tan) {
            java.util.Arrays.fill(ws.tT, 0);
        }
        for (int t = 0; t < nt; t++) {
            Layer[] el = lay.embedding(spec.embeddingNet(ti, t));
            int s0 = spec.selOffset(t);
            int nr = rowsOf(nbr, base + s0, sel[t], ws, t);
            double[][] x = ws.ex[t], xT = ws.exT[t];
            for (int r = 0; r < nr; r++) {
                x[0][r] = ws.rhat[4 * (s0 + r)];
                xT[0][r] = tan ? ws.rhatT[4 * (s0 + r)] : 0;
            }
            for (int l = 0; l < el.length; l++) {
                Dense.forward(p, el[l], nr, x[l], tan ? xT[l] : null, ws.eh[t][l], ws.ehT[t][l], x[l + 1], xT[l + 1]);
            }
            double[] g = x[el.length], gT = xT[el.length];
            for (int r = 0; r < nr; r++) {
                int jr = 4 * (s0 + r);
                double wr = r < ws.nReal[t] ? inv : ws.nPad[t] * inv;
                for (int mm = 0; mm < m; mm++) {
                    double gv = g[r * m + mm] * wr;
                    for (int k = 0; k < 4; k++) {
                        ws.t[4 * mm + k] += gv * ws.rhat[jr + k];
                    }
                    if (tan) {
                        double gt = gT[r * m + mm] * wr;
                        for (int k = 0; k < 4; k++) {
                            ws.tT[4 * mm + k] += gt * ws.rhat[jr + k] + gv * ws.rhatT[jr + k];
                        }
                    }
                }
            }
        }
        // descriptor D = T T<ᵀ
        for (int mm = 0; mm < m; mm++) {
            for (int k2 = 0; k2 < m2; k2++) {
                double s = 0, st = 0;
                for (int k = 0; k < 4; k++) {
                    s += ws.t[4 * mm + k] * ws.t[4 * k2 + k];
                    if (tan) {
                        st += ws.tT[4 * mm + k] * ws.t[4 * k2 + k] + ws.t[4 * mm + k] * ws.tT[4 * k2 + k];
                    }
                }
                ws.desc[mm * m2 + k2] = s;
                ws.descT[mm * m2 + k2] = st;
            }
        }
    }

    /**
     * Padded slots of a block share one constant row (R = 0 → R̂ = −davg/dstd) and one embedding
     * value, so the block is evaluated on its real rows plus one padded row weighted by the
     * number of padded slots (slots are filled nearest first, padding last).
     *
     * @return the number of rows to evaluate
     */
    private static int rowsOf(int[] nbr, int first, int n, AtomWork ws, int t) {
        int real = 0;
        while (real < n && nbr[first + real] >= 0) {
            real++;
        }
        ws.nReal[t] = real;
        ws.nPad[t] = n - real;
        return real + (real < n ? 1 : 0);
    }

    /** From δD (and δ̇D) of the atom: δT, the embedding nets' backward pass and g = ∂E/∂d per slot. */
    private static void backward(ParamLayout lay, double[] p, double[] dstd, Environment env,
                                 double[] gSlot, double[] grad, double a, double c, boolean tan, AtomWork ws) {
        DpSpec spec = lay.spec();
        int nnei = env.nnei(), nt = spec.ntypes(), ti = ws.type, i = ws.atom;
        int m = spec.embedWidth(), m2 = spec.axisNeuron();
        int[] sel = spec.sel();
        double inv = 1.0 / nnei;
        double[] dy = ws.dDesc, dyT = ws.dDescT;
        // dy = δD (M·M₂); δT = δD T< + [m < M₂] δDᵀ T
        for (int mm = 0; mm < m; mm++) {
            for (int k = 0; k < 4; k++) {
                double s = 0, st = 0;
                for (int k2 = 0; k2 < m2; k2++) {
                    double dd = dy[mm * m2 + k2];
                    s += dd * ws.t[4 * k2 + k];
                    if (tan) {
                        st += dyT[mm * m2 + k2] * ws.t[4 * k2 + k] + dd * ws.tT[4 * k2 + k];
                    }
                }
                if (mm < m2) {
                    for (int m1 = 0; m1 < m; m1++) {
                        double dd = dy[m1 * m2 + mm];
                        s += dd * ws.t[4 * m1 + k];
                        if (tan) {
                            st += dyT[m1 * m2 + mm] * ws.t[4 * m1 + k] + dd * ws.tT[4 * m1 + k];
                        }
                    }
                }
                ws.dt[4 * mm + k] = s;
                ws.dtT[4 * mm + k] = st;
            }
        }
        for (int t = 0; t < nt; t++) {
            Layer[] el = lay.embedding(spec.embeddingNet(ti, t));
            int s0 = spec.selOffset(t);
            int nr = ws.nReal[t] + (ws.nPad[t] > 0 ? 1 : 0);
            double[][] x = ws.ex[t], xT = ws.exT[t];
            double[] g = x[el.length];
            double[] by = ws.d1, byT = ws.d1T, bx = ws.d2, bxT = ws.d2T;
            for (int r = 0; r < nr; r++) {
                int jr = 4 * (s0 + r);
                double wr = r < ws.nReal[t] ? inv : ws.nPad[t] * inv;
                for (int mm = 0; mm < m; mm++) {
                    double s = 0, st = 0;
                    for (int k = 0; k < 4; k++) {
                        s += ws.dt[4 * mm + k] * ws.rhat[jr + k];
                        if (tan) {
                            st += ws.dtT[4 * mm + k] * ws.rhat[jr + k] + ws.dt[4 * mm + k] * ws.rhatT[jr + k];
                        }
                    }
                    by[r * m + mm] = s * wr;
                    byT[r * m + mm] = st * wr;
                }
                if (gSlot != null) {
                    for (int k = 0; k < 4; k++) {
                        double s = 0;
                        for (int mm = 0; mm < m; mm++) {
                            s += ws.dt[4 * mm + k] * g[r * m + mm];
                        }
                        ws.drhat[jr + k] = s * inv;
                    }
                }
            }
            for (int l = el.length - 1; l >= 0; l--) {
                boolean needDx = l > 0 || gSlot != null;
                Dense.backward(p, el[l], nr, x[l], xT[l], ws.eh[t][l], ws.ehT[t][l], by, tan ? byT : null,
                        needDx ? bx : null, needDx && tan ? bxT : null, grad, a, c);
                double[] s = by;
                by = bx;
                bx = s;
                s = byT;
                byT = bxT;
                bxT = s;
            }
            if (gSlot != null) {
                for (int r = 0; r < nr; r++) {
                    ws.drhat[4 * (s0 + r)] += by[r];
                }
            }
        }
        if (gSlot != null) {
            int[] nbr = env.neighbors();
            double[] disp = env.displacements(), jac = env.jac();
            for (int j = 0; j < nnei; j++) {
                int slot = i * nnei + j;
                if (nbr[slot] < 0) {
                    gSlot[3 * slot] = gSlot[3 * slot + 1] = gSlot[3 * slot + 2] = 0;
                    continue;
                }
                double r0 = ws.drhat[4 * j] / dstd[4 * ti];
                double r1 = ws.drhat[4 * j + 1] / dstd[4 * ti + 1];
                double r2 = ws.drhat[4 * j + 2] / dstd[4 * ti + 2];
                double r3 = ws.drhat[4 * j + 3] / dstd[4 * ti + 3];
                double dx0 = disp[3 * slot], dy0 = disp[3 * slot + 1], dz0 = disp[3 * slot + 2];
                double j0 = jac[3 * slot], q = jac[3 * slot + 1], j2 = jac[3 * slot + 2];
                double dot = (dx0 * r1 + dy0 * r2 + dz0 * r3) * j2 + j0 * r0;
                gSlot[3 * slot] = q * r1 + dot * dx0;
                gSlot[3 * slot + 1] = q * r2 + dot * dy0;
                gSlot[3 * slot + 2] = q * r3 + dot * dz0;
            }
        }
    }
}
