package org.eelt.trainer.model;

/**
 * The rows of one embedding net for a block of centre atoms: every (centre atom, neighbor type)
 * pair that uses this net contributes its real neighbor rows plus one padded row, so each layer
 * is one matrix product over all of them. Rows [0, n) hold values and, with tangents, rows
 * [n, 2n) their tangents ({@link Dense}'s stacked layout). Arrays grow on demand. Per thread.
 */
final class EmbedGroup {
    private final Layer[] layers;
    /** Rows of the current block. */
    int n;
    /** x[l]: input of layer l (x[L] = G, the embedding matrix rows); h[l]: activation of layer l. */
    final double[][] x;
    final double[][] h;
    /** δG (and δ̇G), rows × M. */
    double[] dG;
    private int capacity;

    EmbedGroup(Layer[] layers) {
        this.layers = layers;
        x = new double[layers.length + 1][];
        h = new double[layers.length][];
        grow(64);
    }

    /** Makes room for {@code rows} stacked rows. */
    void ensure(int rows) {
        if (rows > capacity) {
            grow(Math.max(rows, capacity + capacity / 2));
        }
    }

    private void grow(int rows) {
        capacity = rows;
        x[0] = new double[rows * layers[0].in()];
        for (int l = 0; l < layers.length; l++) {
            x[l + 1] = new double[rows * layers[l].out()];
            h[l] = new double[rows * layers[l].out()];
        }
        dG = new double[rows * layers[layers.length - 1].out()];
    }

    /** @return the widest layer output. */
    int maxWidth() {
        int w = 1;
        for (Layer l : layers) {
            w = Math.max(w, Math.max(l.in(), l.out()));
        }
        return w;
    }

    /** @return the current stacked-row capacity. */
    int capacity() {
        return capacity;
    }
}
