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
        // dp change-bias on the training data: the energy RMSE there drops, forces stay, provenance is kept
        for (String model : List.of("model.yaml", "model.deepmd.yaml")) {
            Path out = tmp.resolve("cb-" + model);
            CliTestSupport.Run cb = CliTestSupport.run("dp", "change-bias", tmp.resolve(model).toString(), "-s",
                    water.resolve("data_0").toString(), "-o", out.toString());
            assertEquals(0, cb.status(), cb.err());
            assertTrue(cb.out().contains("change-bias on 80 frames"), cb.out());
            double[] before = rmse(tmp.resolve(model), water.resolve("data_0"));
            double[] after = rmse(out, water.resolve("data_0"));
            assertTrue(after[0] < before[0], "energy RMSE " + before[0] + " -> " + after[0]);
            assertEquals(before[1], after[1], 1e-9, "forces do not depend on the bias");
        }
        var prov = org.eelt.potential.dp.EeltModelFile.read(tmp.resolve("cb-model.yaml")).provenance();
        assertEquals(4, prov.trainingSteps());
        assertTrue(prov.dataSnapshotId().contains("change-bias="), prov.dataSnapshotId());
        org.eelt.potential.dp.DpModelYaml.read(tmp.resolve("cb-model.deepmd.yaml"));
    }

    /** @return {rmse_e_per_atom, rmse_f} of {@code eelt dp test --json}. */
    private static double[] rmse(Path model, Path system) throws Exception {
        CliTestSupport.Run t = CliTestSupport.run("dp", "test", "--model", model.toString(), "--system", system.toString(),
                "--json");
        assertEquals(0, t.status(), t.err());
        var m = java.util.regex.Pattern.compile("\"rmse_e_per_atom\": ([-0-9.eE+]+), \"rmse_f\": ([-0-9.eE+]+)")
                .matcher(t.out());
        assertTrue(m.find(), t.out());
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
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
