package org.eelt.trainer.model;

/**
 * The weight matrices W of every layer copied out of the flat parameter vector into their own
 * row-major arrays (OpenBLAS takes whole Java arrays), with one weight-gradient accumulator per
 * layer that is added back into the flat gradient by {@link #flush}. Per thread, never shared.
 */
final class Weights {
    private final ParamLayout lay;
    /** W of embedding net e, layer l: {@code emb[e][l]} (in × out). */
    final double[][][] emb;
    /** W of the fitting net of center type t, layer l. */
    final double[][][] fit;
    /** ∂/∂W accumulators, same shapes. */
    final double[][][] gEmb, gFit;
    private boolean dirty;

    Weights(ParamLayout lay) {
        this.lay = lay;
        DpSpec s = lay.spec();
        emb = new double[s.embeddingNets()][][];
        gEmb = new double[s.embeddingNets()][][];
        for (int e = 0; e < emb.length; e++) {
            emb[e] = alloc(lay.embedding(e));
            gEmb[e] = alloc(lay.embedding(e));
        }
        fit = new double[s.ntypes()][][];
        gFit = new double[s.ntypes()][][];
        for (int t = 0; t < fit.length; t++) {
            fit[t] = alloc(lay.fitting(t));
            gFit[t] = alloc(lay.fitting(t));
        }
    }

    private static double[][] alloc(Layer[] ls) {
        double[][] w = new double[ls.length][];
        for (int l = 0; l < ls.length; l++) {
            w[l] = new double[ls[l].in() * ls[l].out()];
        }
        return w;
    }

    /** Copies every W out of {@code p}. */
    void load(double[] p) {
        for (int e = 0; e < emb.length; e++) {
            copy(p, lay.embedding(e), emb[e]);
        }
        for (int t = 0; t < fit.length; t++) {
            copy(p, lay.fitting(t), fit[t]);
        }
    }

    private static void copy(double[] p, Layer[] ls, double[][] w) {
        for (int l = 0; l < ls.length; l++) {
            System.arraycopy(p, ls[l].w(), w[l], 0, w[l].length);
        }
    }

    /** Marks the accumulators as holding values to flush. */
    void touch() {
        dirty = true;
    }

    /** Adds the W-gradient accumulators into {@code grad} and zeroes them. */
    void flush(double[] grad) {
        if (!dirty) {
            return;
        }
        for (int e = 0; e < emb.length; e++) {
            add(lay.embedding(e), gEmb[e], grad);
        }
        for (int t = 0; t < fit.length; t++) {
            add(lay.fitting(t), gFit[t], grad);
        }
        dirty = false;
    }

    private static void add(Layer[] ls, double[][] g, double[] grad) {
        for (int l = 0; l < ls.length; l++) {
            double[] gl = g[l];
            int w = ls[l].w();
            for (int i = 0; i < gl.length; i++) {
                grad[w + i] += gl[i];
            }
            java.util.Arrays.fill(gl, 0.0);
        }
    }
}
