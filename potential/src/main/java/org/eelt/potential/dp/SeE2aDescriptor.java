package org.eelt.potential.dp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The DeepPot-SE two-body embedding descriptor with full angular information (DeePMD-kit's
 * {@code se_e2_a}), immutable.
 *
 * <p>For centre atom i of type t_i and its neighbor slots s = 0..N_c−1 (N_c = Σ sel, slots of
 * neighbor type t filling [Σ_{t'&lt;t} sel[t'], Σ_{t'≤t} sel[t']), nearest first):
 * <pre>
 *   u = clip((r − r_s)/(r_c − r_s), 0, 1),  w(r) = u³(−6u² + 15u − 10) + 1        (r in Å)
 *   R_s = (w/r, w·x/r², w·y/r², w·z/r²)      (Å⁻¹; zero row for an empty slot)
 *   R̂_s = (R_s − davg[t_i, s]) / dstd[t_i, s]
 *   G_s = N_{t_s}(R̂_s,0)  (type_one_side)   or   N_{t_i, t_s}(R̂_s,0)
 *   T = (1/N_c) Σ_s G_sᵀ R̂_s                 (M × 4)
 *   D[a·M₂ + b] = Σ_c T[a,c]·T[b,c]            (a &lt; M, b &lt; M₂ = axis_neuron)
 * </pre>
 * A neighbor pair whose type pair is listed in {@code exclude_types} contributes a zero R̂ row.
 *
 * @see DescriptorPass for the forward and backward computation
 */
public final class SeE2aDescriptor {
    private final double rcut;
    private final double rcutSmth;
    private final int[] sel;
    private final int[] neuron;
    private final int axisNeuron;
    private final boolean typeOneSide;
    private final boolean resnetDt;
    private final List<int[]> excludeTypes;
    private final double envProtection;
    private final boolean setDavgZero;
    private final int ntypes;
    private final int nnei;
    private final int[] secStart;
    private final double[] davg;
    private final double[] dstd;
    private final List<DenseNet> embeddings;
    private final boolean[] excluded;

    /**
     * @param rcut          cutoff r_c in Å
     * @param rcutSmth      switch start r_s in Å (&lt; r_c)
     * @param sel           neighbor slots per neighbor type
     * @param neuron        embedding widths (last = M)
     * @param axisNeuron    M₂ ≤ M
     * @param typeOneSide   one embedding net per neighbor type (true) or per (centre, neighbor) pair
     * @param resnetDt      whether the embedding layers carry idt (recorded for export)
     * @param excludeTypes  excluded (t_i, t_j) pairs (symmetric)
     * @param envProtection DeePMD-kit's env_protection (must be 0 here)
     * @param setDavgZero   recorded for export
     * @param davg          ntypes × N_c × 4 mean of R
     * @param dstd          ntypes × N_c × 4 standard deviation of R
     * @param embeddings    ntypes (type_one_side) or ntypes² networks (index t_i·ntypes + t_j), 1 → M
     */
    public SeE2aDescriptor(double rcut, double rcutSmth, int[] sel, int[] neuron, int axisNeuron, boolean typeOneSide,
                           boolean resnetDt, List<int[]> excludeTypes, double envProtection, boolean setDavgZero,
                           double[] davg, double[] dstd, List<DenseNet> embeddings) {
        if (!(rcut > 0) || !(rcutSmth >= 0) || !(rcutSmth < rcut)) {
            throw new IllegalArgumentException("need 0 <= rcut_smth < rcut, got rcut_smth=" + rcutSmth + ", rcut=" + rcut);
        }
        if (envProtection != 0.0) {
            throw new IllegalArgumentException("env_protection=" + envProtection + " is not supported (only 0.0)");
        }
        this.ntypes = sel.length;
        int n = 0;
        this.secStart = new int[ntypes + 1];
        for (int t = 0; t < ntypes; t++) {
            if (sel[t] < 0) {
                throw new IllegalArgumentException("sel[" + t + "] = " + sel[t] + " is negative");
            }
            secStart[t] = n;
            n += sel[t];
        }
        secStart[ntypes] = n;
        this.nnei = n;
        int m = neuron[neuron.length - 1];
        if (axisNeuron < 1 || axisNeuron > m) {
            throw new IllegalArgumentException("axis_neuron=" + axisNeuron + " must be in 1.." + m);
        }
        if (davg.length != ntypes * nnei * 4 || dstd.length != ntypes * nnei * 4) {
            throw new IllegalArgumentException("davg/dstd must have shape (" + ntypes + ", " + nnei + ", 4) = "
                    + ntypes * nnei * 4 + " values, got " + davg.length + " and " + dstd.length);
        }
        for (int i = 0; i < dstd.length; i++) {
            if (!(dstd[i] != 0.0) || !Double.isFinite(dstd[i])) {
                throw new IllegalArgumentException("dstd entry " + i + " is " + dstd[i] + " (must be finite and non-zero)");
            }
        }
        int nets = typeOneSide ? ntypes : ntypes * ntypes;
        if (embeddings.size() != nets) {
            throw new IllegalArgumentException("expected " + nets + " embedding networks, got " + embeddings.size());
        }
        for (DenseNet net : embeddings) {
            if (net.in() != 1 || net.out() != m) {
                throw new IllegalArgumentException("embedding net maps " + net.in() + "→" + net.out()
                        + ", expected 1→" + m);
            }
        }
        this.rcut = rcut;
        this.rcutSmth = rcutSmth;
        this.sel = sel.clone();
        this.neuron = neuron.clone();
        this.axisNeuron = axisNeuron;
        this.typeOneSide = typeOneSide;
        this.resnetDt = resnetDt;
        this.envProtection = envProtection;
        this.setDavgZero = setDavgZero;
        this.davg = davg.clone();
        this.dstd = dstd.clone();
        this.embeddings = List.copyOf(embeddings);
        List<int[]> ex = new ArrayList<>();
        this.excluded = new boolean[ntypes * ntypes];
        for (int[] p : excludeTypes) {
            if (p.length != 2 || p[0] < 0 || p[1] < 0 || p[0] >= ntypes || p[1] >= ntypes) {
                throw new IllegalArgumentException("exclude_types entry " + Arrays.toString(p)
                        + " must be a pair of type indices in 0.." + (ntypes - 1));
            }
            ex.add(p.clone());
            excluded[p[0] * ntypes + p[1]] = true;
            excluded[p[1] * ntypes + p[0]] = true;
        }
        this.excludeTypes = List.copyOf(ex);
    }

