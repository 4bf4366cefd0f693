package org.eelt.trainer.model;

/**
 * Scratch buffers of {@link SeE2aKernel} for one thread: per-atom work for a block of
 * {@link #BLOCK} centre atoms, one {@link EmbedGroup} per embedding net (all rows of the block
 * that use it, so each embedding layer is one matrix product per block), the row-batched
 * activations of the fitting nets (one product per block and centre type), copies of the
 * weight matrices, and backward scratch. Never shared between threads.
 */
final class Workspace {
    /** Centre atoms per block. */
    static final int BLOCK = 32;
    final AtomWork[] atoms;
    final EmbedGroup[] groups;
    final Weights weights;
    /** Fitting activations: fx[l] input of layer l, fh[l] activation, 2·BLOCK stacked rows. */
    final double[][] fx, fh;
    /** Backward scratch: two δ buffers that alternate between layers, δz, and the weight-gradient operand. */
    double[] s1, s2, dz, bw;
    final int[] rowAtom;

    Workspace(ParamLayout lay) {
        DpSpec s = lay.spec();
        atoms = new AtomWork[BLOCK];
        for (int k = 0; k < BLOCK; k++) {
            atoms[k] = new AtomWork(lay);
        }
        groups = new EmbedGroup[s.embeddingNets()];
        for (int e = 0; e < groups.length; e++) {
            groups[e] = new EmbedGroup(lay.embedding(e));
        }
        weights = new Weights(lay);
        Layer[] fl = lay.fitting(0);
        fx = new double[fl.length + 1][];
        fh = new double[fl.length][];
        fx[0] = new double[2 * BLOCK * s.descriptorSize()];
        for (int l = 0; l < fl.length; l++) {
            fx[l + 1] = new double[2 * BLOCK * fl[l].out()];
            fh[l] = new double[2 * BLOCK * fl[l].out()];
        }
        rowAtom = new int[BLOCK];
        s1 = s2 = dz = bw = new double[0];
    }

    /** Makes the backward scratch hold at least {@code size} values each. */
    void ensureScratch(int size) {
        if (s1.length < size) {
            s1 = new double[size];
            s2 = new double[size];
            dz = new double[size];
            bw = new double[size];
        }
    }
}
