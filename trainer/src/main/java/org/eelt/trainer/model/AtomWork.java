package org.eelt.trainer.model;

/**
 * Per-atom scratch of {@link SeE2aKernel}: environment rows R̂ and their tangents and adjoints,
 * T (stored k-major, 4 × M), the descriptor and their tangents and adjoints, and where the
 * atom's rows sit in the block's {@link EmbedGroup}s. One per atom of a block; owned by one
 * {@link Workspace}, never shared between threads.
 */
final class AtomWork {
    final double[] rhat, rhatT, drhat;
    /** Scratch: the rows of one neighbor type weighted by 1/N_c (padded row: n_pad/N_c), and their tangents. */
    final double[] rw, rwT;
    final double[] t, tT, dt, dtT;
    final double[] desc, descT, dDesc, dDescT;
    /** Per neighbor type: real rows, padded slots, first row in its embedding group. */
    final int[] nReal, nPad, rowStart;
    int atom;
    int type;

    AtomWork(ParamLayout lay) {
        DpSpec s = lay.spec();
        int nt = s.ntypes(), nnei = s.nnei(), m = s.embedWidth();
        rhat = new double[nnei * 4];
        rhatT = new double[nnei * 4];
        drhat = new double[nnei * 4];
        rw = new double[nnei * 4];
        rwT = new double[nnei * 4];
        t = new double[m * 4];
        tT = new double[m * 4];
        dt = new double[m * 4];
        dtT = new double[m * 4];
        int ds = s.descriptorSize();
        desc = new double[ds];
        descT = new double[ds];
        dDesc = new double[ds];
        dDescT = new double[ds];
        nReal = new int[nt];
        nPad = new int[nt];
        rowStart = new int[nt];
    }

    /** @return rows evaluated for neighbor type t: the real ones plus one for all padded slots. */
    int rows(int t) {
        return nReal[t] + (nPad[t] > 0 ? 1 : 0);
    }
}