    /** @return r_c in Å. */
    public double rcut() {
        return rcut;
    }

    /** @return r_s in Å. */
    public double rcutSmth() {
        return rcutSmth;
    }

    /** @return a copy of sel. */
    public int[] sel() {
        return sel.clone();
    }

    /** @return sel[t]. */
    public int sel(int t) {
        return sel[t];
    }

    /** @return first slot of neighbor type t (t = ntypes gives N_c). */
    public int sectionStart(int t) {
        return secStart[t];
    }

    /** @return a copy of the embedding widths. */
    public int[] neuron() {
        return neuron.clone();
    }

    /** @return M, the embedding output width. */
    public int embeddingWidth() {
        return neuron[neuron.length - 1];
    }

    /** @return M₂ (axis_neuron). */
    public int axisNeuron() {
        return axisNeuron;
    }

    /** @return the descriptor length M·M₂. */
    public int dimOut() {
        return embeddingWidth() * axisNeuron;
    }

    /** @return N_c = Σ sel. */
    public int nnei() {
        return nnei;
    }

    /** @return the number of atom types. */
    public int ntypes() {
        return ntypes;
    }

    /** @return whether the embedding depends on the neighbor type only. */
    public boolean typeOneSide() {
        return typeOneSide;
    }

    /** @return the resnet_dt flag. */
    public boolean resnetDt() {
        return resnetDt;
    }

    /** @return the excluded type pairs as given. */
    public List<int[]> excludeTypes() {
        return excludeTypes.stream().map(int[]::clone).toList();
    }

    /** @return whether the pair (ti, tj) is excluded. */
    public boolean isExcluded(int ti, int tj) {
        return excluded[ti * ntypes + tj];
    }

    /** @return env_protection (0). */
    public double envProtection() {
        return envProtection;
    }

    /** @return the set_davg_zero flag. */
    public boolean setDavgZero() {
        return setDavgZero;
    }

    /** @return a copy of davg (ntypes × N_c × 4). */
    public double[] davg() {
        return davg.clone();
    }

    /** @return a copy of dstd (ntypes × N_c × 4). */
    public double[] dstd() {
        return dstd.clone();
    }

    double davgAt(int t, int slot, int c) {
        return davg[(t * nnei + slot) * 4 + c];
    }

    double dstdAt(int t, int slot, int c) {
        return dstd[(t * nnei + slot) * 4 + c];
    }

    /** @return the embedding networks (index t_j, or t_i·ntypes + t_j). */
    public List<DenseNet> embeddings() {
        return embeddings;
    }

    /** @return the embedding net for centre type ti and neighbor type tj. */
    public DenseNet embedding(int ti, int tj) {
        return typeOneSide ? embeddings.get(tj) : embeddings.get(ti * ntypes + tj);
    }

    /** @return this descriptor with parameters rounded to binary32. */
    SeE2aDescriptor roundedToFloat() {
        return new SeE2aDescriptor(rcut, rcutSmth, sel, neuron, axisNeuron, typeOneSide, resnetDt, excludeTypes,
                envProtection, setDavgZero, Precision.roundToFloat(davg), Precision.roundToFloat(dstd),
                embeddings.stream().map(DenseNet::roundedToFloat).toList());
    }
}
