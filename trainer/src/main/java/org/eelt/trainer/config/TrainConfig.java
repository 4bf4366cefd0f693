package org.eelt.trainer.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eelt.trainer.model.DpSpec;
import org.eelt.trainer.schedule.LearningRate;
import org.eelt.trainer.schedule.LossPrefactors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A DeePMD-kit style training input ({@code input.json}, or the same in YAML), validated.
 *
 * <p>Keys read (DeePMD-kit defaults in brackets): {@code model.type_map};
 * {@code model.descriptor.{type se_e2_a, sel, rcut, rcut_smth, neuron [10,20,40], axis_neuron [4],
 * resnet_dt [false], type_one_side [false], seed}}; {@code model.fitting_net.{neuron [120,120,120],
 * resnet_dt [true], seed}}; {@code learning_rate.{type exp, start_lr [1e-3], stop_lr [1e-8],
 * decay_steps [5000]}}; {@code loss.{type ener, start_pref_e [0.02], limit_pref_e [1], start_pref_f
 * [1000], limit_pref_f [1], start_pref_v [0], limit_pref_v [0]}}; {@code training.{training_data
 * {systems, batch_size ["auto"]}, validation_data {systems, batch_size, numb_btch [1]}, numb_steps,
 * seed, disp_file [lcurve.out], disp_freq [1000], save_freq [1000], save_ckpt [model.ckpt],
 * change_bias_after_training [false]}}.
 * Lengths Å (rcut), energies eV. Relative paths are resolved against the directory of the
 * config file. Unknown keys are errors (keys starting with '_' are comments).
 *
 * @param spec          model architecture
 * @param descriptorSeed seed of the embedding nets
 * @param fittingSeed   seed of the fitting nets
 * @param learningRate  learning-rate schedule
 * @param prefactors    loss prefactors
 * @param training      training data
 * @param validation    validation data, or null
 * @param numbSteps     number of optimizer steps
 * @param seed          seed of data shuffling
 * @param dispFile      lcurve file
 * @param dispFreq      steps between lcurve lines
 * @param saveFreq      steps between checkpoints
 * @param saveCkpt      checkpoint path
 * @param changeBiasAfterTraining shift the energy bias by the least-squares fit of the training
 *                      residuals after the last step ({@link org.eelt.trainer.BiasChange})
 */
