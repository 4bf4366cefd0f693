package org.eelt.potential.dp;

/**
 * Forward and backward computation of the {@code se_e2_a} descriptor for a block of centre atoms,
 * keeping every intermediate (package-private fields) for reuse by backward, weight-gradient and
 * forward-over-reverse passes.
 *
 * <p>Rows of the embedding nets are grouped by (centre type t_i, neighbor type t_j) so that each
 * layer is one matrix product over (#atoms of type t_i in the block)·sel[t_j] rows. Row
 * q·sel[t_j] + s of group (t_i, t_j) is slot {@code sectionStart(t_j) + s} of the q-th atom of
 * type t_i in the block.
 */
final class DescriptorPass {
    final SeE2aDescriptor desc;
    final Precision precision;
    final NeighborSelection sel;
    final int[] types;
    final int n;
    final int nnei;
    final int m;
    final int m2;
    /** R̂ per slot, n·nnei·4. */
    final double[] rHat;
    /** Excluded-pair rows, n·nnei. */
    final boolean[] masked;
    /** Local atom indices of each centre type. */
    final int[][] atomsOfType;
    /** Embedding traces [t_i][t_j] (null when the group is empty). */
    final DenseNet.Trace[][] traces;
    /** T = (1/N_c) Ĝᵀ R̂ per atom, n·M·4. */
    final double[] t;
    /** D per atom, n·M·M₂. */
    final double[] dd;
    /** T component-major, n·4·M (tCm[a][c][k]): the layout of the contraction and Gram-backward kernels. */
    final double[] tCm;
    /** Work-array pool, or null for fresh arrays. */
    final Arena arena;
    /** Tabulated embeddings, or null for the exact nets. */
    final CompressedEmbeddings tables;
    /** Whether the exact nets ran in forward mode (G and dG/dŝ, no traces: no weight gradients). */
    final boolean tangent;
    /** With tables or in forward mode: G and dG/dŝ per group [t_i][t_j], rows×M with row stride {@link #gStride}. */
    final double[][][] tabG;
    final double[][][] tabDG;
    /** Row stride of tabG and tabDG: M, or in forward mode M rounded up to the vector lanes. */
    final int gStride;
    /** With tables or in forward mode, the rows each group evaluated [t_i][t_j] (rows of tabG and tabDG); else null. */
    final EmbeddingRows[][] rowMaps;

    private DescriptorPass(SeE2aDescriptor desc, Precision precision, NeighborSelection sel, int[] types, Arena arena,
                           CompressedEmbeddings tables, boolean tangent) {
        this.arena = arena;
        this.tables = tables;
        this.tangent = tables == null && tangent && precision == Precision.FLOAT64;
        boolean derivatives = tables != null || this.tangent;
        this.tabG = derivatives ? new double[desc.ntypes()][desc.ntypes()][] : null;
        this.tabDG = derivatives ? new double[desc.ntypes()][desc.ntypes()][] : null;
        this.gStride = this.tangent ? desc.embedding(0, 0).tangentStride() : desc.embeddingWidth();
        this.rowMaps = derivatives ? new EmbeddingRows[desc.ntypes()][desc.ntypes()] : null;
        this.desc = desc;
        this.precision = precision;
        this.sel = sel;
        this.types = types;
        this.n = sel.n;
        this.nnei = sel.nnei;
        this.m = desc.embeddingWidth();
        this.m2 = desc.axisNeuron();
        this.rHat = Arena.raw(arena, n * nnei * 4);
        this.masked = new boolean[n * nnei];
        int nt = desc.ntypes();
        this.atomsOfType = atomsOfType(sel, types, nt);
        this.traces = new DenseNet.Trace[nt][nt];
        this.t = Arena.zeros(arena, n * m * 4);
        this.tCm = Arena.zeros(arena, n * m * 4);
        this.dd = Arena.raw(arena, n * m * m2);
    }

    /** @return the block's local atom indices of each centre type [t], in block order */
    static int[][] atomsOfType(NeighborSelection sel, int[] types, int ntypes) {
        int[] cnt = new int[ntypes];
        for (int li = 0; li < sel.n; li++) {
            cnt[types[sel.a0 + li]]++;
        }
        int[][] atoms = new int[ntypes][];
        for (int ti = 0; ti < ntypes; ti++) {
            atoms[ti] = new int[cnt[ti]];
        }
        int[] fill = new int[ntypes];
        for (int li = 0; li < sel.n; li++) {
            int ti = types[sel.a0 + li];
            atoms[ti][fill[ti]++] = li;
        }
        return atoms;
    }

