package org.eelt.potential.dp;

import org.eelt.protocol.io.FormatException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Import and export of DeePMD-kit's backend-independent model format ("dpmodel" YAML, as written
 * by {@code dp convert-backend model.pth model.yaml} and read by {@code dp convert-backend
 * model.yaml model.pth}) for {@code standard} energy models with an {@code se_e2_a} descriptor.
 *
 * <p>Accepted versions ({@code @version}): Model 1–2, Descriptor 1–2, Fitting 1–3,
 * NetworkCollection 1, EmbeddingNetwork 1–2, FittingNetwork 1, Layer 1–2, np.ndarray 1.
 * Anything else, an unknown {@code @class} or {@code type}, or a variable whose shape does not
 * match the architecture is a {@link FormatException} naming the file and key path.
 * Export writes the versions DeePMD-kit 3.0 writes (Model 2, Descriptor 2, Fitting 2, Layer 1).
 */
public final class DpModelYaml {
    private DpModelYaml() {
    }

    /** Reads a dpmodel YAML file. */
    public static DeepPotModel read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * @param text YAML text
     * @param name file name for messages
     * @return the model
     * @throws FormatException on any schema, version or shape problem
     */
    public static DeepPotModel parse(String text, String name) {
        Object root;
        try {
            LoaderOptions opts = new LoaderOptions();
            opts.setCodePointLimit(Integer.MAX_VALUE);
            opts.setMaxAliasesForCollections(1000);
            root = new Yaml(new SafeConstructor(opts)).load(text);
        } catch (YAMLException e) {
            throw new FormatException(name, "", "not valid YAML: " + e.getMessage(), "check the file syntax");
        }
        YamlNode top = new YamlNode(name, "", root);
        top.asMap();
        YamlNode model = top.has("model") ? top.get("model") : top;
        return fromTree(model);
    }

    /** Builds a model from the {@code model} node of a dpmodel tree. */
    static DeepPotModel fromTree(YamlNode model) {
        checkClass(model, "Model");
        checkVersion(model, 1, 2);
        String type = model.opt("type", "standard").asString();
        if (!type.equals("standard")) {
            throw model.get("type").error("model type '" + type + "' is not supported", "use a standard energy model");
        }
        List<String> typeMap = model.get("type_map").asStringList();
        int nt = typeMap.size();
        SeE2aDescriptor desc = descriptor(model.get("descriptor"), nt);
        EnergyFitting fit = fitting(model.get("fitting"), nt, desc.dimOut());
        YamlNode vars = model.opt("@variables", Map.of());
        double[] outBias = new double[nt];
        double[] outStd = new double[nt];
        java.util.Arrays.fill(outStd, 1.0);
        if (vars.has("out_bias") && !vars.get("out_bias").isNull()) {
            outBias = shaped(vars.get("out_bias"), new int[] {1, nt, 1}, new int[] {nt, 1}, new int[] {nt});
        }
        if (vars.has("out_std") && !vars.get("out_std").isNull()) {
            outStd = shaped(vars.get("out_std"), new int[] {1, nt, 1}, new int[] {nt, 1}, new int[] {nt});
        }
        int[] atomEx = model.opt("atom_exclude_types", List.of()).asIntArray();
        List<int[]> pairEx = model.opt("pair_exclude_types", List.of()).asIntPairs();
        try {
            return new DeepPotModel(typeMap, desc, fit, outBias, outStd, atomEx, pairEx);
        } catch (IllegalArgumentException e) {
            throw model.error(e.getMessage(), "make the model's parts consistent");
        }
    }

