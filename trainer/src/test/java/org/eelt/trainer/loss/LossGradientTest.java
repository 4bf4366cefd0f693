package org.eelt.trainer.loss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.eelt.potential.ForceResult;
import org.eelt.protocol.atoms.Structure;
import org.eelt.trainer.model.DpModel;
import org.eelt.trainer.model.DpSpec;
import org.eelt.trainer.model.Environment;
import org.eelt.trainer.model.Layer;
import org.eelt.trainer.model.ParamLayout;
import org.eelt.trainer.model.Rng;
import org.eelt.trainer.model.TinyModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every parameter class of dL/dθ against central finite differences of the loss. */
class LossGradientTest {

    @ParameterizedTest
    @CsvSource({"true,true,false", "false,true,false", "true,false,false", "false,false,false",
            "true,false,true", "false,true,true"})
    void lossGradientMatchesFiniteDifferences(boolean periodic, boolean oneSide, boolean wide) {
        // wide: layers of width >= 8 take the OpenBLAS products and the SIMD contractions
        DpSpec spec = wide ? TinyModels.wideSpec(oneSide) : TinyModels.spec(oneSide);
        DpModel truth = TinyModels.model(spec, 3);
        DpModel model = TinyModels.model(spec, 5);
        List<TrainFrame> batch = new ArrayList<>();
        Rng noise = new Rng(9);
        for (int f = 0; f < 2; f++) {
            Structure s = TinyModels.structure(8, periodic, 20 + f);
            ForceResult lab = truth.compute(s);
            double[] force = lab.forces();
            for (int k = 0; k < force.length; k++) {
                force[k] += 0.01 * noise.nextGaussian();
            }
            double[] vir = periodic ? lab.virial() : null;
            batch.add(new TrainFrame(Environment.build(spec, s, s.types(spec.typeMap())),
                    lab.energy() + 0.05, force, vir));
        }
        double[] pref = {0.7, 3.0, periodic ? 0.9 : 0.0};
        EnergyForceVirialLoss loss = new EnergyForceVirialLoss(model.layout());
        double[] grad = new double[model.layout().size()];
        LossTerms terms = loss.evaluate(model, batch, pref, grad);
        assertTrue(terms.loss() > 0);
        double[] p = model.parameters();
        double h = 1e-6;
        double gmax = 0;
        for (double g : grad) {
            gmax = Math.max(gmax, Math.abs(g));
        }
        ParamLayout lay = model.layout();
        String[] cls = classes(lay);
        int checked = 0;
        for (int k = 0; k < p.length; k++) {
            double[] pp = p.clone(), pm = p.clone();
            pp[k] += h;
            pm[k] -= h;
            double fd = (loss.evaluate(model.withParameters(pp), batch, pref, null).loss()
                    - loss.evaluate(model.withParameters(pm), batch, pref, null).loss()) / (2 * h);
            double err = Math.abs(fd - grad[k]);
            assertTrue(err <= 1e-6 * Math.abs(fd) + 1e-8 * gmax,
                    "param " + k + " (" + cls[k] + "): analytic " + grad[k] + " vs FD " + fd);
            checked++;
        }
        assertTrue(checked == p.length);
    }

    /** Names the class of every parameter, for failure messages. */
    static String[] classes(ParamLayout lay) {
        String[] c = new String[lay.size()];
        DpSpec s = lay.spec();
        for (int e = 0; e < s.embeddingNets(); e++) {
            name(c, lay.embedding(e), "embedding[" + e + "]");
        }
        for (int t = 0; t < s.ntypes(); t++) {
            name(c, lay.fitting(t), "fitting[" + t + "]");
        }
        for (int t = 0; t < s.ntypes(); t++) {
            c[lay.bias() + t] = "bias_atom_e[" + t + "]";
        }
        return c;
    }

    private static void name(String[] c, Layer[] ls, String net) {
        for (int l = 0; l < ls.length; l++) {
            for (int k = 0; k < ls[l].in() * ls[l].out(); k++) {
                c[ls[l].w() + k] = net + ".layer" + l + ".W";
            }
            for (int k = 0; k < ls[l].out(); k++) {
                c[ls[l].b() + k] = net + ".layer" + l + ".b";
                if (ls[l].idt() >= 0) {
                    c[ls[l].idt() + k] = net + ".layer" + l + ".idt";
                }
            }
        }
    }
}