    /**
     * @param desc      the descriptor
     * @param precision arithmetic precision
     * @param sel       the slot table of the block
     * @param types     type per atom (global indices)
     * @return the pass with R̂, embedding traces, T and D computed
     */
    static DescriptorPass forward(SeE2aDescriptor desc, Precision precision, NeighborSelection sel, int[] types) {
        return forward(desc, precision, sel, types, null);
    }

    /** As {@link #forward(SeE2aDescriptor, Precision, NeighborSelection, int[])} with work arrays from an arena. */
    static DescriptorPass forward(SeE2aDescriptor desc, Precision precision, NeighborSelection sel, int[] types,
                                  Arena arena) {
        return forward(desc, precision, sel, types, arena, null);
    }

    /** As above, with the embedding nets replaced by their tables when {@code tables} is non-null. */
    static DescriptorPass forward(SeE2aDescriptor desc, Precision precision, NeighborSelection sel, int[] types,
                                  Arena arena, CompressedEmbeddings tables) {
        return forward(desc, precision, sel, types, arena, tables, false);
    }

    /**
     * As above; with {@code tangent} (and exact nets) the embedding nets run in forward mode
     * ({@link DenseNet#tangent}), which is faster for energy, forces and virials but leaves no
     * traces, so {@link #backward} then takes no weight-gradient accumulators.
     */
    static DescriptorPass forward(SeE2aDescriptor desc, Precision precision, NeighborSelection sel, int[] types,
                                  Arena arena, CompressedEmbeddings tables, boolean tangent) {
        DescriptorPass p = new DescriptorPass(desc, precision, sel, types, arena, tables, tangent);
        p.runForward();
        return p;
    }

