package org.eelt.potential.dp;

import java.util.List;

/**
 * A stack of {@link DenseLayer}s evaluated row-wise: DeePMD-kit's embedding and fitting networks.
 * Immutable. {@link #forward} returns a {@link Trace} holding every layer's input and activation,
 * which {@link #backward} consumes; the trace is what a trainer needs for weight gradients or a
 * forward-over-reverse pass.
 */
public final class DenseNet {
    private final List<DenseLayer> layers;

    /** @param layers the layers in order; each layer's input width must equal the previous output width */
    public DenseNet(List<DenseLayer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).in() != layers.get(l - 1).out()) {
                throw new IllegalArgumentException("layer " + l + " takes " + layers.get(l).in()
                        + " inputs but layer " + (l - 1) + " gives " + layers.get(l - 1).out());
            }
        }
        this.layers = List.copyOf(layers);
    }

    /** @return the layers. */
    public List<DenseLayer> layers() {
        return layers;
    }

    /** @return the input width. */
    public int in() {
        return layers.get(0).in();
    }

    /** @return the output width. */
    public int out() {
        return layers.get(layers.size() - 1).out();
    }

    /** @return this network with all parameters rounded to binary32. */
    DenseNet roundedToFloat() {
        return new DenseNet(layers.stream().map(DenseLayer::roundedToFloat).toList());
    }

    /**
     * Forward pass.
     *
     * @param x    input rows×{@link #in()} (kept by reference in the trace; do not modify)
     * @param rows number of rows
     * @return the trace; {@link Trace#output()} is rows×{@link #out()}
     */
    public Trace forward(double[] x, int rows) {
        return forward(x, rows, Precision.FLOAT64);
    }

    Trace forward(double[] x, int rows, Precision precision) {
        return forward(x, rows, precision, null);
    }

    /** Forward pass with work arrays from {@code arena} (null: fresh arrays). */
    Trace forward(double[] x, int rows, Precision precision, Arena arena) {
        return forward(x, rows, precision, arena, null);
    }

    /**
     * A step run on the rows [r0, r0 + n) of a chunked pass while they are still in cache: after a
     * chunk's forward pass (array = the network output), or before a chunk's backward pass
     * (array = dL/d(output), which the hook may fill for those rows).
     */
    interface RowHook {
        void rows(double[] array, int r0, int n);
    }

    /** Forward pass; {@code after} (may be null) runs on each chunk of output rows once they are final. */
    Trace forward(double[] x, int rows, Precision precision, Arena arena, RowHook after) {
        int n = layers.size();
        double[][] inputs = new double[n + 1][];
        double[][] acts = new double[n][];
        inputs[0] = x;
        for (int l = 0; l < n; l++) {
            DenseLayer layer = layers.get(l);
            acts[l] = Arena.raw(arena, rows * layer.out());
            inputs[l + 1] = layer.outputIsActivation() ? acts[l] : Arena.raw(arena, rows * layer.out());
        }
        // Row chunks run through all layers before the next chunk starts, so that a chunk's
        // activations are still in the core's cache when the next layer's product reads them.
        for (int r0 = 0; r0 < rows; r0 += CHUNK_ROWS) {
            int cr = Math.min(CHUNK_ROWS, rows - r0);
            for (int l = 0; l < n; l++) {
                DenseLayer layer = layers.get(l);
                int w = layer.out();
                double[] t = acts[l];
                double[] y = inputs[l + 1];
                layer.forwardRows(inputs[l], t, y, r0, cr);
                precision.round(t, r0 * w, (r0 + cr) * w);
                if (y != t) {
                    precision.round(y, r0 * w, (r0 + cr) * w);
                }
            }
            if (after != null) {
                after.rows(inputs[n], r0, cr);
            }
        }
        return new Trace(rows, inputs, acts);
    }

    /**
     * Value and derivative of a scalar-input net (an embedding net) by forward-mode
     * differentiation: g = G(s) and dg = dG/ds for each of {@code rows} inputs s, each row of
     * {@link #out()} values stored with row stride {@link #tangentStride()} (out rounded up to the
     * vector lane count; the padding columns hold unspecified values). Each chunk of
     * {@link #TANGENT_CHUNK_ROWS} rows runs through all layers in work arrays that stay in cache
     * ({@link DenseLayer#tangentRows}); only the last layer writes to g and dg. Costs the same
     * multiply-adds as a forward plus an input-gradient backward pass, but keeps no per-layer
     * trace, so it serves evaluations that need no weight gradients.
     *
     * @param g     rows·{@link #tangentStride()} entries
     * @param dg    rows·{@link #tangentStride()} entries
     * @param after runs on each chunk of g rows once they are final (may be null)
     */
    void tangent(double[] s, int rows, double[] g, double[] dg, Arena arena, RowHook after) {
        if (in() != 1) {
            throw new IllegalStateException("forward-mode evaluation needs a scalar input, this net takes " + in());
        }
        int width = 0;
        for (DenseLayer l : layers) {
            width = Math.max(width, l.paddedOut());
        }
        int cap = 2 * Math.min(TANGENT_CHUNK_ROWS, rows) * width;
        double[] xa = Arena.raw(arena, cap);
        double[] xb = Arena.raw(arena, cap);
        double[] z = Arena.raw(arena, cap);
        int last = layers.size() - 1;
        int w = tangentStride();
        boolean vector = VectorMath.vectorized();
        for (int r0 = 0; r0 < rows; r0 += TANGENT_CHUNK_ROWS) {
            int cr = Math.min(TANGENT_CHUNK_ROWS, rows - r0);
            int lda = 1;
            if (vector && layers.get(0).skipKind() == 2) {
                // a first layer 1 → 2 with its skip reads [s, s]
                lda = 2;
                for (int i = 0; i < cr; i++) {
                    xa[2 * i] = xa[2 * i + 1] = s[r0 + i];
                    xa[2 * (cr + i)] = xa[2 * (cr + i) + 1] = 1.0; // ds/ds
                }
            } else {
                System.arraycopy(s, r0, xa, 0, cr);
                java.util.Arrays.fill(xa, cr, 2 * cr, 1.0); // ds/ds
            }
            double[] cur = xa;
            double[] next = xb;
            for (int l = 0; l < last; l++) {
                DenseLayer layer = layers.get(l);
                // a following skip-2 layer reads its input rows as [x, x]: the vector kernels write them so
                boolean dup = vector && layers.get(l + 1).skipKind() == 2;
                int ys = dup ? layers.get(l + 1).paddedOut() : layer.paddedOut();
                layer.tangentRows(cur, lda, cr, z, next, 0, next, cr * ys, ys, dup);
                lda = ys;
                double[] swap = cur;
                cur = next;
                next = swap;
            }
            layers.get(last).tangentRows(cur, lda, cr, z, g, r0 * w, dg, r0 * w, w, false);
            if (after != null) {
                after.rows(g, r0, cr);
            }
        }
    }

    /** @return the row stride of {@link #tangent}'s g and dg: {@link #out()} rounded up to the vector lanes */
    int tangentStride() {
        return layers.get(layers.size() - 1).paddedOut();
    }

    /**
     * Rows per chunk of {@link #tangent}: the product runs on twice as many (values and
     * derivatives), so half of {@link #CHUNK_ROWS} keeps the same cache footprint. Override with
     * the system property {@code eelt.dp.tangentChunkRows} (for measurements).
     */
    static final int TANGENT_CHUNK_ROWS = Math.max(1, Integer.getInteger("eelt.dp.tangentChunkRows", 256));

    /**
     * Rows per chunk of the forward and backward passes: 512 rows of the widest embedding layer
     * (100) are 400 KB, so a chunk's input, activation and output stay within a 1 MB L2 cache.
     * Override with the system property {@code eelt.dp.chunkRows} (for measurements).
     */
    static final int CHUNK_ROWS = Math.max(1, Integer.getInteger("eelt.dp.chunkRows", 512));

    /**
     * Backward pass: dL/dx from dL/dy.
     *
     * @param trace the forward trace
     * @param dy    dL/d(output), rows×{@link #out()}
     * @param grads per-layer gradient accumulators (same length as {@link #layers()}) or null
     * @return dL/dx, rows×{@link #in()}
     */
    public double[] backward(Trace trace, double[] dy, DenseLayer.Grad[] grads) {
        return backward(trace, dy, grads, null);
    }

    /** Backward pass with work arrays from {@code arena} (null: fresh arrays). */
    double[] backward(Trace trace, double[] dy, DenseLayer.Grad[] grads, Arena arena) {
        return backward(trace, dy, grads, arena, null);
    }

    /** Backward pass; {@code before} (may be null) runs on each chunk of dy rows before they are read. */
    double[] backward(Trace trace, double[] dy, DenseLayer.Grad[] grads, Arena arena, RowHook before) {
        int rows = trace.rows;
        int n = layers.size();
        int width = 0;
        for (DenseLayer l : layers) {
            width = Math.max(width, Math.max(l.in(), l.out()));
        }
        int cap = Math.min(CHUNK_ROWS, rows) * width;
        double[] dx0 = Arena.raw(arena, rows * in());
        double[] dz = Arena.raw(arena, cap);
        double[] ga = Arena.raw(arena, cap);
        double[] gb = Arena.raw(arena, cap);
        for (int r0 = 0; r0 < rows; r0 += CHUNK_ROWS) {
            int cr = Math.min(CHUNK_ROWS, rows - r0);
            if (before != null) {
                before.rows(dy, r0, cr);
            }
            double[] g = dy;
            int gOff = r0 * out();
            for (int l = n - 1; l >= 0; l--) {
                DenseLayer layer = layers.get(l);
                double[] dx = l == 0 ? dx0 : (g == ga ? gb : ga);
                int dxOff = l == 0 ? r0 * layer.in() : 0;
                layer.backwardRows(trace.inputs[l], trace.acts[l], r0, g, gOff, dx, dxOff, cr,
                        grads == null ? null : grads[l], dz);
                g = dx;
                gOff = dxOff;
            }
        }
        return dx0;
    }

    /** @return zeroed gradient accumulators, one per layer. */
    public DenseLayer.Grad[] newGrads() {
        DenseLayer.Grad[] g = new DenseLayer.Grad[layers.size()];
        for (int l = 0; l < g.length; l++) {
            g[l] = layers.get(l).newGrad();
        }
        return g;
    }

    /** @return multiply-add FLOPs of one forward pass over {@code rows} rows: Σ 2·rows·in·out. */
    public long forwardFlops(long rows) {
        long f = 0;
        for (DenseLayer l : layers) {
            f += 2L * rows * l.in() * l.out();
        }
        return f;
    }

    /**
     * Forward intermediates of one evaluation: {@code inputs[l]} is layer l's input
     * ({@code inputs[n]} the network output) and {@code acts[l]} its activation t = φ(z).
     */
    public static final class Trace {
        final int rows;
        final double[][] inputs;
        final double[][] acts;

        Trace(int rows, double[][] inputs, double[][] acts) {
            this.rows = rows;
            this.inputs = inputs;
            this.acts = acts;
        }

        /** @return the number of rows. */
        public int rows() {
            return rows;
        }

        /** @return the network output, rows×out (not a copy). */
        public double[] output() {
            return inputs[inputs.length - 1];
        }

        /** @return layer l's input (not a copy). */
        public double[] input(int l) {
            return inputs[l];
        }

        /** @return layer l's activation t (not a copy). */
        public double[] activation(int l) {
            return acts[l];
        }
    }
}
