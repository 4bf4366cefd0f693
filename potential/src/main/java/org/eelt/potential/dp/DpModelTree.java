package org.eelt.potential.dp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds DeePMD-kit's dpmodel tree (maps, lists, scalars and {@link NdArray}s, key for key what
 * DeePMD-kit 3.0 serialises for a standard se_e2_a energy model) from a {@link DeepPotModel}, for
 * {@link DpModelYaml} and {@link EeltModelFile}.
 */
final class DpModelTree {
    private DpModelTree() {
    }

    /** @return the input-script view of the hyperparameters (DeePMD-kit's {@code model_def_script}). */
    static Map<String, Object> modelDefScript(DeepPotModel model) {
        SeE2aDescriptor d = model.descriptor();
        Map<String, Object> desc = new LinkedHashMap<>();
        desc.put("type", "se_e2_a");
        desc.put("sel", ints(d.sel()));
        desc.put("rcut_smth", d.rcutSmth());
        desc.put("rcut", d.rcut());
        desc.put("neuron", ints(d.neuron()));
        desc.put("resnet_dt", d.resnetDt());
        desc.put("axis_neuron", d.axisNeuron());
        desc.put("type_one_side", d.typeOneSide());
        desc.put("precision", "float64");
        Map<String, Object> fit = new LinkedHashMap<>();
        fit.put("type", "ener");
        fit.put("neuron", ints(model.fitting().neuron()));
        fit.put("resnet_dt", model.fitting().resnetDt());
        fit.put("precision", "float64");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type_map", model.typeMap());
        m.put("descriptor", desc);
        m.put("fitting_net", fit);
        return m;
    }

    /** @return the dpmodel tree of the model (maps, lists, scalars, {@link NdArray}s). */
    static Map<String, Object> toTree(DeepPotModel model) {
        int nt = model.ntypes();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@class", "Model");
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("out_bias", new NdArray(new int[] {1, nt, 1}, model.outBias()));
        vars.put("out_std", new NdArray(new int[] {1, nt, 1}, model.outStd()));
        m.put("@variables", vars);
        m.put("@version", 2);
        m.put("atom_exclude_types", ints(model.atomExcludeTypes()));
        m.put("descriptor", descriptorTree(model.descriptor(), model.typeMap()));
        m.put("fitting", fittingTree(model.fitting(), model.typeMap(), model.descriptor().dimOut()));
        m.put("pair_exclude_types", pairs(model.pairExcludeTypes()));
        m.put("preset_out_bias", null);
        m.put("rcond", null);
        m.put("type", "standard");
        m.put("type_map", model.typeMap());
        return m;
    }

    private static Map<String, Object> descriptorTree(SeE2aDescriptor d, List<String> typeMap) {
        int nt = d.ntypes();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@class", "Descriptor");
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("davg", new NdArray(new int[] {nt, d.nnei(), 4}, d.davg()));
        vars.put("dstd", new NdArray(new int[] {nt, d.nnei(), 4}, d.dstd()));
        m.put("@variables", vars);
        m.put("@version", 2);
        m.put("activation_function", d.embeddings().get(0).layers().get(0).activation().deepmdName());
        m.put("axis_neuron", d.axisNeuron());
        Map<String, Object> emb = new LinkedHashMap<>();
        emb.put("@class", "NetworkCollection");
        emb.put("@version", 1);
        emb.put("ndim", d.typeOneSide() ? 1 : 2);
        emb.put("network_type", "embedding_network");
        List<Object> nets = new ArrayList<>();
        for (DenseNet net : d.embeddings()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("@class", "EmbeddingNetwork");
            n.put("@version", 2);
            n.put("activation_function", net.layers().get(0).activation().deepmdName());
            n.put("bias", Boolean.TRUE);
            n.put("in_dim", 1);
            n.put("layers", layers(net));
            n.put("neuron", ints(d.neuron()));
            n.put("precision", "float64");
            n.put("resnet_dt", d.resnetDt());
            nets.add(n);
        }
        emb.put("networks", nets);
        emb.put("ntypes", nt);
        m.put("embeddings", emb);
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("rcut", d.rcut());
        env.put("rcut_smth", d.rcutSmth());
        m.put("env_mat", env);
        m.put("env_protection", d.envProtection());
        m.put("exclude_types", pairs(d.excludeTypes()));
        m.put("neuron", ints(d.neuron()));
        m.put("precision", "float64");
        m.put("rcut", d.rcut());
        m.put("rcut_smth", d.rcutSmth());
        m.put("resnet_dt", d.resnetDt());
        m.put("sel", ints(d.sel()));
        m.put("set_davg_zero", d.setDavgZero());
        m.put("spin", null);
        m.put("trainable", Boolean.TRUE);
        m.put("type", "se_e2_a");
        m.put("type_map", typeMap);
        m.put("type_one_side", d.typeOneSide());
        return m;
    }

