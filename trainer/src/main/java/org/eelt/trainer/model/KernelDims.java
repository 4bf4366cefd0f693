package org.eelt.trainer.model;

/**
 * The sizes of a {@link DpSpec} that the kernels read in their inner loops, computed once:
 * ntypes, N_c, M, M₂, sel, the first slot of each neighbor type and the embedding net of each
 * (centre type, neighbor type) pair. Immutable; arrays must not be modified.
 */
final class KernelDims {
    final int nt, nnei, m, m2, ds;
    final int[] sel, selOff;
    final int[][] net;

    KernelDims(DpSpec spec) {
        nt = spec.ntypes();
        nnei = spec.nnei();
        m = spec.embedWidth();
        m2 = spec.axisNeuron();
        ds = spec.descriptorSize();
        sel = spec.sel();
        selOff = new int[nt + 1];
        for (int t = 0; t <= nt; t++) {
            selOff[t] = spec.selOffset(t);
        }
        net = new int[nt][nt];
        for (int a = 0; a < nt; a++) {
            for (int b = 0; b < nt; b++) {
                net[a][b] = spec.embeddingNet(a, b);
            }
        }
    }
}
