package org.eelt.trainer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Where every weight of an se_e2_a model lives in one flat {@code double[]} parameter vector,
 * so optimizers and checkpoints work on plain arrays.
 *
 * <p>Order: the embedding nets (index {@link DpSpec#embeddingNet(int, int)}), each as layers
 * 1 → n₁ → … → M; then one fitting net per center type, M·M₂ → f₁ → … → f_K → 1 (linear
 * output); then the per-type energy bias bias_atom_e (eV) at {@link #bias()}. With resnet_dt a
 * layer carries a timestep vector idt only when it also has a skip connection (out = in or
 * out = 2·in), as DeePMD-kit's networks and {@code org.eelt.potential.dp} do.
 */
public final class ParamLayout {
    private final DpSpec spec;
    private final Layer[][] embed;
    private final Layer[][] fit;
    private final int bias;
    private final int size;

    /** @param spec the architecture */
    public ParamLayout(DpSpec spec) {
        this.spec = spec;
        int off = 0;
        int[] en = spec.embedding();
        embed = new Layer[spec.embeddingNets()][];
        for (int e = 0; e < embed.length; e++) {
            List<Layer> ls = new ArrayList<>();
            int in = 1;
            for (int w : en) {
                Layer l = layer(in, w, off, spec.resnetDtEmbed(), true);
                ls.add(l);
                off += l.size();
                in = w;
            }
            embed[e] = ls.toArray(new Layer[0]);
        }
        int[] fn = spec.fitting();
        fit = new Layer[spec.ntypes()][];
        for (int t = 0; t < fit.length; t++) {
            List<Layer> ls = new ArrayList<>();
            int in = spec.descriptorSize();
            for (int w : fn) {
                Layer l = layer(in, w, off, spec.resnetDtFit(), true);
                ls.add(l);
                off += l.size();
                in = w;
            }
            Layer last = layer(in, 1, off, false, false);
            ls.add(last);
            off += last.size();
            fit[t] = ls.toArray(new Layer[0]);
        }
        bias = off;
        size = off + spec.ntypes();
    }

    private static Layer layer(int in, int out, int off, boolean dt, boolean tanh) {
        int w = off, b = off + in * out;
        int skip = Layer.skipFor(in, out, tanh);
        int idt = dt && skip != 0 ? b + out : -1;
        return new Layer(in, out, w, b, idt, tanh, skip);
    }

    /** @return the architecture. */
    public DpSpec spec() {
        return spec;
    }

    /** @return the layers of embedding net e. */
    public Layer[] embedding(int e) {
        return embed[e];
    }

    /** @return the layers of the fitting net of center type t (last one linear, width 1). */
    public Layer[] fitting(int t) {
        return fit[t];
    }

    /** @return offset of bias_atom_e (ntypes entries, eV). */
    public int bias() {
        return bias;
    }

    /** @return the total number of parameters. */
    public int size() {
        return size;
    }
}