    private static Map<String, Object> fittingTree(EnergyFitting f, List<String> typeMap, int dimDescrpt) {
        int nt = typeMap.size();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@class", "Fitting");
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("aparam_avg", null);
        vars.put("aparam_inv_std", null);
        vars.put("bias_atom_e", new NdArray(new int[] {nt, 1}, f.biasAtomE()));
        vars.put("fparam_avg", null);
        vars.put("fparam_inv_std", null);
        m.put("@variables", vars);
        m.put("@version", 2);
        m.put("activation_function", f.net(0).layers().get(0).activation().deepmdName());
        m.put("atom_ener", null);
        m.put("dim_descrpt", dimDescrpt);
        m.put("dim_out", 1);
        m.put("exclude_types", ints(f.excludeTypes()));
        m.put("layer_name", null);
        m.put("mixed_types", Boolean.FALSE);
        Map<String, Object> nets = new LinkedHashMap<>();
        nets.put("@class", "NetworkCollection");
        nets.put("@version", 1);
        nets.put("ndim", 1);
        nets.put("network_type", "fitting_network");
        List<Object> list = new ArrayList<>();
        for (DenseNet net : f.nets()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("@class", "FittingNetwork");
            n.put("@version", 1);
            n.put("activation_function", net.layers().get(0).activation().deepmdName());
            n.put("bias_out", net.layers().get(net.layers().size() - 1).bias() != null);
            n.put("in_dim", dimDescrpt);
            n.put("layers", layers(net));
            n.put("neuron", ints(f.neuron()));
            n.put("out_dim", 1);
            n.put("precision", "float64");
            n.put("resnet_dt", f.resnetDt());
            list.add(n);
        }
        nets.put("networks", list);
        nets.put("ntypes", nt);
        m.put("nets", nets);
        m.put("neuron", ints(f.neuron()));
        m.put("ntypes", nt);
        m.put("numb_aparam", 0);
        m.put("numb_fparam", 0);
        m.put("precision", "float64");
        m.put("rcond", null);
        m.put("resnet_dt", f.resnetDt());
        m.put("spin", null);
        m.put("tot_ener_zero", Boolean.FALSE);
        List<Object> trainable = new ArrayList<>();
        for (int i = 0; i < f.net(0).layers().size(); i++) {
            trainable.add(Boolean.TRUE);
        }
        m.put("trainable", trainable);
        m.put("type", "ener");
        m.put("type_map", typeMap);
        m.put("use_aparam_as_mask", Boolean.FALSE);
        m.put("var_name", "energy");
        return m;
    }

    private static List<Object> layers(DenseNet net) {
        List<Object> out = new ArrayList<>();
        for (DenseLayer l : net.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("@class", "Layer");
            Map<String, Object> vars = new LinkedHashMap<>();
            double[] b = l.bias();
            double[] idt = l.idt();
            vars.put("b", b == null ? null : new NdArray(new int[] {l.out()}, b));
            vars.put("idt", idt == null ? null : new NdArray(new int[] {l.out()}, idt));
            vars.put("w", new NdArray(new int[] {l.in(), l.out()}, l.weights()));
            m.put("@variables", vars);
            m.put("@version", 1);
            m.put("activation_function", l.activation().deepmdName());
            m.put("bias", b != null);
            m.put("precision", "float64");
            m.put("resnet", l.resnet());
            m.put("use_timestep", idt != null);
            out.add(m);
        }
        return out;
    }

    private static List<Integer> ints(int[] v) {
        List<Integer> l = new ArrayList<>();
        for (int x : v) {
            l.add(x);
        }
        return l;
    }

    private static List<Object> pairs(List<int[]> p) {
        List<Object> l = new ArrayList<>();
        for (int[] x : p) {
            l.add(ints(x));
        }
        return l;
    }
}