    private void runForward() {
        EnvMatrix.forward(sel, types, desc, rHat, masked);
        precision.round(rHat, rHat.length);
        int nt = desc.ntypes();
        // T accumulates component-major (tCm[a][c][k]) so that the inner loop over k is contiguous
        for (int ti = 0; ti < nt; ti++) {
            int[] atoms = atomsOfType[ti];
            if (atoms.length == 0) {
                continue;
            }
            for (int tj = 0; tj < nt; tj++) {
                int sj = desc.sel(tj);
                if (sj == 0) {
                    continue;
                }
                int base = desc.sectionStart(tj);
                if (rowMaps != null) {
                    // forward mode or tables: G and dG/dŝ of the real rows and one shared padded row
                    EmbeddingRows er = EmbeddingRows.of(sel, masked, rHat, atoms, sj, base);
                    rowMaps[ti][tj] = er;
                    int rows = er.rows();
                    if (rows == 0) {
                        continue;
                    }
                    double[] x = Arena.raw(arena, rows);
                    for (int r = 0; r < er.slots.length; r++) {
                        x[r] = rHat[4 * er.slots[r]];
                    }
                    if (er.padRow() >= 0) {
                        x[er.padRow()] = er.padRHat[0];
                    }
                    double[] g = Arena.raw(arena, rows * gStride);
                    double[] dg = Arena.raw(arena, rows * gStride);
                    if (tables == null) {
                        desc.embedding(ti, tj).tangent(x, rows, g, dg, arena,
                                (gc, r0, cnt) -> contractRows(gc, r0, cnt, er, atoms));
                    } else {
                        tables.table(ti, tj).eval(x, rows, g, dg);
                        precision.round(g, rows * m);
                        contractRows(g, 0, rows, er, atoms);
                    }
                    tabG[ti][tj] = g;
                    tabDG[ti][tj] = dg;
                    continue;
                }
                int rows = atoms.length * sj;
                double[] x = Arena.raw(arena, rows);
                for (int q = 0; q < atoms.length; q++) {
                    int slot0 = atoms[q] * nnei + base;
                    for (int s = 0; s < sj; s++) {
                        x[q * sj + s] = rHat[4 * (slot0 + s)];
                    }
                }
                // the contraction runs on each chunk of G rows right after the net produced it
                traces[ti][tj] = desc.embedding(ti, tj).forward(x, rows, precision, arena,
                        (g, r0, cnt) -> contract(g, m, r0, cnt, atoms, sj, base));
            }
        }
        precision.round(tCm, tCm.length);
        for (int a = 0; a < n; a++) {
            int to = a * m * 4;
            for (int k = 0; k < m; k++) {
                for (int c = 0; c < 4; c++) {
                    t[to + 4 * k + c] = tCm[to + c * m + k];
                }
            }
        }
        for (int a = 0; a < n; a++) {
            int to = a * m * 4;
            int od = a * m * m2;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m2; j++) {
                    double s = 0;
                    for (int c = 0; c < 4; c++) {
                        s += t[to + 4 * i + c] * t[to + 4 * j + c];
                    }
                    dd[od + i * m2 + j] = s;
                }
            }
        }
        precision.round(dd, dd.length);
    }

    /**
     * T += (1/N_c)·Ĝᵀ R̂ for rows [r0, r0 + cnt) of one (centre type, neighbor type) group, whose
     * row q·sj + s (at entry row·stride of g) is slot base + s of atom atoms[q]; into {@link #tCm}.
     */
    private void contract(double[] g, int stride, int r0, int cnt, int[] atoms, int sj, int base) {
        double scale = 1.0 / nnei;
        int q = r0 / sj;
        int s = r0 - q * sj;
        for (int r = r0; r < r0 + cnt; r++) {
            int a = atoms[q];
            int rh = 4 * (a * nnei + base + s);
            VectorMath.contractRow(g, r * stride, m, rHat[rh] * scale, rHat[rh + 1] * scale, rHat[rh + 2] * scale,
                    rHat[rh + 3] * scale, tCm, a * 4 * m);
            if (++s == sj) {
                s = 0;
                q++;
            }
        }
    }

    /**
     * T += (1/N_c)·Ĝᵀ R̂ for rows [r0, r0 + cnt) of a forward-mode or tabulated group (row stride gStride):
     * each real row adds its slot's term, the shared padded row adds (n_pad/N_c)·R̂_padᵀ G for
     * every atom with n_pad padded slots ({@link EmbeddingRows}).
     */
    private void contractRows(double[] g, int r0, int cnt, EmbeddingRows er, int[] atoms) {
        double scale = 1.0 / nnei;
        int end = r0 + cnt;
        for (int r = r0, realEnd = Math.min(end, er.slots.length); r < realEnd; r++) {
            int slot = er.slots[r];
            int rh = 4 * slot;
            VectorMath.contractRow(g, r * gStride, m, rHat[rh] * scale, rHat[rh + 1] * scale, rHat[rh + 2] * scale,
                    rHat[rh + 3] * scale, tCm, slot / nnei * 4 * m);
        }
        int pr = er.padRow();
        if (pr >= r0 && pr < end) {
            double[] h = er.padRHat;
            for (int q = 0; q < atoms.length; q++) {
                int np = er.padCount[q];
                if (np > 0) {
                    double f = np * scale;
                    VectorMath.contractRow(g, pr * gStride, m, h[0] * f, h[1] * f, h[2] * f, h[3] * f, tCm,
                            atoms[q] * 4 * m);
                }
            }
        }
    }

    /**
     * dG rows [r0, r0 + cnt) of one group from dT (component-major dTc), and the R̂ part of the
     * contraction's gradient added to dRHat: dG = (1/N_c)·R̂ dTᵀ, dR̂ += (1/N_c)·G dT.
     */
    private void contractBackward(double[] dTc, double[] g, double[] dG, int r0, int cnt, int[] atoms, int sj,
                                  int base, double[] dRHat, double[] e) {
        double scale = 1.0 / nnei;
        int q = r0 / sj;
        int s = r0 - q * sj;
        for (int r = r0; r < r0 + cnt; r++) {
            int a = atoms[q];
            int rh = 4 * (a * nnei + base + s);
            VectorMath.contractRowBackward(dTc, a * m * 4, m, g, r * m, rHat[rh], rHat[rh + 1], rHat[rh + 2],
                    rHat[rh + 3], scale, dG, e);
            dRHat[rh] += e[0] * scale;
            dRHat[rh + 1] += e[1] * scale;
            dRHat[rh + 2] += e[2] * scale;
            dRHat[rh + 3] += e[3] * scale;
            if (++s == sj) {
                s = 0;
                q++;
            }
        }
    }

    /**
     * The backward pass of one group when G and dG/dŝ are known (tables or forward mode), over
     * the rows of real neighbors only (padded slots have no neighbor and so no force; their dR̂
     * stays zero): dR̂ += (1/N_c)·G dT on all four components and dR̂_0 += Σ_k dL/dG_k·dG_k/dŝ on
     * the first (ŝ is the embedding input), with dL/dG = (1/N_c)·R̂ dTᵀ never stored.
     */
    private void contractBackwardRows(double[] dTc, double[] g, double[] dgds, EmbeddingRows er, double[] dRHat) {
        double scale = 1.0 / nnei;
        double[] e = new double[5];
        for (int r = 0; r < er.slots.length; r++) {
            int slot = er.slots[r];
            if (sel.atom[slot] < 0) {
                continue; // a padded slot evaluated on its own (per-slot statistics): no neighbor, no force
            }
            int rh = 4 * slot;
            VectorMath.contractRowTangent(dTc, slot / nnei * m * 4, m, g, dgds, r * gStride, rHat[rh], rHat[rh + 1],
                    rHat[rh + 2], rHat[rh + 3], scale, e);
            dRHat[rh] += e[0] * scale + e[4];
            dRHat[rh + 1] += e[1] * scale;
            dRHat[rh + 2] += e[2] * scale;
            dRHat[rh + 3] += e[3] * scale;
        }
    }

    /**
     * Backward from dL/dD to dL/dR̂ through the Gram product, T and the embedding nets.
     *
     * @param dD    dL/dD, n·M·M₂
     * @param grads embedding weight-gradient accumulators [net index][layer] or null
     * @return dL/dR̂, n·nnei·4 (rows of padded and excluded slots are meaningful only as R̂ inputs; with
     *         tables or in forward mode they are zero)
     */
    double[] backward(double[] dD, DenseLayer.Grad[][] grads) {
        // dT component-major (dTc[a][c][k]), the layout of the contraction kernels
        double[] dTc = Arena.raw(arena, n * m * 4);
        for (int a = 0; a < n; a++) {
            VectorMath.gramBackward(dD, a * m * m2, tCm, a * m * 4, m, m2, dTc, a * m * 4);
        }
        double[] e = new double[4];
        double[] dRHat = Arena.zeros(arena, n * nnei * 4);
        int nt = desc.ntypes();
        for (int ti = 0; ti < nt; ti++) {
            int[] atoms = atomsOfType[ti];
            for (int tj = 0; tj < nt; tj++) {
                DenseNet.Trace tr = traces[ti][tj];
                double[] g = tabG == null ? (tr == null ? null : tr.output()) : tabG[ti][tj];
                if (g == null) {
                    continue;
                }
                int sj = desc.sel(tj);
                int base = desc.sectionStart(tj);
                int rowsG = atoms.length * sj;
                if (tabG != null) {
                    if (grads != null) {
                        throw new UnsupportedOperationException("weight gradients need the exact embedding nets in "
                                + "reverse mode (a pass without tables and without forward mode)");
                    }
                    contractBackwardRows(dTc, g, tabDG[ti][tj], rowMaps[ti][tj], dRHat);
                    continue;
                }
                double[] dG = Arena.raw(arena, rowsG * m);
                int netIndex = desc.typeOneSide() ? tj : ti * nt + tj;
                // dG rows are produced chunk by chunk, just before the net's backward pass reads them
                double[] dx = desc.embedding(ti, tj).backward(tr, dG, grads == null ? null : grads[netIndex], arena,
                        (dy, r0, cnt) -> contractBackward(dTc, g, dy, r0, cnt, atoms, sj, base, dRHat, e));
                for (int q = 0; q < atoms.length; q++) {
                    int slot0 = atoms[q] * nnei + base;
                    for (int s = 0; s < sj; s++) {
                        dRHat[4 * (slot0 + s)] += dx[q * sj + s];
                    }
                }
            }
        }
        return dRHat;
    }
}