    private static SeE2aDescriptor descriptor(YamlNode d, int nt) {
        checkClass(d, "Descriptor");
        checkVersion(d, 1, 2);
        String type = d.get("type").asString();
        if (!type.equals("se_e2_a") && !type.equals("se_a")) {
            throw d.get("type").error("descriptor type '" + type + "' is not supported", "use se_e2_a (se_a)");
        }
        if (!d.opt("spin", null).isNull()) {
            throw d.get("spin").error("spin models are not supported", "remove spin");
        }
        String act = d.opt("activation_function", "tanh").asString();
        if (Activation.fromDeepmdName(act) == null) {
            throw d.get("activation_function").error("activation '" + act + "' is not supported", "use tanh");
        }
        double rcut = d.get("rcut").asDouble();
        double rcutSmth = d.get("rcut_smth").asDouble();
        int[] sel = d.get("sel").asIntArray();
        if (sel.length != nt) {
            throw d.get("sel").error("sel has " + sel.length + " entries but type_map has " + nt, "give one sel per type");
        }
        int[] neuron = d.get("neuron").asIntArray();
        int axis = d.get("axis_neuron").asInt();
        boolean oneSide = d.opt("type_one_side", true).asBool();
        boolean resnetDt = d.opt("resnet_dt", false).asBool();
        List<int[]> excl = d.opt("exclude_types", List.of()).asIntPairs();
        double prot = d.opt("env_protection", 0.0).asDouble();
        boolean davgZero = d.opt("set_davg_zero", false).asBool();
        int nnei = 0;
        for (int s : sel) {
            nnei += s;
        }
        YamlNode vars = d.get("@variables");
        double[] davg = shaped(vars.get("davg"), new int[] {nt, nnei, 4});
        double[] dstd = shaped(vars.get("dstd"), new int[] {nt, nnei, 4});
        YamlNode emb = d.get("embeddings");
        checkClass(emb, "NetworkCollection");
        checkVersion(emb, 1, 1);
        int ndim = emb.get("ndim").asInt();
        if (ndim != (oneSide ? 1 : 2)) {
            throw emb.get("ndim").error("ndim " + ndim + " contradicts type_one_side=" + oneSide,
                    "ndim must be 1 when type_one_side is true, 2 otherwise");
        }
        List<YamlNode> nets = emb.get("networks").asList();
        int expected = oneSide ? nt : nt * nt;
        if (nets.size() != expected) {
            throw emb.get("networks").error("found " + nets.size() + " networks, expected " + expected, "");
        }
        List<DenseNet> embeddings = new ArrayList<>();
        for (YamlNode net : nets) {
            checkClass(net, "EmbeddingNetwork");
            checkVersion(net, 1, 2);
            embeddings.add(network(net, 1, neuron[neuron.length - 1]));
        }
        try {
            return new SeE2aDescriptor(rcut, rcutSmth, sel, neuron, axis, oneSide, resnetDt, excl, prot, davgZero, davg,
                    dstd, embeddings);
        } catch (IllegalArgumentException e) {
            throw d.error(e.getMessage(), "fix the descriptor parameters");
        }
    }

    private static EnergyFitting fitting(YamlNode f, int nt, int dimDescrpt) {
        checkClass(f, "Fitting");
        checkVersion(f, 1, 3);
        String type = f.get("type").asString();
        if (!type.equals("ener")) {
            throw f.get("type").error("fitting type '" + type + "' is not supported", "use an energy (ener) fitting");
        }
        for (String key : new String[] {"numb_fparam", "numb_aparam", "dim_case_embd"}) {
            if (f.has(key) && f.get(key).asInt() != 0) {
                throw f.get(key).error(key + " = " + f.get(key).asInt() + " is not supported", "use 0");
            }
        }
        if (f.opt("mixed_types", false).asBool()) {
            throw f.get("mixed_types").error("mixed_types fitting is not supported with se_e2_a", "set mixed_types: false");
        }
        int dim = f.opt("dim_descrpt", dimDescrpt).asInt();
        if (dim != dimDescrpt) {
            throw f.get("dim_descrpt").error("dim_descrpt " + dim + " but the descriptor gives " + dimDescrpt, "");
        }
        int[] neuron = f.get("neuron").asIntArray();
        boolean resnetDt = f.opt("resnet_dt", true).asBool();
        int[] excl = f.opt("exclude_types", List.of()).asIntArray();
        double[] bias = shaped(f.get("@variables").get("bias_atom_e"), new int[] {nt, 1}, new int[] {nt});
        YamlNode nets = f.get("nets");
        checkClass(nets, "NetworkCollection");
        checkVersion(nets, 1, 1);
        if (nets.get("ndim").asInt() != 1) {
            throw nets.get("ndim").error("fitting nets must have ndim 1 (one per type)", "");
        }
        List<YamlNode> list = nets.get("networks").asList();
        if (list.size() != nt) {
            throw nets.get("networks").error("found " + list.size() + " networks, expected " + nt, "");
        }
        List<DenseNet> out = new ArrayList<>();
        for (YamlNode net : list) {
            checkClass(net, "FittingNetwork");
            checkVersion(net, 1, 1);
            out.add(network(net, dimDescrpt, 1));
        }
        return new EnergyFitting(out, bias, neuron, resnetDt, excl);
    }

