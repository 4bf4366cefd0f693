package org.eelt.trainer.model;

/**
 * Scratch buffers of {@link SeE2aKernel} for one atom at a time: activations of every
 * embedding block and fitting layer, with their tangents, and backward buffers. One per
 * thread; never shared.
 */
final class Workspace {
    final double[][][] ex, exT, eh, ehT;
    final double[][] fx, fxT, fh, fhT;
    final double[] rhat, rhatT, drhat;
    final double[] t, tT, dt, dtT;
    final double[] d1, d1T, d2, d2T;
    final int[] nReal, nPad;

    Workspace(ParamLayout lay) {
        DpSpec s = lay.spec();
        int nt = s.ntypes(), nnei = s.nnei(), m = s.embedWidth();
        int[] sel = s.sel();
        Layer[] el = lay.embedding(0);
        ex = new double[nt][el.length + 1][];
        exT = new double[nt][el.length + 1][];
        eh = new double[nt][el.length][];
        ehT = new double[nt][el.length][];
        int maxW = 1;
        for (int t = 0; t < nt; t++) {
            ex[t][0] = new double[sel[t]];
            exT[t][0] = new double[sel[t]];
            for (int l = 0; l < el.length; l++) {
                int w = el[l].out();
                maxW = Math.max(maxW, w);
                ex[t][l + 1] = new double[sel[t] * w];
                exT[t][l + 1] = new double[sel[t] * w];
                eh[t][l] = new double[sel[t] * w];
                ehT[t][l] = new double[sel[t] * w];
            }
        }
        Layer[] fl = lay.fitting(0);
        fx = new double[fl.length + 1][];
        fxT = new double[fl.length + 1][];
        fh = new double[fl.length][];
        fhT = new double[fl.length][];
        fx[0] = new double[s.descriptorSize()];
        fxT[0] = new double[s.descriptorSize()];
        int maxF = s.descriptorSize();
        for (int l = 0; l < fl.length; l++) {
            int w = fl[l].out();
            maxF = Math.max(maxF, w);
            fx[l + 1] = new double[w];
            fxT[l + 1] = new double[w];
            fh[l] = new double[w];
            fhT[l] = new double[w];
        }
        rhat = new double[nnei * 4];
        rhatT = new double[nnei * 4];
        drhat = new double[nnei * 4];
        t = new double[m * 4];
        tT = new double[m * 4];
        dt = new double[m * 4];
        dtT = new double[m * 4];
        int maxSel = 0;
        for (int v : sel) {
            maxSel = Math.max(maxSel, v);
        }
        int big = Math.max(maxSel * maxW, maxF);
        nReal = new int[nt];
        nPad = new int[nt];
        d1 = new double[big];
        d1T = new double[big];
        d2 = new double[big];
        d2T = new double[big];
    }
}
