package org.eelt.trainer.model;

/**
 * Scratch buffers of {@link SeE2aKernel} for one thread: per-atom work for a block of
 * {@link #BLOCK} centre atoms, and the row-batched activations of the fitting nets, which run
 * once per block and centre type (so each fitting weight matrix is streamed once per block
 * rather than once per atom). Never shared between threads.
 */
final class Workspace {
    /** Centre atoms per block. */
    static final int BLOCK = 32;
    final AtomWork[] atoms;
    final double[][] fx, fxT, fh, fhT;
    final double[] b1, b1T, b2, b2T;
    final int[] rowAtom;

    Workspace(ParamLayout lay) {
        DpSpec s = lay.spec();
        atoms = new AtomWork[BLOCK];
        for (int k = 0; k < BLOCK; k++) {
            atoms[k] = new AtomWork(lay);
        }
        Layer[] fl = lay.fitting(0);
        fx = new double[fl.length + 1][];
        fxT = new double[fl.length + 1][];
        fh = new double[fl.length][];
        fhT = new double[fl.length][];
        fx[0] = new double[BLOCK * s.descriptorSize()];
        fxT[0] = new double[BLOCK * s.descriptorSize()];
        int maxF = s.descriptorSize();
        for (int l = 0; l < fl.length; l++) {
            int w = fl[l].out();
            maxF = Math.max(maxF, w);
            fx[l + 1] = new double[BLOCK * w];
            fxT[l + 1] = new double[BLOCK * w];
            fh[l] = new double[BLOCK * w];
            fhT[l] = new double[BLOCK * w];
        }
        b1 = new double[BLOCK * maxF];
        b1T = new double[BLOCK * maxF];
        b2 = new double[BLOCK * maxF];
        b2T = new double[BLOCK * maxF];
        rowAtom = new int[BLOCK];
    }
}
