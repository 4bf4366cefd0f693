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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EELT's own Deep Potential model file: YAML with a format tag and version, the architecture,
 * the type map, provenance and the parameters in DeePMD-kit's dpmodel schema (so the
 * {@code model} section is also what {@link DpModelYaml} reads). Doubles are written with
 * {@link Double#toString(double)}, which parses back to the identical binary64 value, so a
 * write → read round trip is bit-exact.
 *
 * <pre>
 * format: "eelt-dp"
 * version: 1
 * type_map: ["O", "H"]
 * architecture: {descriptor: se_e2_a, rcut: ..., sel: [...], ...}
 * provenance: {source, seed, data_snapshot, code_version, training_steps, created_epoch_ms}
 * model: { "@class": Model, ... }        # DeePMD-kit dpmodel tree
 * </pre>
 *
 * <p>Version history:
 * <ul>
 *   <li>1 (EELT 0.1.0): first version; se_e2_a descriptor with energy fitting.</li>
 * </ul>
 * Readers accept every version up to {@link #VERSION}; older versions stay loadable.
 *
 * @param model      the model
 * @param provenance where it came from
 */
public record EeltModelFile(DeepPotModel model, ModelProvenance provenance) {
    /** Format tag. */
    public static final String FORMAT = "eelt-dp";
    /** Current (and highest readable) version. */
    public static final int VERSION = 1;

    /** @return the architecture of the model. */
    public DpArchitecture architecture() {
        return DpArchitecture.of(model);
    }

    /** Writes this file. */
    public void write(Path file) throws IOException {
        Files.writeString(file, toYaml(), StandardCharsets.UTF_8);
    }

    /** @return the file text. */
    public String toYaml() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("type_map", model.typeMap());
        root.put("architecture", architecture().toMap());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source", provenance.source());
        p.put("seed", provenance.seed());
        p.put("data_snapshot", provenance.dataSnapshotId());
        p.put("code_version", provenance.codeVersion());
        p.put("training_steps", provenance.trainingSteps());
        p.put("created_epoch_ms", provenance.createdEpochMs());
        root.put("provenance", p);
        root.put("model", DpModelYaml.toTree(model));
        return YamlWriter.write(root, "EELT Deep Potential model (format eelt-dp, version " + VERSION + ")");
    }

    /** Reads a model file. */
    public static EeltModelFile read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * @param text file text
     * @param name file name for messages
     * @return the model and its provenance
     * @throws FormatException naming the key on a wrong format tag, an unknown version, or any model problem
     */
    public static EeltModelFile parse(String text, String name) {
        Object root;
        try {
            LoaderOptions opts = new LoaderOptions();
            opts.setCodePointLimit(Integer.MAX_VALUE);
            root = new Yaml(new SafeConstructor(opts)).load(text);
        } catch (YAMLException e) {
            throw new FormatException(name, "", "not valid YAML: " + e.getMessage(), "check the file syntax");
        }
        YamlNode top = new YamlNode(name, "", root);
        String format = top.get("format").asString();
        if (!format.equals(FORMAT)) {
            throw top.get("format").error("format is '" + format + "', expected '" + FORMAT + "'",
                    "for a DeePMD-kit dpmodel file use DpModelYaml");
        }
        int version = top.get("version").asInt();
        if (version < 1 || version > VERSION) {
            throw top.get("version").error("unknown eelt-dp version " + version + " (this EELT reads 1.." + VERSION + ")",
                    "upgrade EELT to read files written by a newer version");
        }
        DeepPotModel model = DpModelYaml.fromTree(top.get("model"));
        List<String> typeMap = top.get("type_map").asStringList();
        if (!typeMap.equals(model.typeMap())) {
            throw top.get("type_map").error("type_map " + typeMap + " differs from the model's " + model.typeMap(), "");
        }
        YamlNode p = top.get("provenance");
        ModelProvenance prov = new ModelProvenance(p.get("source").asString(), asLong(p.get("seed")),
                p.get("data_snapshot").asString(), p.get("code_version").asString(), asLong(p.get("training_steps")),
                asLong(p.get("created_epoch_ms")));
        EeltModelFile f = new EeltModelFile(model, prov);
        YamlNode arch = top.get("architecture");
        if (!arch.get("descriptor").asString().equals("se_e2_a")) {
            throw arch.get("descriptor").error("unknown descriptor", "use se_e2_a");
        }
        return f;
    }

    private static long asLong(YamlNode n) {
        if (n.value instanceof Number num && !(n.value instanceof Double) && !(n.value instanceof Float)) {
            return num.longValue();
        }
        throw n.error("expected an integer, found " + YamlNode.describe(n.value), "write an integer");
    }
}
