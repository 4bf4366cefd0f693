package org.eelt.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eelt.protocol.atoms.Structure;
import org.eelt.trainer.data.DeepmdSystem;
import org.eelt.trainer.data.NpyWriter;
import org.eelt.trainer.model.DpModel;
import org.eelt.trainer.model.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** change-bias: the least-squares per-type shift of the energy residuals. */
class BiasChangeTest {
    @TempDir
    Path tmp;

    final DpModel model = TinyModels.model(TinyModels.spec(false), 41);

    /** A system labeled by the model with bias b_t + δ_t, i.e. E_ref = E_model + Σ_t n_t δ_t exactly. */
    DeepmdSystem shiftedLabels(String name, int atoms, double dO, double dH) throws IOException {
        double[] p = model.parameters();
        p[model.layout().bias()] += dO;
        p[model.layout().bias() + 1] += dH;
        List<Structure> frames = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            frames.add(TinyModels.structure(atoms, true, 300 + 10L * atoms + k));
        }
        NpyWriter.system(tmp.resolve(name), model.spec().typeMap(), frames, model.withParameters(p));
        return DeepmdSystem.load(tmp.resolve(name), model.spec().typeMap());
    }

    @Test
    void twoCompositionsRecoverThePerTypeShiftExactly() throws IOException {
        // 9 atoms: 3 O + 6 H; 10 atoms: 4 O + 6 H, so δ_O and δ_H are both determined
        List<DeepmdSystem> data = List.of(shiftedLabels("a", 9, 0.37, -0.11), shiftedLabels("b", 10, 0.37, -0.11));
        BiasChange.Result r = BiasChange.change(model, data);
        assertArrayEquals(new double[] {0.37, -0.11}, r.shift(), 1e-9);
        assertEquals(0, r.rmseAfter(), 1e-10);
        assertTrue(r.rmseBefore() > 0.05, "the labels are offset: " + r.rmseBefore());
        assertEquals(6, r.frames());
        for (DeepmdSystem s : data) {
            for (int f = 0; f < s.frames(); f++) {
                Structure st = s.structure(f);
                assertEquals(s.energy(f), r.model().compute(st).energy(), 1e-9);
                assertArrayEquals(model.compute(st).forces(), r.model().compute(st).forces(), 1e-12);
            }
        }
    }

    @Test
    void oneCompositionSpreadsTheMeanResidualInProportionToTheCounts() throws IOException {
        DeepmdSystem s = shiftedLabels("c", 9, 0.02, 0.02);
        BiasChange.Result r = BiasChange.change(model, List.of(s));
        // minimum-norm solution of 3 δ_O + 6 δ_H = 9 · 0.02: δ ∝ (3, 6)
        assertEquals(0.18, 3 * r.shift()[0] + 6 * r.shift()[1], 1e-10);
        assertEquals(2.0, r.shift()[1] / r.shift()[0], 1e-9);
        assertEquals(0.02, r.meanResidual(), 1e-10);
        assertEquals(0, r.rmseAfter(), 1e-10);
    }
}
