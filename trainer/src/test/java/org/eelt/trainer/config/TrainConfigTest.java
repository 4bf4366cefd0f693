package org.eelt.trainer.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainConfigTest {
    static final String WATER = """
            {
              "_comment": "DeePMD-kit water se_e2_a example",
              "model": {
                "type_map": ["O", "H"],
                "descriptor": {"type": "se_e2_a", "sel": [46, 92], "rcut_smth": 0.50, "rcut": 6.00,
                               "neuron": [25, 50, 100], "resnet_dt": false, "axis_neuron": 16, "seed": 1},
                "fitting_net": {"neuron": [240, 240, 240], "resnet_dt": true, "seed": 1}
              },
              "learning_rate": {"type": "exp", "decay_steps": 5000, "start_lr": 0.001, "stop_lr": 3.51e-8},
              "loss": {"type": "ener", "start_pref_e": 0.02, "limit_pref_e": 1, "start_pref_f": 1000,
                       "limit_pref_f": 1, "start_pref_v": 0, "limit_pref_v": 0},
              "training": {
                "training_data": {"systems": ["data_0", "data_1", "data_2"], "batch_size": "auto"},
                "validation_data": {"systems": ["data_3"], "batch_size": 1, "numb_btch": 3},
                "numb_steps": 1000000, "seed": 10, "disp_file": "lcurve.out", "disp_freq": 100, "save_freq": 1000
              }
            }
            """;

    @Test
    void theShippedOneHourWaterRecipeParsesWithChangeBias() throws java.io.IOException {
        Path example = Path.of("..", "examples", "water-1h.json");
        TrainConfig c = TrainConfig.parse(example);
        assertTrue(c.changeBiasAfterTraining());
        assertArrayEquals(new int[] {16, 32, 64}, c.spec().embedding());
        assertEquals(8, c.spec().axisNeuron());
        assertEquals(3, c.training().systems().size());
        assertTrue(c.training().systems().get(0).normalize().endsWith(Path.of("shared", "data", "deepmd-water", "data_0")),
                c.training().systems().toString());
        assertTrue(!TrainConfig.parse(WATER, "input.json", Path.of("/data/water")).changeBiasAfterTraining(),
                "DeePMD-kit's default is false");
    }

    @Test
    void parsesDeepmdWaterInput() {
        TrainConfig c = TrainConfig.parse(WATER, "input.json", Path.of("/data/water"));
        assertEquals(List.of("O", "H"), c.spec().typeMap());
        assertArrayEquals(new int[] {46, 92}, c.spec().sel());
        assertEquals(6.0, c.spec().rcut());
        assertEquals(0.5, c.spec().rcutSmth());
        assertArrayEquals(new int[] {25, 50, 100}, c.spec().embedding());
        assertEquals(16, c.spec().axisNeuron());
        assertArrayEquals(new int[] {240, 240, 240}, c.spec().fitting());
        assertTrue(c.spec().resnetDtFit());
        assertEquals(5000, c.learningRate().decaySteps());
        assertEquals(1_000_000, c.numbSteps());
        assertEquals(3, c.training().systems().size());
        assertEquals(Path.of("/data/water/data_1"), c.training().systems().get(1));
        assertEquals(32, c.training().autoRule());
        assertEquals(1, c.training().batchSizeFor(0, 192));
        assertEquals(3, c.validation().numbBatch());
        assertEquals(Path.of("/data/water/lcurve.out"), c.dispFile());
        assertEquals(1000.0, c.prefactors().startF());
        assertEquals(Path.of("/data/water/model.ckpt"), c.saveCkpt());
    }

    @Test
    void yamlWorksToo() {
        String y = """
                model:
                  type_map: [Cu]
                  descriptor: {sel: [60], rcut: 5.0, rcut_smth: 2.0}
                training:
                  training_data: {systems: sys, batch_size: "auto:64"}
                  numb_steps: 10
                """;
        TrainConfig c = TrainConfig.parse(y, "in.yaml", Path.of("/x"));
        assertEquals(64, c.training().autoRule());
        assertEquals(4, c.training().batchSizeFor(0, 16));
        assertArrayEquals(new int[] {10, 20, 40}, c.spec().embedding());
        // decay_steps (default 5000) >= numb_steps: DeePMD-kit's default rule 10/100 + 1 = 1
        assertEquals(1, c.learningRate().decaySteps());
    }

    @Test
    void errorsNameTheKeyPath() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TrainConfig.parse(WATER.replace("\"rcut\": 6.00", "\"rcut\": \"six\""), "input.json", Path.of(".")));
        assertEquals("model.descriptor.rcut", e.keyPath());
        assertTrue(e.getMessage().startsWith("input.json: model.descriptor.rcut"), e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> TrainConfig.parse(WATER.replace("\"numb_steps\"", "\"numb_stepz\""), "input.json", Path.of(".")));
        assertTrue(e.getMessage().contains("training.numb_stepz") && e.getMessage().contains("unknown key"), e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> TrainConfig.parse(WATER.replace("[46, 92]", "[46]"), "input.json", Path.of(".")));
        assertTrue(e.getMessage().contains("sel has 1 entries"), e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> TrainConfig.parse(WATER.replace("\"batch_size\": \"auto\"", "\"batch_size\": \"lots\""), "input.json", Path.of(".")));
        assertEquals("training.training_data.batch_size", e.keyPath());
        e = assertThrows(ConfigException.class,
                () -> TrainConfig.parse(WATER.replace("[25, 50, 100]", "[25, \"x\", 100]"), "input.json", Path.of(".")));
        assertEquals("model.descriptor.neuron[1]", e.keyPath());
        e = assertThrows(ConfigException.class, () -> TrainConfig.parse(WATER.replace("\"seed\": 1}", "\"seed\": 1, "
                + "\"exclude_types\": [[0, 1]]}"), "input.json", Path.of(".")));
        assertEquals("model.descriptor.exclude_types", e.keyPath());
        e = assertThrows(ConfigException.class, () -> TrainConfig.parse(WATER.replace("\"limit_pref_v\": 0",
                "\"limit_pref_v\": 0, \"start_pref_ae\": 1"), "input.json", Path.of(".")));
        assertEquals("loss.start_pref_ae", e.keyPath());
        TrainConfig.parse(WATER.replace("\"save_freq\": 1000", "\"save_freq\": 1000, \"profiling_file\": \"t.json\", "
                + "\"_comment\": \"that's all\""), "input.json", Path.of("."));
        e = assertThrows(ConfigException.class, () -> TrainConfig.parse("{model: [", "input.json", Path.of(".")));
        assertEquals("<syntax>", e.keyPath());
    }
}
