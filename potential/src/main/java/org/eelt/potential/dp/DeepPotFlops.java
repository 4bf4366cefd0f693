package org.eelt.potential.dp;

/**
 * Floating-point operation count of one energy + force evaluation of the uncompressed network,
 * counting 2·m·n·k per matrix product (a multiply and an add per term) and ignoring
 * activations, the environment matrix and scatter work. Padded neighbor slots are counted,
 * because the embedding net runs on all N_c slots (as in DeePMD-kit). The backward pass counts
 * the input-gradient products only (no weight gradients), which is what forces need.
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
}
