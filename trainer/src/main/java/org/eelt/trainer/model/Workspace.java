package org.eelt.trainer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Scratch buffers of {@link SeE2aKernel} for one thread: per-atom work for every centre atom of
 * the chunk ({@link #CHUNK}) being evaluated, one {@link EmbedGroup} per embedding net and block of
 * {@link #BLOCK} atoms (all rows of the block that use that net, so each embedding layer is one
 * matrix product per block; kept until the block's backward pass), the fitting activations of all
 * atoms of the range (one product per centre type), copies of the weight matrices, and backward
 * scratch. Everything grows on demand. Never shared between threads.
 */
final class Workspace {
    /** Centre atoms per embedding block. */
    static final int BLOCK = 16;
    /** Centre atoms per chunk (fitting batch; bounds the kept embedding activations). */
    static final int CHUNK = 256;
    private final ParamLayout lay;
    private final List<AtomWork> atoms = new ArrayList<>();
    private final List<EmbedGroup[]> groups = new ArrayList<>();
    final Weights weights;
    final KernelDims dims;
    /** Fitting activations: fx[l] input of layer l, fh[l] activation, stacked rows. */
    final double[][] fx, fh;
    /** Backward scratch: two δ buffers that alternate between layers, δz, and the weight-gradient operand. */
    double[] s1, s2, dz, bw;
    int[] rowAtom;
    private int fitRows;

    Workspace(ParamLayout lay) {
        this.lay = lay;
        weights = new Weights(lay);
        dims = new KernelDims(lay.spec());
        Layer[] fl = lay.fitting(0);
        fx = new double[fl.length + 1][];
        fh = new double[fl.length][];
        s1 = s2 = dz = bw = new double[0];
        rowAtom = new int[0];
        ensureFitting(2 * BLOCK);
    }

    /** @return the work of the k-th atom of the range (created on first use). */
    AtomWork atom(int k) {
        while (atoms.size() <= k) {
            atoms.add(new AtomWork(lay));
        }
        return atoms.get(k);
    }

    /** @return the embedding groups of block b (created on first use). */
    EmbedGroup[] groups(int b) {
        while (groups.size() <= b) {
            EmbedGroup[] g = new EmbedGroup[lay.spec().embeddingNets()];
            for (int e = 0; e < g.length; e++) {
                g[e] = new EmbedGroup(lay.embedding(e));
            }
            groups.add(g);
        }
        return groups.get(b);
    }

    /** Makes the fitting activations hold {@code rows} stacked rows. */
    void ensureFitting(int rows) {
        if (rows <= fitRows) {
            return;
        }
        Layer[] fl = lay.fitting(0);
        fx[0] = new double[rows * lay.spec().descriptorSize()];
        for (int l = 0; l < fl.length; l++) {
            fx[l + 1] = new double[rows * fl[l].out()];
            fh[l] = new double[rows * fl[l].out()];
        }
        rowAtom = new int[rows];
        fitRows = rows;
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
