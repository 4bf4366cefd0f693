package org.eelt.freeenergy.net;

import java.util.Arrays;

/**
 * Layer sizes and the flat parameter layout of a free-energy MLP: n_0 = D inputs, hidden widths
 * n_1..n_L, scalar output. Parameters, in order: for each hidden layer l = 1..L the weights W_l
 * (n_l × n_{l−1}, row-major) then the biases b_l (n_l); then the output weights w (n_L) and the
 * output bias b_out. Layer l has a resnet skip when n_l = n_{l−1} (h_l = tanh(z_l) + h_{l−1}) or
 * n_l = 2 n_{l−1} (h_l = tanh(z_l) + [h_{l−1}, h_{l−1}]), as DeePMD-kit's networks.
 */
public final class MlpLayout {
    private final int[] sizes;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final int outOffset;
    private final int count;

    /**
     * @param inputs D (≥ 1)
     * @param hidden hidden widths (at least one, each ≥ 1)
     */
    public MlpLayout(int inputs, int[] hidden) {
        if (inputs < 1 || hidden == null || hidden.length == 0) {
            throw new IllegalArgumentException("a free-energy net needs >= 1 input and >= 1 hidden layer, got "
                    + inputs + " inputs and widths " + Arrays.toString(hidden));
        }
        sizes = new int[hidden.length + 1];
        sizes[0] = inputs;
        for (int l = 0; l < hidden.length; l++) {
            if (hidden[l] < 1) {
                throw new IllegalArgumentException("hidden widths must be >= 1, got " + Arrays.toString(hidden));
            }
            sizes[l + 1] = hidden[l];
        }
        weightOffset = new int[hidden.length];
        biasOffset = new int[hidden.length];
        int off = 0;
        for (int l = 0; l < hidden.length; l++) {
            weightOffset[l] = off;
            off += sizes[l + 1] * sizes[l];
            biasOffset[l] = off;
            off += sizes[l + 1];
        }
        outOffset = off;
        count = off + sizes[hidden.length] + 1;
    }

    /** @return L, the number of hidden layers. */
    public int layers() {
        return sizes.length - 1;
    }

    /** @return n_l (l = 0 is the input). */
    public int size(int l) {
        return sizes[l];
    }

    /** @return the hidden widths n_1..n_L. */
    public int[] hidden() {
        return Arrays.copyOfRange(sizes, 1, sizes.length);
    }

    /** @return the offset of W_{l+1} (0-based hidden layer index l). */
    public int weights(int l) {
        return weightOffset[l];
    }

    /** @return the offset of b_{l+1}. */
    public int biases(int l) {
        return biasOffset[l];
    }

    /** @return the offset of the output weights; the output bias follows them. */
    public int output() {
        return outOffset;
    }

    /** @return the number of parameters. */
    public int parameterCount() {
        return count;
    }

    /** @return 0 = no skip, 1 = identity skip, 2 = doubled skip for hidden layer l (0-based). */
    public int skip(int l) {
        int in = sizes[l], out = sizes[l + 1];
        return out == in ? 1 : out == 2 * in ? 2 : 0;
    }
}
