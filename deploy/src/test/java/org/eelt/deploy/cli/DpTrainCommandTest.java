package org.eelt.deploy.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code eelt dp train} then {@code eelt dp test} on DeePMD-kit's water example, a few steps. */
class DpTrainCommandTest {
    @TempDir
    Path tmp;

    @Test
    void trainsWritesLcurveCheckpointAndBothModelFormatsThenTestsThem() throws Exception {
        Path water = CliTestSupport.shared().resolve("data/deepmd-water");
        Files.writeString(tmp.resolve("input.json"), """
                {"model": {"type_map": ["O", "H"],
                   "descriptor": {"type": "se_e2_a", "sel": [46, 92], "rcut_smth": 0.5, "rcut": 6.0,
                                  "neuron": [4, 8], "resnet_dt": false, "axis_neuron": 2, "seed": 1},
                   "fitting_net": {"neuron": [8, 8], "resnet_dt": true, "seed": 1}},
                 "learning_rate": {"type": "exp", "start_lr": 0.001, "stop_lr": 1e-4, "decay_steps": 2},
                 "loss": {"start_pref_e": 0.02, "limit_pref_e": 1, "start_pref_f": 1000, "limit_pref_f": 1},
                 "training": {"training_data": {"systems": ["%s"], "batch_size": 1},
                              "validation_data": {"systems": ["%s"], "batch_size": 1, "numb_btch": 1},
                              "numb_steps": 4, "seed": 3, "disp_freq": 2, "save_freq": 2}}
                """.formatted(water.resolve("data_0"), water.resolve("data_3")));
        CliTestSupport.Run train = CliTestSupport.run("dp", "train", tmp.resolve("input.json").toString());
        assertEquals(0, train.status(), train.err());
        for (String f : List.of("lcurve.out", "model.ckpt", "model.yaml", "model.deepmd.yaml")) {
            assertTrue(Files.isRegularFile(tmp.resolve(f)), f);
        }
        List<String> lcurve = Files.readAllLines(tmp.resolve("lcurve.out"));
        assertTrue(lcurve.get(0).matches("#\\s+step\\s+rmse_val\\s+rmse_trn\\s+rmse_e_val\\s+rmse_e_trn\\s+rmse_f_val\\s+rmse_f_trn\\s+lr"),
                lcurve.get(0));
        String json = null;
        for (String model : List.of("model.yaml", "model.deepmd.yaml")) {
            CliTestSupport.Run test = CliTestSupport.run("dp", "test", "--model", tmp.resolve(model).toString(),
                    "--system", water.resolve("data_3").toString(), "--json");
            assertEquals(0, test.status(), test.err());
            assertTrue(test.out().contains("\"rmse_e_per_atom\"") && test.out().contains("\"rmse_f\"")
                    && test.out().contains("\"rmse_v\": null"), test.out());
            if (json != null) {
                assertEquals(json, test.out(), "the DeePMD-kit export evaluates exactly like the EELT file");
            }
            json = test.out();
        }
    }

    @Test
    void badConfigNamesTheKeyPath() throws Exception {
        Files.writeString(tmp.resolve("bad.json"), "{\"model\": {\"type_map\": [\"O\"], \"descriptor\": {\"type\": \"se_e2_a\", "
                + "\"sel\": [46], \"rcut\": -1, \"rcut_smth\": 0.5, \"neuron\": [4]}, \"fitting_net\": {\"neuron\": [4]}}, "
                + "\"learning_rate\": {}, \"loss\": {}, \"training\": {\"training_data\": {\"systems\": [\"x\"]}, \"numb_steps\": 1}}");
        CliTestSupport.Run r = CliTestSupport.run("dp", "train", tmp.resolve("bad.json").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("rcut"), r.err());
    }
}
