package org.eelt.potential.dp;

import org.eelt.potential.neighbor.NeighborList;
import org.eelt.protocol.atoms.Structure;

/**
 * Floating-point operation count of one energy + force evaluation of the uncompressed network,
 * counting 2·m·n·k per matrix product (a multiply and an add per term) and ignoring
 * activations, the environment matrix and scatter work. {@link #energyAndForces} counts every
 * padded neighbor slot, as a network run on all N_c slots performs them (DeePMD-kit's count);
 * {@link #performed} counts what {@link DeepPotEvaluator}'s forward mode performs on a given frame,
 * which evaluates real neighbors and one shared row per padded group ({@link EmbeddingRows}).
 * The backward pass counts the input-gradient products only (no weight gradients), which is what
 * forces need.
 * <pre>
 *   per atom of type t_i:
 *     embedding   Σ_{t_j} sel[t_j] · 2 · Σ_layers 2·in·out           (forward + backward)
 *     T = ĜᵀR̂     N_c · 2·M·4  forward,  N_c · 2·(2·M·4) backward
 *     D = T·T&lt;ᵀ   2·M·M₂·4  forward,  2·(2·M·M₂·4) backward
 *     fitting     2 · Σ_layers 2·in·out                               (forward + backward)
 * </pre>
 */
public final class DeepPotFlops {
    private DeepPotFlops() {
    }

    /**
     * @param model        the model
     * @param atomsPerType number of atoms of each type in the frame
     * @return FLOPs of one forward + backward evaluation
     */
    public static long energyAndForces(DeepPotModel model, int[] atomsPerType) {
        SeE2aDescriptor d = model.descriptor();
        long m = d.embeddingWidth(), m2 = d.axisNeuron(), nnei = d.nnei();
        long total = 0;
        for (int ti = 0; ti < model.ntypes(); ti++) {
            long perAtom = 0;
            for (int tj = 0; tj < model.ntypes(); tj++) {
                perAtom += 2 * d.embedding(ti, tj).forwardFlops(d.sel(tj));
            }
            perAtom += nnei * 2 * m * 4 * 3;
            perAtom += 2 * m * m2 * 4 * 3;
            perAtom += 2 * model.fitting().net(ti).forwardFlops(1);
            total += perAtom * atomsPerType[ti];
        }
        return total;
    }

    /**
     * FLOPs that a float64 forward-mode evaluation ({@link DeepPotEvaluator}, exact nets) performs
     * on this frame, block by block as the evaluator splits it:
     * <pre>
     *   embedding   2 · Σ_layers 2·in·out per evaluated row   ([x; ẋ]·W: values and dG/dŝ)
     *   T = ĜᵀR̂     2·M·4 per contracted row (real rows, and each atom's padded slots once)
     *   dE/dR̂       2·(2·M·4) per real-neighbor row
     *   D, fitting  as in {@link #energyAndForces}
     * </pre>
     *
     * @param model      the model
     * @param structure  the frame
     * @param nl         its neighbor list (radius ≥ rcut)
     * @param blockAtoms the evaluator's block size
     * @param threads    the evaluator's thread count
     * @return FLOPs of one energy + force evaluation
     */
    public static long performed(DeepPotModel model, Structure structure, NeighborList nl, int blockAtoms,
                                 int threads) {
        SeE2aDescriptor d = model.descriptor();
        long m = d.embeddingWidth(), m2 = d.axisNeuron();
        int n = structure.size();
        int[] types = structure.types(model.typeMap());
        double[] pos = structure.positions();
        int size = DeepPotEvaluator.blockSize(n, blockAtoms, threads);
        long total = 0;
        for (int a0 = 0; a0 < n; a0 += size) {
            NeighborSelection sel = NeighborSelection.build(pos, types, nl, model, a0, Math.min(n, a0 + size));
            double[] rHat = new double[sel.n * sel.nnei * 4];
            boolean[] masked = new boolean[sel.n * sel.nnei];
            EnvMatrix.forward(sel, types, d, rHat, masked);
            int[][] atomsOfType = DescriptorPass.atomsOfType(sel, types, model.ntypes());
            for (int ti = 0; ti < model.ntypes(); ti++) {
                int[] atoms = atomsOfType[ti];
                for (int tj = 0; tj < model.ntypes() && atoms.length > 0; tj++) {
                    if (d.sel(tj) == 0) {
                        continue;
                    }
                    EmbeddingRows er = EmbeddingRows.of(sel, masked, rHat, atoms, d.sel(tj), d.sectionStart(tj));
                    total += 2 * d.embedding(ti, tj).forwardFlops(er.rows());
                    long contracted = er.slots.length;
                    long real = 0;
                    for (int slot : er.slots) {
                        real += sel.atom[slot] >= 0 ? 1 : 0;
                    }
                    if (er.padCount != null) {
                        for (int c : er.padCount) {
                            contracted += c > 0 ? 1 : 0;
                        }
                    }
                    total += contracted * 2 * m * 4 + real * 2 * (2 * m * 4);
                }
                total += atoms.length * (2 * m * m2 * 4 * 3 + 2 * model.fitting().net(ti).forwardFlops(1));
            }
        }
        return total;
    }
}
