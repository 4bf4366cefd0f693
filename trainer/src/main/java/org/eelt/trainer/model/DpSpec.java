package org.eelt.trainer.model;

import java.util.Arrays;
import java.util.List;

/**
 * Architecture of a DeepPot-SE ("se_e2_a") energy model, as in DeePMD-kit's {@code input.json}.
 *
 * @param typeMap        type names; index = type id
 * @param sel            neighbor slots per neighbor type (nearest first), N_c = Σ sel
 * @param rcut           cutoff r_c in Å
 * @param rcutSmth       start of the smooth switch r_s in Å (0 ≤ r_s &lt; r_c)
 * @param embedding      embedding-net widths, e.g. [25, 50, 100]; M = the last one
 * @param axisNeuron     M₂, the number of axis rows of the descriptor (≤ M)
 * @param fitting        hidden widths of the fitting net, e.g. [240, 240, 240]
 * @param resnetDtEmbed  whether embedding layers carry a timestep vector (idt)
 * @param resnetDtFit    whether fitting hidden layers carry a timestep vector (idt)
 * @param typeOneSide    embedding net per neighbor type only (true) or per (center, neighbor) pair
 */
public record DpSpec(List<String> typeMap, int[] sel, double rcut, double rcutSmth, int[] embedding,
                     int axisNeuron, int[] fitting, boolean resnetDtEmbed, boolean resnetDtFit,
                     boolean typeOneSide) {

    /** Validates the architecture; messages name the offending key. */
    public DpSpec {
        typeMap = List.copyOf(typeMap);
        sel = sel.clone();
        embedding = embedding.clone();
        fitting = fitting.clone();
        if (typeMap.isEmpty()) {
            throw new IllegalArgumentException("model.type_map is empty: list the atom type names, e.g. [\"O\", \"H\"]");
        }
        if (sel.length != typeMap.size()) {
            throw new IllegalArgumentException("model.descriptor.sel has " + sel.length + " entries but type_map has "
                    + typeMap.size() + ": give one neighbor count per type");
        }
        for (int s : sel) {
            if (s <= 0) {
                throw new IllegalArgumentException("model.descriptor.sel entries must be > 0, got " + Arrays.toString(sel));
            }
        }
        if (!(rcut > 0) || !(rcutSmth >= 0) || !(rcutSmth < rcut)) {
            throw new IllegalArgumentException("model.descriptor: need 0 <= rcut_smth < rcut, got rcut_smth "
                    + rcutSmth + ", rcut " + rcut);
        }
        if (embedding.length == 0 || fitting.length == 0) {
            throw new IllegalArgumentException("model.descriptor.neuron and model.fitting_net.neuron must be non-empty");
        }
        for (int w : embedding) {
            if (w <= 0) {
                throw new IllegalArgumentException("model.descriptor.neuron widths must be > 0: " + Arrays.toString(embedding));
            }
        }
        for (int w : fitting) {
            if (w <= 0) {
                throw new IllegalArgumentException("model.fitting_net.neuron widths must be > 0: " + Arrays.toString(fitting));
            }
        }
        if (axisNeuron <= 0 || axisNeuron > embedding[embedding.length - 1]) {
            throw new IllegalArgumentException("model.descriptor.axis_neuron must be in 1.."
                    + embedding[embedding.length - 1] + " (the last embedding width), got " + axisNeuron);
        }
    }

    /** @return the number of atom types. */
    public int ntypes() {
        return typeMap.size();
    }

    /** @return N_c = Σ sel, the neighbor slots per atom. */
    public int nnei() {
        return Arrays.stream(sel).sum();
    }

    /** @return the first slot of neighbor type t (t = ntypes gives N_c). */
    public int selOffset(int t) {
        int o = 0;
        for (int k = 0; k < t; k++) {
            o += sel[k];
        }
        return o;
    }

    /** @return M, the embedding output width. */
    public int embedWidth() {
        return embedding[embedding.length - 1];
    }

    /** @return the descriptor length M·M₂. */
    public int descriptorSize() {
        return embedWidth() * axisNeuron;
    }

    /** @return the number of embedding nets: ntypes (type_one_side) or ntypes². */
    public int embeddingNets() {
        return typeOneSide ? ntypes() : ntypes() * ntypes();
    }

    /** @return the embedding net used for center type ti and neighbor type tj. */
    public int embeddingNet(int ti, int tj) {
        return typeOneSide ? tj : ti * ntypes() + tj;
    }

    @Override
    public int[] sel() {
        return sel.clone();
    }

    @Override
    public int[] embedding() {
        return embedding.clone();
    }

    @Override
    public int[] fitting() {
        return fitting.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DpSpec s && typeMap.equals(s.typeMap) && Arrays.equals(sel, s.sel) && rcut == s.rcut
                && rcutSmth == s.rcutSmth && Arrays.equals(embedding, s.embedding) && axisNeuron == s.axisNeuron
                && Arrays.equals(fitting, s.fitting) && resnetDtEmbed == s.resnetDtEmbed
                && resnetDtFit == s.resnetDtFit && typeOneSide == s.typeOneSide;
    }

    @Override
    public int hashCode() {
        return typeMap.hashCode() * 31 + Arrays.hashCode(sel) * 7 + Arrays.hashCode(embedding) + Arrays.hashCode(fitting);
    }

    @Override
    public String toString() {
        return "se_e2_a" + typeMap + " sel=" + Arrays.toString(sel) + " rcut=" + rcut + " rcut_smth=" + rcutSmth
                + " neuron=" + Arrays.toString(embedding) + " axis=" + axisNeuron + " fitting="
                + Arrays.toString(fitting) + (typeOneSide ? " type_one_side" : "");
    }
}
