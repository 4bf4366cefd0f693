package org.eelt.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eelt.protocol.atoms.Structure;
import org.eelt.trainer.config.TrainConfig;
import org.eelt.trainer.data.DeepmdSystem;
import org.eelt.trainer.data.NpyWriter;
import org.eelt.trainer.loss.EnergyForceVirialLoss;
import org.eelt.trainer.loss.TrainFrame;
import org.eelt.trainer.model.DpModel;
import org.eelt.trainer.model.DpSpec;
import org.eelt.trainer.model.TinyModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end training on data labeled by a random "teacher" model of the same architecture. */
class TrainerTest {
    @TempDir
    Path tmp;
    DpSpec spec = TinyModels.spec(true);
    DpModel teacher = TinyModels.model(spec, 77);

    @BeforeEach
    void data() throws IOException {
        List<Structure> tr = new ArrayList<>(), va = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            tr.add(TinyModels.structure(9, true, 100 + k));
        }
        for (int k = 0; k < 2; k++) {
            va.add(TinyModels.structure(9, true, 200 + k));
        }
        NpyWriter.system(tmp.resolve("train"), spec.typeMap(), tr, teacher);
        NpyWriter.system(tmp.resolve("valid"), spec.typeMap(), va, teacher);
    }

    TrainConfig config(int steps, String extra) {
        String json = """
                {"model": {"type_map": ["O", "H"],
                   "descriptor": {"sel": [3, 5], "rcut": 3.2, "rcut_smth": 1.0, "neuron": [3, 3, 6], "axis_neuron": 4,
                                  "resnet_dt": true, "type_one_side": true, "seed": 3},
                   "fitting_net": {"neuron": [5, 5], "resnet_dt": true, "seed": 4}},
                 "learning_rate": {"start_lr": 0.02, "stop_lr": 0.002, "decay_steps": 10},
                 "loss": {"start_pref_e": 1, "limit_pref_e": 1, "start_pref_f": 10, "limit_pref_f": 1,
                          "start_pref_v": 0.1, "limit_pref_v": 0.1},
                 "training": {"training_data": {"systems": ["train"], "batch_size": 2},
                              "validation_data": {"systems": ["valid"], "batch_size": 1},
                              "numb_steps": %d, "seed": 5, "disp_freq": 5, "save_freq": 10 %s}}
                """.formatted(steps, extra);
        return TrainConfig.parse(json, "input.json", tmp);
    }

    @Test
    void trainingReducesTheLossAndWritesLcurve() throws IOException {
        TrainConfig c = config(60, "");
        List<TrainProgress> seen = new ArrayList<>();
        TrainResult r = Trainer.train(c, new TrainListener() {
            @Override
            public void stepped(TrainProgress p) {
                seen.add(p);
            }
        });
        assertEquals(60, r.steps());
        assertEquals(60, seen.size());
        assertTrue(seen.get(59).bar(20).contains("100.0% 60/60"), seen.get(59).bar(20));
        List<String> lines = Files.readAllLines(c.dispFile());
        assertTrue(lines.get(0).matches("#\\s+step\\s+rmse_val\\s+rmse_trn\\s+rmse_e_val\\s+rmse_e_trn\\s+rmse_f_val"
                + "\\s+rmse_f_trn\\s+rmse_v_val\\s+rmse_v_trn\\s+lr"), lines.get(0));
        assertEquals(1 + 12, lines.size());
        String[] first = lines.get(1).trim().split("\\s+"), last = lines.get(12).trim().split("\\s+");
        assertEquals("0", first[0]);
        assertEquals("55", last[0]);
        assertEquals(10, first.length);
        // the fit to the training frames improves (dp test on the training system, first vs last model)
        DeepmdSystem trainSys = DeepmdSystem.load(tmp.resolve("train"), spec.typeMap());
        DpTest.Result before = DpTest.evaluate(Trainer.initialModel(c, List.of(trainSys)), trainSys);
        DpTest.Result after = DpTest.evaluate(r.model(), trainSys);
        assertTrue(after.rmseF() < 0.7 * before.rmseF(), "training force RMSE should drop: " + before + " -> " + after);
        assertTrue(after.rmseV() < before.rmseV(), "training virial RMSE should drop: " + before + " -> " + after);
        assertTrue(Files.exists(c.saveCkpt()));
        DpTest.Result t0 = DpTest.evaluate(teacher, DeepmdSystem.load(tmp.resolve("valid"), spec.typeMap()));
        assertEquals(0, t0.rmseF(), 1e-12);
        assertEquals(0, t0.rmseEPerAtom(), 1e-12);
        assertEquals(0, t0.rmseV(), 1e-12);
        DpTest.Result tr = DpTest.evaluate(r.model(), DeepmdSystem.load(tmp.resolve("valid"), spec.typeMap()));
        assertEquals(2, tr.frames());
        assertTrue(tr.rmseF() > 0 && Double.isFinite(tr.rmseEPerAtom()) && tr.rmseV() > 0);
    }

    @Test
    void changeBiasAfterTrainingRemovesTheMeanEnergyResidualAndKeepsForces() throws IOException {
        // the teacher's labels shifted by +0.05 eV/atom: a constant the force-dominated loss learns slowly
        List<Structure> tr = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            tr.add(TinyModels.structure(9, true, 100 + k));
        }
        double[] p = teacher.parameters();
        for (int t = 0; t < spec.ntypes(); t++) {
            p[teacher.layout().bias() + t] += 0.05;
        }
        NpyWriter.system(tmp.resolve("train"), spec.typeMap(), tr, teacher.withParameters(p));
        TrainResult plain = Trainer.train(config(20, ""), TrainListener.NONE);
        List<org.eelt.trainer.BiasChange.Result> seen = new ArrayList<>();
        TrainResult changed = Trainer.train(config(20, ", \"change_bias_after_training\": true"), new TrainListener() {
            @Override
            public void biasChanged(org.eelt.trainer.BiasChange.Result c) {
                seen.add(c);
            }
        });
        assertEquals(1, seen.size());
        DeepmdSystem trainSys = DeepmdSystem.load(tmp.resolve("train"), spec.typeMap());
        double mean = 0;
        for (int f = 0; f < trainSys.frames(); f++) {
            Structure s = trainSys.structure(f);
            double[] fa = plain.model().compute(s).forces(), fb = changed.model().compute(s).forces();
            assertArrayEquals(fa, fb, 1e-12, "forces do not depend on the bias");
            mean += (trainSys.energy(f) - changed.model().compute(s).energy()) / s.size();
        }
        assertEquals(0, mean / trainSys.frames(), 1e-10, "no mean energy residual is left on the training data");
        DpTest.Result a = DpTest.evaluate(plain.model(), trainSys), b = DpTest.evaluate(changed.model(), trainSys);
        assertTrue(b.rmseEPerAtom() < a.rmseEPerAtom(), a + " -> " + b);
        assertEquals(seen.get(0).rmseAfter(), b.rmseEPerAtom(), 1e-12);
        assertEquals(a.rmseEPerAtom(), seen.get(0).rmseBefore(), 1e-12);
    }

    @Test
    void restartContinuesExactly() throws IOException {
        DpModel full = Trainer.train(config(25, ""), TrainListener.NONE).model();
        // stop after 10 steps (the checkpoint of step 10), then restart to 25
        TrainConfig c10 = config(25, ", \"save_ckpt\": \"part.ckpt\", \"disp_file\": \"part.out\"");
        Thread.currentThread();
        TrainResult first = Trainer.train(c10, new TrainListener() {
            @Override
            public void checkpointed(long step, Path file) {
                if (step == 10) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        assertTrue(Thread.interrupted());
        assertTrue(first.stopped());
        assertEquals(10, first.steps());
        assertEquals(10, Checkpoint.load(c10.saveCkpt()).step());
        TrainResult rest = Trainer.train(c10, TrainListener.NONE, new TrainOptions(c10.saveCkpt(), null));
        assertEquals(25, rest.steps());
        assertArrayEquals(full.parameters(), rest.model().parameters(), 0.0);
        // the lcurve of the interrupted + restarted run has the same lines as the full run
        List<String> a = Files.readAllLines(config(25, "").dispFile()), b = Files.readAllLines(c10.dispFile());
        assertEquals(a, b);
    }

    @Test
    void initModelWarmStartsAndThreadsAgree() throws IOException {
        TrainResult r = Trainer.train(config(20, ""), TrainListener.NONE);
        TrainConfig c2 = config(20, ", \"save_ckpt\": \"warm.ckpt\", \"disp_file\": \"warm.out\"");
        TrainResult w = Trainer.train(c2, TrainListener.NONE, new TrainOptions(null, config(20, "").saveCkpt()));
        assertEquals(20, w.steps());
        assertTrue(w.validation().rmseF() < r.validation().rmseF() * 1.05,
                "warm start continues from a trained model: " + r.validation() + " / " + w.validation());
        // atom-parallel loss gives the same gradient up to summation order
        DeepmdSystem sys = DeepmdSystem.load(tmp.resolve("train"), spec.typeMap());
        List<TrainFrame> batch = List.of(sys.trainFrame(0, spec), sys.trainFrame(1, spec));
        double[] g1 = new double[r.model().layout().size()], g3 = g1.clone();
        try (EnergyForceVirialLoss l1 = new EnergyForceVirialLoss(r.model().layout());
             EnergyForceVirialLoss l3 = new EnergyForceVirialLoss(r.model().layout(), 3)) {
            double a = l1.evaluate(r.model(), batch, new double[] {1, 10, 0.1}, g1).loss();
            double b = l3.evaluate(r.model(), batch, new double[] {1, 10, 0.1}, g3).loss();
            assertEquals(a, b, 1e-12 * Math.abs(a));
        }
        for (int k = 0; k < g1.length; k++) {
            assertEquals(g1[k], g3[k], 1e-11 * (1 + Math.abs(g1[k])));
        }
    }

    @Test
    void ensembleMembersDifferAndMatchSoloRuns() throws IOException {
        TrainConfig c = config(12, "");
        List<TrainResult> ens = EnsembleTrainer.train(c, 2);
        assertEquals(2, ens.size());
        assertFalse(java.util.Arrays.equals(ens.get(0).model().parameters(), ens.get(1).model().parameters()));
        TrainResult solo1 = Trainer.train(EnsembleTrainer.member(c, 1), TrainListener.NONE);
        // same config, same result; not bit for bit: the Vector API's lane reductions (reduceLanes ADD)
        // may sum in another order before and after C2 compiles them, and JIT timing differs between runs
        double[] a = solo1.model().parameters(), b = ens.get(1).model().parameters();
        for (int k = 0; k < a.length; k++) {
            assertEquals(a[k], b[k], 1e-10 * (1 + Math.abs(a[k])), "parameter " + k);
        }
        assertTrue(Files.exists(tmp.resolve("lcurve.out.0")) && Files.exists(tmp.resolve("model.ckpt.1")));
        assertNotEquals(ens.get(0).last().rmseF(), ens.get(1).last().rmseF());
    }
}
