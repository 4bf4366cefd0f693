package org.eelt.potential.dp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hyperparameters of a DeepPot-SE energy model (what a DeePMD-kit input script's
 * {@code model} section fixes), without trained parameters.
 *
 * @param typeMap           type names, index = type id
 * @param rcut              cutoff r_c (Å)
 * @param rcutSmth          switch start r_s (Å)
 * @param sel               neighbor slots per type
 * @param neuron            embedding widths
 * @param axisNeuron        M₂
 * @param typeOneSide       embedding per neighbor type only
 * @param embeddingResnetDt idt in embedding layers
 * @param fittingNeuron     fitting hidden widths
 * @param fittingResnetDt   idt in fitting hidden layers
 */
public record DpArchitecture(List<String> typeMap, double rcut, double rcutSmth, int[] sel, int[] neuron, int axisNeuron,
                             boolean typeOneSide, boolean embeddingResnetDt, int[] fittingNeuron,
                             boolean fittingResnetDt) {
    /** Defensive copies. */
    public DpArchitecture {
        typeMap = List.copyOf(typeMap);
        sel = sel.clone();
        neuron = neuron.clone();
        fittingNeuron = fittingNeuron.clone();
        if (sel.length != typeMap.size()) {
            throw new IllegalArgumentException("sel has " + sel.length + " entries for " + typeMap.size() + " types");
        }
    }

    /**
     * DeePMD-kit's water example: sel [46, 92], r_c 6 Å, r_s 0.5 Å, embedding [25, 50, 100], axis 16,
     * fitting [240, 240, 240], resnet_dt true in the fitting.
     */
    public static DpArchitecture waterExample(boolean typeOneSide) {
        return new DpArchitecture(List.of("O", "H"), 6.0, 0.5, new int[] {46, 92}, new int[] {25, 50, 100}, 16,
                typeOneSide, false, new int[] {240, 240, 240}, true);
    }

    /** @return the architecture of a model. */
    public static DpArchitecture of(DeepPotModel m) {
        SeE2aDescriptor d = m.descriptor();
        return new DpArchitecture(m.typeMap(), d.rcut(), d.rcutSmth(), d.sel(), d.neuron(), d.axisNeuron(),
                d.typeOneSide(), d.resnetDt(), m.fitting().neuron(), m.fitting().resnetDt());
    }

    /** @return N_c = Σ sel. */
    public int nnei() {
        return Arrays.stream(sel).sum();
    }

    /** @return the architecture as an ordered map (for model files). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("descriptor", "se_e2_a");
        m.put("type_map", typeMap);
        m.put("rcut", rcut);
        m.put("rcut_smth", rcutSmth);
        m.put("sel", sel);
        m.put("neuron", neuron);
        m.put("axis_neuron", axisNeuron);
        m.put("type_one_side", typeOneSide);
        m.put("embedding_resnet_dt", embeddingResnetDt);
        m.put("fitting_neuron", fittingNeuron);
        m.put("fitting_resnet_dt", fittingResnetDt);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DpArchitecture a && typeMap.equals(a.typeMap) && rcut == a.rcut && rcutSmth == a.rcutSmth
                && Arrays.equals(sel, a.sel) && Arrays.equals(neuron, a.neuron) && axisNeuron == a.axisNeuron
                && typeOneSide == a.typeOneSide && embeddingResnetDt == a.embeddingResnetDt
                && Arrays.equals(fittingNeuron, a.fittingNeuron) && fittingResnetDt == a.fittingResnetDt;
    }

    @Override
    public int hashCode() {
        return typeMap.hashCode() * 31 + Arrays.hashCode(sel) * 17 + Arrays.hashCode(neuron);
    }

    @Override
    public String toString() {
        return "se_e2_a" + typeMap + " rcut=" + rcut + " rcut_smth=" + rcutSmth + " sel=" + Arrays.toString(sel)
                + " neuron=" + Arrays.toString(neuron) + " axis=" + axisNeuron + " type_one_side=" + typeOneSide
                + " fitting=" + Arrays.toString(fittingNeuron);
    }
}
