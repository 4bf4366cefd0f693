package org.eelt.trainer.model;

/**
 * Per-atom scratch of {@link SeE2aKernel}: environment rows, embedding activations of every
 * neighbor-type block, T, the descriptor and their tangents and adjoints. One per atom of a
 * block; owned by one {@link Workspace}, never shared between threads.
 */
final class AtomWork {
    final double[][][] ex, exT, eh, ehT;
    final double[] rhat, rhatT, drhat;
    final double[] t, tT, dt, dtT;
    final double[] desc, descT, dDesc, dDescT;
    final double[] d1, d1T, d2, d2T;
    final int[] nReal, nPad;
    int atom;
    int type;

    AtomWork(ParamLayout lay) {
        DpSpec s = lay.spec();
        int nt = s.ntypes(), nnei = s.nnei(), m = s.embedWidth();
        int[] sel = s.sel();
        Layer[] el = lay.embedding(0);
        ex = new double[nt][el.length + 1][];
        exT = new double[nt][el.length + 1][];
        eh = new double[nt][el.length][];
        ehT = new double[nt][el.length][];
        int maxW = 1, maxSel = 0;
        for (int t = 0; t < nt; t++) {
            maxSel = Math.max(maxSel, sel[t]);
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
        rhat = new double[nnei * 4];
        rhatT = new double[nnei * 4];
        drhat = new double[nnei * 4];
        t = new double[m * 4];
        tT = new double[m * 4];
        dt = new double[m * 4];
        dtT = new double[m * 4];
        int ds = s.descriptorSize();
        desc = new double[ds];
        descT = new double[ds];
        dDesc = new double[ds];
        dDescT = new double[ds];
        int big = maxSel * maxW;
        d1 = new double[big];
        d1T = new double[big];
        d2 = new double[big];
        d2T = new double[big];
        nReal = new int[nt];
        nPad = new int[nt];
    }
}