public record TrainConfig(DpSpec spec, long descriptorSeed, long fittingSeed, LearningRate learningRate,
                          LossPrefactors prefactors, DataConfig training, DataConfig validation, long numbSteps,
                          long seed, Path dispFile, int dispFreq, int saveFreq, Path saveCkpt,
                          boolean changeBiasAfterTraining) {

    /** A config without change_bias_after_training (DeePMD-kit's default). */
    public TrainConfig(DpSpec spec, long descriptorSeed, long fittingSeed, LearningRate learningRate,
                       LossPrefactors prefactors, DataConfig training, DataConfig validation, long numbSteps,
                       long seed, Path dispFile, int dispFreq, int saveFreq, Path saveCkpt) {
        this(spec, descriptorSeed, fittingSeed, learningRate, prefactors, training, validation, numbSteps, seed,
                dispFile, dispFreq, saveFreq, saveCkpt, false);
    }

    /**
     * Parses a JSON or YAML file.
     *
     * @throws IOException     when the file cannot be read
     * @throws ConfigException naming the key path of the first problem
     */
    public static TrainConfig parse(Path file) throws IOException {
        Path base = file.toAbsolutePath().getParent();
        return parse(Files.readString(file), file.toString(), base);
    }

    /**
     * Parses JSON or YAML text.
     *
     * @param text    the document
     * @param name    its name for messages
     * @param baseDir directory that relative paths are resolved against
     */
    public static TrainConfig parse(String text, String name, Path baseDir) {
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new ConfigException(name, "<syntax>", "not valid JSON/YAML: " + e.getMessage());
        }
        Node root = new Node(name, "", doc);
        root.allowOnly(Set.of("model", "learning_rate", "loss", "training"));
        Node model = root.child("model", true);
        model.allowOnly(Set.of("type_map", "descriptor", "fitting_net", "data_stat_nbatch"));
        Node desc = model.child("descriptor", true);
        desc.allowOnly(Set.of("type", "sel", "rcut", "rcut_smth", "neuron", "axis_neuron", "resnet_dt",
                "type_one_side", "seed", "activation_function", "precision", "trainable", "set_davg_zero",
                "exclude_types", "env_protection"));
        onlyDefault(desc, "trainable", true, "frozen descriptors are not supported");
        onlyDefault(desc, "set_davg_zero", false, "davg is always computed from the data");
        onlyDefault(desc, "env_protection", 0.0, "only 0.0 is supported");
        if (desc.has("exclude_types") && !(desc.raw("exclude_types") instanceof List<?> l && l.isEmpty())) {
            throw desc.error("exclude_types", "type exclusions are not supported by the trainer; remove the key");
        }
        String type = desc.string("type", "se_e2_a");
        if (!type.equals("se_e2_a") && !type.equals("se_a")) {
            throw desc.error("type", "'" + type + "' is not supported; use se_e2_a");
        }
        checkActivation(desc);
        Node fit = model.child("fitting_net", false);
        fit.allowOnly(Set.of("neuron", "resnet_dt", "seed", "activation_function", "precision", "type", "trainable",
                "numb_fparam", "numb_aparam"));
        onlyDefault(fit, "trainable", true, "frozen fitting layers are not supported");
        onlyDefault(fit, "numb_fparam", 0L, "frame parameters are not supported");
        onlyDefault(fit, "numb_aparam", 0L, "atomic parameters are not supported");
        checkActivation(fit);
        if (desc.raw("sel") instanceof String) {
            throw desc.error("sel", "\"auto\" is not supported; give one neighbor count per type, e.g. [46, 92]");
        }
        DpSpec spec;
        try {
            spec = new DpSpec(model.stringList("type_map"), desc.intList("sel", null), desc.number("rcut", 6.0),
                    desc.number("rcut_smth", 0.5), desc.intList("neuron", new int[] {10, 20, 40}),
                    (int) desc.integer("axis_neuron", 4L), fit.intList("neuron", new int[] {120, 120, 120}),
                    desc.bool("resnet_dt", false), fit.bool("resnet_dt", true), desc.bool("type_one_side", false));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, "model", e.getMessage());
        }
        Node tr = root.child("training", true);
        // DeePMD-kit keys that only affect logging or tooling (disp_training … max_ckpt_keep) are
        // accepted and ignored; change_bias_after_training is read below
        tr.allowOnly(Set.of("training_data", "validation_data", "numb_steps", "seed", "disp_file", "disp_freq",
                "save_freq", "save_ckpt", "disp_training", "time_training", "profiling", "profiling_file", "stop_batch",
                "tensorboard", "tensorboard_log_dir", "tensorboard_freq", "numb_test", "max_ckpt_keep",
                "change_bias_after_training"));
        long steps = tr.has("numb_steps") ? tr.integer("numb_steps", null) : tr.integer("stop_batch", null);
        if (steps <= 0) {
            throw tr.error("numb_steps", "must be > 0, got " + steps);
        }
        Node lr = root.child("learning_rate", false);
        lr.allowOnly(Set.of("type", "start_lr", "stop_lr", "decay_steps", "scale_by_worker"));
        if (!lr.string("type", "exp").equals("exp")) {
            throw lr.error("type", "only 'exp' is supported");
        }
        LearningRate schedule;
        try {
            schedule = LearningRate.exp(lr.number("start_lr", 1e-3), lr.number("stop_lr", 1e-8),
                    (int) lr.integer("decay_steps", 5000L), steps);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, "learning_rate", e.getMessage());
        }
        Node loss = root.child("loss", false);
        loss.allowOnly(Set.of("type", "start_pref_e", "limit_pref_e", "start_pref_f", "limit_pref_f", "start_pref_v",
                "limit_pref_v", "start_pref_ae", "limit_pref_ae", "start_pref_pf", "limit_pref_pf"));
        for (String k : List.of("start_pref_ae", "limit_pref_ae", "start_pref_pf", "limit_pref_pf")) {
            onlyDefault(loss, k, 0.0, "atomic-energy and atom-prefactor losses are not supported; set 0 or remove");
        }
        if (!loss.string("type", "ener").equals("ener")) {
            throw loss.error("type", "only 'ener' is supported");
        }
        LossPrefactors pref;
        try {
            pref = new LossPrefactors(loss.number("start_pref_e", 0.02), loss.number("limit_pref_e", 1.0),
                    loss.number("start_pref_f", 1000.0), loss.number("limit_pref_f", 1.0),
                    loss.number("start_pref_v", 0.0), loss.number("limit_pref_v", 0.0));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, "loss", e.getMessage());
        }
        DataConfig train = data(tr.child("training_data", true), baseDir);
        DataConfig valid = tr.has("validation_data") ? data(tr.child("validation_data", true), baseDir) : null;
        long seed = tr.integer("seed", 1L);
        int dispFreq = (int) tr.integer("disp_freq", 1000L);
        int saveFreq = (int) tr.integer("save_freq", 1000L);
        if (dispFreq <= 0 || saveFreq <= 0) {
            throw tr.error(dispFreq <= 0 ? "disp_freq" : "save_freq", "must be > 0");
        }
        return new TrainConfig(spec, desc.integer("seed", seed), fit.integer("seed", seed + 1), schedule, pref,
                train, valid, steps, seed, baseDir.resolve(tr.string("disp_file", "lcurve.out")), dispFreq, saveFreq,
                baseDir.resolve(tr.string("save_ckpt", "model.ckpt")), tr.bool("change_bias_after_training", false));
    }

    /** Accepts a key only at its DeePMD-kit default, since any other value would change the model. */
    private static void onlyDefault(Node n, String key, Object def, String why) {
        if (!n.has(key)) {
            return;
        }
        Object v = n.raw(key);
        boolean same = def instanceof Number d ? v instanceof Number x && x.doubleValue() == d.doubleValue() : def.equals(v);
        if (!same) {
            throw n.error(key, "value " + v + " is not supported (" + why + ")");
        }
    }

    private static void checkActivation(Node n) {
        if (!n.string("activation_function", "tanh").equals("tanh")) {
            throw n.error("activation_function", "only tanh is supported");
        }
        String p = n.string("precision", "float64");
        if (!p.equals("float64") && !p.equals("default")) {
            throw n.error("precision", "EELT trains in float64; remove the key or set \"float64\"");
        }
    }

    private static DataConfig data(Node d, Path base) {
        d.allowOnly(Set.of("systems", "batch_size", "numb_btch", "set_prefix", "auto_prob", "sys_probs"));
        List<Path> systems = new ArrayList<>();
        for (String s : d.stringList("systems")) {
            systems.add(base.resolve(s).normalize());
        }
        Object bs = d.raw("batch_size");
        int auto = 0;
        int[] fixed = null;
        if (bs == null || bs instanceof String) {
            String s = bs == null ? "auto" : (String) bs;
            if (s.equals("auto")) {
                auto = 32;
            } else if (s.startsWith("auto:")) {
                try {
                    auto = Integer.parseInt(s.substring(5));
                } catch (NumberFormatException e) {
                    auto = -1;
                }
                if (auto <= 0) {
                    throw d.error("batch_size", "'" + s + "': use auto, auto:N with N > 0, an integer or a list");
                }
            } else {
                throw d.error("batch_size", "'" + s + "': use auto, auto:N, an integer or a list of integers");
            }
        } else if (bs instanceof Number) {
            fixed = new int[] {(int) d.integer("batch_size", null)};
        } else {
            fixed = d.intList("batch_size", null);
            if (fixed.length != systems.size()) {
                throw d.error("batch_size", "has " + fixed.length + " entries for " + systems.size() + " systems");
            }
        }
        if (fixed != null) {
            for (int v : fixed) {
                if (v <= 0) {
                    throw d.error("batch_size", "must be > 0, got " + v);
                }
            }
        }
        int nb = (int) d.integer("numb_btch", 1L);
        return new DataConfig(List.copyOf(systems), auto, fixed, nb);
    }
}
