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
 * The HDF5 variant ({@code .dp}) is not read; convert it first with
 * {@code dp convert-backend model.dp model.yaml}.
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
        root.put("model", DpModelTree.toTree(model));
        root.put("model_def_script", DpModelTree.modelDefScript(model));
        return YamlWriter.write(root, null);
    }


    /** @return the dpmodel tree of the model (see {@link DpModelTree#toTree}). */
    static Map<String, Object> toTree(DeepPotModel model) {
        return DpModelTree.toTree(model);
    }
}