    private static DenseNet network(YamlNode net, int in, int out) {
        List<YamlNode> layers = net.get("layers").asList();
        List<DenseLayer> result = new ArrayList<>();
        int width = in;
        for (YamlNode l : layers) {
            checkClass(l, "Layer");
            checkVersion(l, 1, 2);
            YamlNode vars = l.get("@variables");
            NdArray w = NdArray.parse(vars.get("w"));
            if (w.shape().length != 2 || w.shape()[0] != width) {
                throw vars.get("w").error("w has shape " + w.shapeString() + " but the previous layer gives width "
                        + width + ", so w must be (" + width + ", n)", "fix the layer's weight matrix");
            }
            int o = w.shape()[1];
            double[] b = optionalVector(vars, "b", o);
            double[] idt = optionalVector(vars, "idt", o);
            String actName = l.opt("activation_function", "none").asString();
            Activation act = Activation.fromDeepmdName(actName);
            if (act == null) {
                throw l.get("activation_function").error("activation '" + actName + "' is not supported", "use tanh");
            }
            boolean resnet = l.opt("resnet", false).asBool();
            result.add(new DenseLayer(width, o, w.data(), b, idt, act, resnet));
            width = o;
        }
        if (result.isEmpty() || width != out) {
            throw net.get("layers").error("network output width " + width + ", expected " + out, "");
        }
        return new DenseNet(result);
    }

    private static double[] optionalVector(YamlNode vars, String key, int n) {
        if (!vars.has(key) || vars.get(key).isNull()) {
            return null;
        }
        return shaped(vars.get(key), new int[] {n}, new int[] {1, n});
    }

    /** Parses an ndarray and checks its shape against one of the accepted shapes. */
    private static double[] shaped(YamlNode node, int[]... accepted) {
        NdArray a = NdArray.parse(node);
        for (int[] s : accepted) {
            if (java.util.Arrays.equals(s, a.shape())) {
                return a.data();
            }
        }
        throw node.error("variable has shape " + a.shapeString() + " but the architecture needs "
                        + new NdArray(accepted[0], new double[size(accepted[0])]).shapeString(),
                "regenerate the model file; its variables do not match its hyperparameters");
    }

    private static int size(int[] s) {
        int n = 1;
        for (int v : s) {
            n *= v;
        }
        return n;
    }

    private static void checkClass(YamlNode n, String expected) {
        String c = n.get("@class").asString();
        if (!c.equals(expected)) {
            throw n.get("@class").error("unknown @class '" + c + "', expected '" + expected + "'",
                    "this reader supports DeePMD-kit standard se_e2_a energy models");
        }
    }

    private static void checkVersion(YamlNode n, int min, int max) {
        int v = n.opt("@version", 1).asInt();
        if (v < min || v > max) {
            throw n.get("@version").error("unsupported @version " + v + " for @class '" + n.get("@class").asString()
                    + "' (supported " + min + ".." + max + ")", "convert the model with a DeePMD-kit version "
                    + "whose dpmodel format is supported, or upgrade EELT");
        }
    }

    // ------------------------------------------------------------------ export

    /** Writes the model as dpmodel YAML. */
    public static void write(DeepPotModel model, Path file) throws IOException {
        Files.writeString(file, toYaml(model), StandardCharsets.UTF_8);
    }

    /** @return the model as dpmodel YAML text (loadable by DeePMD-kit's {@code dp convert-backend}). */
    public static String toYaml(DeepPotModel model) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@variables", new LinkedHashMap<>());
        root.put("backend", "DP");
        root.put("software", "eelt");
        root.put("version", org.eelt.protocol.atoms.CodeVersion.get());
        root.put("model", toTree(model));
        root.put("model_def_script", modelDefScript(model));
        return YamlWriter.write(root, null);
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
