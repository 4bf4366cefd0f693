package org.eelt.trainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eelt.trainer.config.TrainConfig;
import org.eelt.trainer.data.DeepmdSystem;

/**
 * Manual run (not a unit test): trains on DeePMD-kit's water example (data_0–2, validation
 * data_3) and prints progress and the final dp test errors on data_3.
 *
 * <p>Args: out-dir steps threads [restart-ckpt | init:model | -] [emb,widths axis fit,widths start_lr stop_lr decay].
 */
public final class WaterRun {
    private WaterRun() {
    }

    public static void main(String[] a) throws Exception {
        Path out = Path.of(a[0]).toAbsolutePath();
        long steps = Long.parseLong(a[1]);
        int threads = Integer.parseInt(a[2]);
        String start = a.length > 3 ? a[3] : "-";
        Path restart = !start.equals("-") && !start.startsWith("init:") ? Path.of(start) : null;
        Path init = start.startsWith("init:") ? Path.of(start.substring(5)) : null;
        String emb = a.length > 4 ? a[4] : "10,20,40";
        String axis = a.length > 5 ? a[5] : "4";
        String fit = a.length > 6 ? a[6] : "60,60,60";
        String lr0 = a.length > 7 ? a[7] : "1e-3", lr1 = a.length > 8 ? a[8] : "1e-5", decay = a.length > 9 ? a[9] : "200";
        Files.createDirectories(out);
        String w = SharedData.root().resolve("data/deepmd-water").toString();
        String json = """
                {"model": {"type_map": ["O", "H"],
                   "descriptor": {"type": "se_e2_a", "sel": [46, 92], "rcut": 6.0, "rcut_smth": 0.5,
                                  "neuron": [%s], "axis_neuron": %s, "resnet_dt": false, "seed": 1},
                   "fitting_net": {"neuron": [%s], "resnet_dt": true, "seed": 1}},
                 "learning_rate": {"type": "exp", "start_lr": %s, "stop_lr": %s, "decay_steps": %s},
                 "loss": {"start_pref_e": 0.02, "limit_pref_e": 1, "start_pref_f": 1000, "limit_pref_f": 1,
                          "start_pref_v": 0, "limit_pref_v": 0},
                 "training": {"training_data": {"systems": ["%s/data_0", "%s/data_1", "%s/data_2"], "batch_size": "auto"},
                              "validation_data": {"systems": ["%s/data_3"], "batch_size": 1, "numb_btch": 1},
                              "numb_steps": %d, "seed": 10, "disp_freq": 100, "save_freq": 500,
                              "disp_file": "lcurve.out", "save_ckpt": "model.ckpt"}}
                """.formatted(emb, axis, fit, lr0, lr1, decay, w, w, w, w, steps);
        Files.writeString(out.resolve("input.json"), json);
        TrainConfig c = TrainConfig.parse(out.resolve("input.json"));
        long[] last = {System.nanoTime()};
        TrainResult r = Trainer.train(c, new TrainListener() {
            @Override
            public void stepped(TrainProgress p) {
                if (System.nanoTime() - last[0] > 30e9 || p.step() == p.totalSteps()) {
                    last[0] = System.nanoTime();
                    System.out.println(p.bar(30));
                }
            }

            @Override
            public void lcurve(long step, LcurvePoint v, LcurvePoint t, double lr, String line) {
                if (step % 1000 == 0) {
                    System.out.println(line);
                }
            }
        }, new TrainOptions(restart, init, threads));
        DpTest.Result t = DpTest.evaluate(r.model(), DeepmdSystem.load(Path.of(w, "data_3"), c.spec().typeMap()));
        System.out.println(String.format(Locale.ROOT,
                "{\"steps\": %d, \"seconds\": %.1f, \"rmse_e_per_atom\": %.5f, \"rmse_f\": %.5f, \"frames\": %d}",
                r.steps(), r.seconds(), t.rmseEPerAtom(), t.rmseF(), t.frames()));
    }
}
