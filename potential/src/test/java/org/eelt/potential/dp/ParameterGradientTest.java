package org.eelt.potential.dp;

import org.eelt.potential.neighbor.NeighborList;
import org.eelt.potential.neighbor.Neighbors;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** dE/dθ from the backward pass against central finite differences, parameter by parameter (sampled). */
class ParameterGradientTest {
    @Test
    void energyWeightGradientsMatchFiniteDifferences() {
        for (boolean oneSide : new boolean[] {true, false}) {
            DeepPotModel m = TestSystems.smallRandomModel(oneSide, new int[] {10, 20}, 21);
            Structure s = TestSystems.randomWater(4, Cell.orthorhombic(6.0, 6.0, 6.0), 1.0, 0.95, 8);
            NeighborList nl = Neighbors.build(s, m.rcut(), 0);
            ParameterGradient g = ParameterGradient.ofEnergy(m, s, nl);
            int checked = 0;
            for (int net = 0; net < m.descriptor().embeddings().size(); net++) {
                for (int l = 0; l < m.descriptor().embeddings().get(net).layers().size(); l++) {
                    checked += check(m, s, nl, true, net, l, g.embedding()[net][l]);
                }
            }
            for (int t = 0; t < m.ntypes(); t++) {
                for (int l = 0; l < m.fitting().net(t).layers().size(); l++) {
                    checked += check(m, s, nl, false, t, l, g.fitting()[t][l]);
                }
            }
            assertEquals(true, checked > 50);
        }
    }

    /** Checks a few entries of W, b and idt of one layer; returns how many. */
    private static int check(DeepPotModel m, Structure s, NeighborList nl, boolean embedding, int net, int l,
                             DenseLayer.Grad grad) {
        DenseLayer layer = (embedding ? m.descriptor().embeddings().get(net) : m.fitting().net(net)).layers().get(l);
        int count = 0;
        for (int which = 0; which < 3; which++) {
            double[] p = which == 0 ? layer.weights() : which == 1 ? layer.bias() : layer.idt();
            double[] an = which == 0 ? grad.dw : which == 1 ? grad.db : grad.didt;
            if (p == null) {
                continue;
            }
            for (int idx = 0; idx < p.length; idx += Math.max(1, p.length / 3)) {
                double h = 1e-6;
                double ep = energy(replace(m, embedding, net, l, which, idx, p[idx] + h), s, nl);
                double em = energy(replace(m, embedding, net, l, which, idx, p[idx] - h), s, nl);
                double fd = (ep - em) / (2 * h);
                assertEquals(fd, an[idx], 1e-6 * Math.max(1, Math.abs(fd)),
                        (embedding ? "embedding " : "fitting ") + net + " layer " + l + " param " + which + "[" + idx + "]");
                count++;
            }
        }
        return count;
    }

    private static double energy(DeepPotModel m, Structure s, NeighborList nl) {
        return new DeepPotEvaluator(m).compute(s, nl).energy();
    }

    private static DeepPotModel replace(DeepPotModel m, boolean embedding, int net, int l, int which, int idx, double v) {
        DenseNet old = embedding ? m.descriptor().embeddings().get(net) : m.fitting().net(net);
        List<DenseLayer> layers = new ArrayList<>(old.layers());
        DenseLayer x = layers.get(l);
        double[] w = x.weights(), b = x.bias(), idt = x.idt();
        (which == 0 ? w : which == 1 ? b : idt)[idx] = v;
        layers.set(l, new DenseLayer(x.in(), x.out(), w, b, idt, x.activation(), x.resnet()));
        DenseNet nn = new DenseNet(layers);
        SeE2aDescriptor d = m.descriptor();
        List<DenseNet> emb = new ArrayList<>(d.embeddings());
        List<DenseNet> fit = new ArrayList<>(m.fitting().nets());
        if (embedding) {
            emb.set(net, nn);
        } else {
            fit.set(net, nn);
        }
        SeE2aDescriptor nd = new SeE2aDescriptor(d.rcut(), d.rcutSmth(), d.sel(), d.neuron(), d.axisNeuron(),
                d.typeOneSide(), d.resnetDt(), d.excludeTypes(), d.envProtection(), d.setDavgZero(), d.davg(), d.dstd(), emb);
        EnergyFitting nf = new EnergyFitting(fit, m.fitting().biasAtomE(), m.fitting().neuron(), m.fitting().resnetDt(),
                m.fitting().excludeTypes());
        return new DeepPotModel(m.typeMap(), nd, nf, m.outBias(), m.outStd(), m.atomExcludeTypes(), m.pairExcludeTypes());
    }
}
