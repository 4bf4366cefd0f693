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
 *
 * <p>Centre atoms are processed in blocks of {@link Workspace#BLOCK}: the embedding rows of all
 * atoms of a block that share an embedding net are one batch ({@link EmbedGroup}); the fitting
 * rows of all atoms of a chunk ({@link Workspace#CHUNK} atoms) with the same centre type are
 * another, so every dense layer is one OpenBLAS product per block (embedding) or per chunk and
 * type (fitting), with values and tangents stacked ({@link Dense}). The T contractions run in
 * {@link Contractions}.
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
        int n = env.natoms();
        if (from < 0 || to > n || from > to) {
            throw new IllegalArgumentException("atom range [" + from + ", " + to + ") outside 0.." + n);
        }
        Weights wts = ws.weights;
        wts.load(p);
        if (grad != null) {
            wts.touch();
        }
        double energy = 0;
        for (int c0 = from; c0 < to; c0 += Workspace.CHUNK) {
            energy += chunk(lay, p, davg, dstd, env, c0, Math.min(to, c0 + Workspace.CHUNK), tangent, gSlot, atomE,
                    grad, a, c, ws);
        }
        if (grad != null) {
            wts.flush(grad);
        }
        return energy;
    }

    /**
     * One chunk of at most {@link Workspace#CHUNK} centre atoms: embedding blocks forward, the
     * fitting nets over the whole chunk, then the blocks backward (bounds the scratch memory).
     */
    private static double chunk(ParamLayout lay, double[] p, double[] davg, double[] dstd, Environment env,
                                int from, int to, double[] tangent, double[] gSlot, double[] atomE,
                                double[] grad, double a, double c, Workspace ws) {
        DpSpec spec = lay.spec();
        int nt = spec.ntypes();
        boolean tan = tangent != null;
        boolean back = grad != null || gSlot != null;
        int[] types = env.types();
        int layersE = lay.embedding(0).length;
        int count = to - from, blocks = (count + Workspace.BLOCK - 1) / Workspace.BLOCK;
        for (int bl = 0; bl < blocks; bl++) {
            int k0 = bl * Workspace.BLOCK, k1 = Math.min(count, k0 + Workspace.BLOCK);
            EmbedGroup[] groups = ws.groups(bl);
            for (EmbedGroup g : groups) {
                g.n = 0;
            }
            for (int k = k0; k < k1; k++) {
                AtomWork aw = ws.atom(k);
                aw.atom = from + k;
                aw.type = types[from + k];
                SeE2aAtom.envRows(ws.dims, davg, dstd, env, tangent, aw);
                for (int t = 0; t < nt; t++) {
                    EmbedGroup g = groups[ws.dims.net[aw.type][t]];
                    aw.rowStart[t] = g.n;
                    g.n += aw.rows(t);
                }
            }
            embeddingForward(lay, p, ws, groups, k0, k1, tan);
            for (int k = k0; k < k1; k++) {
                SeE2aAtom.assemble(ws.dims, groups, layersE, tan, ws.atom(k));
            }
        }
        double energy = 0;
        for (int t = 0; t < nt; t++) {
            energy += fitting(lay, p, ws, count, t, tan, back, atomE, grad, a, c);
        }
        if (back) {
            for (int bl = 0; bl < blocks; bl++) {
                int k0 = bl * Workspace.BLOCK, k1 = Math.min(count, k0 + Workspace.BLOCK);
                EmbedGroup[] groups = ws.groups(bl);
                for (int k = k0; k < k1; k++) {
                    SeE2aAtom.backwardT(ws.dims, groups, layersE, tan, gSlot != null, ws.atom(k));
                }
                embeddingBackward(lay, p, ws, groups, k0, k1, tan, gSlot != null, grad, a, c);
                if (gSlot != null) {
                    for (int k = k0; k < k1; k++) {
                        SeE2aAtom.slotGradients(env, dstd, gSlot, ws.atom(k));
                    }
                }
            }
        }
        return energy;
    }

    /** Fills column 0 of every group from the atoms' R̂ rows (and Ṙ̂) and runs the embedding layers. */
    private static void embeddingForward(ParamLayout lay, double[] p, Workspace ws, EmbedGroup[] groups, int k0,
                                         int k1, boolean tan) {
        DpSpec spec = lay.spec();
        for (EmbedGroup g : groups) {
            g.ensure(tan ? 2 * g.n : g.n);
        }
        for (int k = k0; k < k1; k++) {
            AtomWork aw = ws.atom(k);
            for (int t = 0; t < spec.ntypes(); t++) {
                EmbedGroup g = groups[ws.dims.net[aw.type][t]];
                int s0 = ws.dims.selOff[t], nr = aw.rows(t), off = aw.rowStart[t];
                double[] x0 = g.x[0];
                for (int r = 0; r < nr; r++) {
                    x0[off + r] = aw.rhat[4 * (s0 + r)];
                    if (tan) {
                        x0[g.n + off + r] = aw.rhatT[4 * (s0 + r)];
                    }
                }
            }
        }
        for (int e = 0; e < groups.length; e++) {
            EmbedGroup g = groups[e];
            if (g.n == 0) {
                continue;
            }
            Layer[] el = lay.embedding(e);
            for (int l = 0; l < el.length; l++) {
                Dense.forward(p, el[l], ws.weights.emb[e][l], g.n, tan, g.x[l], g.h[l], g.x[l + 1]);
            }
        }
    }

    /** Back through the embedding layers from δG; adds the input adjoint to column 0 of δR̂. */
    private static void embeddingBackward(ParamLayout lay, double[] p, Workspace ws, EmbedGroup[] groups, int k0,
                                          int k1, boolean tan, boolean slots, double[] grad, double a, double c) {
        DpSpec spec = lay.spec();
        for (int e = 0; e < groups.length; e++) {
            EmbedGroup g = groups[e];
            if (g.n == 0) {
                continue;
            }
            Layer[] el = lay.embedding(e);
            ws.ensureScratch(g.capacity() * g.maxWidth());
            double[] dy = g.dG, dx = ws.s1, other = ws.s2;
            for (int l = el.length - 1; l >= 0; l--) {
                boolean needDx = l > 0 || slots;
                Dense.backward(p, el[l], ws.weights.emb[e][l], g.n, tan, g.x[l], g.h[l], dy, needDx ? dx : null,
                        ws.dz, ws.bw, grad != null ? ws.weights.gEmb[e][l] : null, grad, a, c);
                double[] nextDx = dy == g.dG ? other : dy;
                dy = dx;
                dx = nextDx;
            }
            if (!slots) {
                continue;
            }
            for (int k = k0; k < k1; k++) {
                AtomWork aw = ws.atom(k);
                for (int t = 0; t < spec.ntypes(); t++) {
                    if (ws.dims.net[aw.type][t] != e) {
                        continue;
                    }
                    int s0 = ws.dims.selOff[t], nr = aw.rows(t), off = aw.rowStart[t];
                    for (int r = 0; r < nr; r++) {
                        aw.drhat[4 * (s0 + r)] += dy[off + r];
                    }
                }
            }
        }
    }

    /**
     * The fitting net of centre type t over the range's atoms of that type: their energies (eV,
     * bias included) and, when {@code back}, δD (and δ̇D) into each atom's work.
     *
     * @return the summed energy of those atoms
     */
    private static double fitting(ParamLayout lay, double[] p, Workspace ws, int cnt, int t, boolean tan,
                                  boolean back, double[] atomE, double[] grad, double a, double c) {
        int ds = lay.spec().descriptorSize();
        ws.ensureFitting(2 * cnt);
        int rowsN = 0;
        for (int k = 0; k < cnt; k++) {
            if (ws.atom(k).type == t) {
                ws.rowAtom[rowsN++] = k;
            }
        }
        if (rowsN == 0) {
            return 0;
        }
        for (int r = 0; r < rowsN; r++) {
            AtomWork aw = ws.atom(ws.rowAtom[r]);
            System.arraycopy(aw.desc, 0, ws.fx[0], r * ds, ds);
            if (tan) {
                System.arraycopy(aw.descT, 0, ws.fx[0], (rowsN + r) * ds, ds);
            }
        }
        Layer[] fl = lay.fitting(t);
        double[][] wf = ws.weights.fit[t];
        for (int l = 0; l < fl.length; l++) {
            Dense.forward(p, fl[l], wf[l], rowsN, tan, ws.fx[l], ws.fh[l], ws.fx[l + 1]);
        }
        double bias = p[lay.bias() + t];
        double energy = 0;
        for (int r = 0; r < rowsN; r++) {
            double ei = ws.fx[fl.length][r] + bias;
            energy += ei;
            if (atomE != null) {
                atomE[ws.atom(ws.rowAtom[r]).atom] = ei;
            }
        }
        if (!back) {
            return energy;
        }
        if (grad != null) {
            grad[lay.bias() + t] += a * rowsN;
        }
        int widest = ds;
        for (Layer l : fl) {
            widest = Math.max(widest, l.out());
        }
        ws.ensureScratch(2 * rowsN * widest);
        double[] dy = ws.s1, dx = ws.s2;
        for (int r = 0; r < rowsN; r++) {
            dy[r] = 1;
            dy[rowsN + r] = 0;
        }
        for (int l = fl.length - 1; l >= 0; l--) {
            Dense.backward(p, fl[l], wf[l], rowsN, tan, ws.fx[l], ws.fh[l], dy, dx, ws.dz, ws.bw,
                    grad != null ? ws.weights.gFit[t][l] : null, grad, a, c);
            double[] sw = dy;
            dy = dx;
            dx = sw;
        }
        for (int r = 0; r < rowsN; r++) {
            AtomWork aw = ws.atom(ws.rowAtom[r]);
            System.arraycopy(dy, r * ds, aw.dDesc, 0, ds);
            if (tan) {
                System.arraycopy(dy, (rowsN + r) * ds, aw.dDescT, 0, ds);
            }
        }
        return energy;
    }
}
