package org.eelt.trainer.model;

/**
 * The floating-point operations (a multiply-add counts 2) of the matrix and contraction work
 * that one training step of {@link org.eelt.trainer.loss.EnergyForceVirialLoss} performs on a
 * frame through {@link SeE2aKernel}: a value pass (forward, then the input adjoints down to ∂E/∂d)
 * and a dual-number pass (forward with tangents, backward with tangents and parameter
 * gradients). Element-wise work (tanh, bias, skip, the 1 − h² factors) is not counted.
 *
 * <p>Rows are those actually evaluated: per atom and neighbor type, the real neighbors plus one
 * row for all padded slots. For a layer in → out over n rows (2n stacked rows with tangents):
 * <pre>
 *  value pass: forward 2·n·in·out, input adjoint 2·n·in·out
 *  dual pass:  forward 4·n·in·out, input adjoint 4·n·in·out (not for the first embedding
 *              layer, whose input adjoint only the value pass needs), weight gradient 4·n·in·out
 * </pre>
 * T = (1/N_c) Σ Gᵀ R̂: per row 8M (value pass) and 8M + 16M (dual pass); δG and δR̂: 16M
 * (value) and 8M + 16M (dual). D = T·T&lt;ᵀ and δT: 24·M·M₂ (value) and 72·M·M₂ (dual) per atom.
 */
public final class TrainStepFlops {
    private TrainStepFlops() {
    }

    /** @return FLOPs of one loss-and-gradient evaluation of this frame. */
    public static double perFrame(ParamLayout lay, Environment env) {
        DpSpec spec = lay.spec();
        int n = env.natoms(), nnei = env.nnei(), nt = spec.ntypes(), m = spec.embedWidth(), m2 = spec.axisNeuron();
        int[] nbr = env.neighbors(), types = env.types(), sel = spec.sel();
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < nt; t++) {
                int first = i * nnei + spec.selOffset(t), real = 0;
                while (real < sel[t] && nbr[first + real] >= 0) {
                    real++;
                }
                int rows = real + (real < sel[t] ? 1 : 0);
                total += rows * (embeddingPerRow(lay.embedding(spec.embeddingNet(types[i], t))) + 72.0 * m);
            }
            total += 96.0 * m * m2 + denseFlops(lay.fitting(types[i]), false);
        }
        return total;
    }

    private static double embeddingPerRow(Layer[] layers) {
        return denseFlops(layers, true);
    }

    /** Per row, both passes; {@code firstNoDualAdjoint}: the first layer's dual input adjoint is skipped. */
    private static double denseFlops(Layer[] layers, boolean firstNoDualAdjoint) {
        double f = 0;
        for (int l = 0; l < layers.length; l++) {
            double io = (double) layers[l].in() * layers[l].out();
            f += (l == 0 && firstNoDualAdjoint ? 12 : 16) * io;
        }
        return f;
    }
}
