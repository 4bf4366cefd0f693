package org.eelt.trainer.model;

import java.util.ArrayList;
import java.util.List;
import org.eelt.potential.dp.Activation;
import org.eelt.potential.dp.DeepPotModel;
import org.eelt.potential.dp.DenseLayer;
import org.eelt.potential.dp.DenseNet;
import org.eelt.potential.dp.EnergyFitting;
import org.eelt.potential.dp.SeE2aDescriptor;

/**
 * Exact conversion between the trainer's flat-vector {@link DpModel} and the inference
 * model {@link DeepPotModel} of {@code org.eelt.potential.dp} (which imports and exports
 * DeePMD-kit's dpmodel YAML and EELT model files). Every weight is copied bit for bit; the
 * per-type davg/dstd are tiled over the N_c slots; bias_atom_e + out_bias become the trainer's
 * single energy bias.
 */
public final class DeepPotConversion {
    private DeepPotConversion() {
    }

    /** @return the inference model of a trained model (out_bias 0, out_std 1, no exclusions). */
    public static DeepPotModel toDeepPot(DpModel m) {
        DpSpec s = m.spec();
        ParamLayout lay = m.layout();
        double[] p = m.rawParams();
        int nt = s.ntypes(), nnei = s.nnei();
        List<DenseNet> emb = new ArrayList<>();
        for (int e = 0; e < s.embeddingNets(); e++) {
            emb.add(net(p, lay.embedding(e)));
        }
        double[] davg = new double[nt * nnei * 4], dstd = new double[nt * nnei * 4];
        double[] da = m.davg(), ds = m.dstd();
        for (int t = 0; t < nt; t++) {
            for (int j = 0; j < nnei; j++) {
                System.arraycopy(da, 4 * t, davg, (t * nnei + j) * 4, 4);
                System.arraycopy(ds, 4 * t, dstd, (t * nnei + j) * 4, 4);
            }
        }
        SeE2aDescriptor d = new SeE2aDescriptor(s.rcut(), s.rcutSmth(), s.sel(), s.embedding(), s.axisNeuron(),
                s.typeOneSide(), s.resnetDtEmbed(), List.of(), 0.0, false, davg, dstd, emb);
        List<DenseNet> fit = new ArrayList<>();
        for (int t = 0; t < nt; t++) {
            fit.add(net(p, lay.fitting(t)));
        }
        double[] bias = java.util.Arrays.copyOfRange(p, lay.bias(), lay.bias() + nt);
        EnergyFitting f = new EnergyFitting(fit, bias, s.fitting(), s.resnetDtFit(), new int[0]);
        double[] ones = new double[nt];
        java.util.Arrays.fill(ones, 1.0);
        return new DeepPotModel(s.typeMap(), d, f, new double[nt], ones, new int[0], List.of());
    }

    private static DenseNet net(double[] p, Layer[] ls) {
        List<DenseLayer> out = new ArrayList<>();
        for (Layer l : ls) {
            double[] w = java.util.Arrays.copyOfRange(p, l.w(), l.w() + l.in() * l.out());
            double[] b = java.util.Arrays.copyOfRange(p, l.b(), l.b() + l.out());
            double[] idt = l.idt() < 0 ? null : java.util.Arrays.copyOfRange(p, l.idt(), l.idt() + l.out());
            out.add(new DenseLayer(l.in(), l.out(), w, b, idt, l.tanh() ? Activation.TANH : Activation.LINEAR, l.tanh()));
        }
        return new DenseNet(out);
    }

    /**
     * @param m an inference model (e.g. imported from DeePMD-kit)
     * @return the same model as a trainable {@link DpModel}
     * @throws IllegalArgumentException when the model uses features the trainer does not train
     *                                  (exclusions, slot-dependent statistics, other activations,
     *                                  idt on layers without skip)
     */
    public static DpModel fromDeepPot(DeepPotModel m) {
        SeE2aDescriptor d = m.descriptor();
        if (!d.excludeTypes().isEmpty() || !m.pairExcludeTypes().isEmpty() || m.atomExcludeTypes().length > 0
                || m.fitting().excludeTypes().length > 0) {
            throw new IllegalArgumentException("type exclusions are not supported by the trainer; remove exclude_types");
        }
        DpSpec s = new DpSpec(m.typeMap(), d.sel(), d.rcut(), d.rcutSmth(), d.neuron(), d.axisNeuron(),
                m.fitting().neuron(), d.resnetDt(), m.fitting().resnetDt(), d.typeOneSide());
        ParamLayout lay = new ParamLayout(s);
        double[] p = new double[lay.size()];
        for (int e = 0; e < s.embeddingNets(); e++) {
            DenseNet net = d.typeOneSide() ? d.embeddings().get(e) : d.embedding(e / s.ntypes(), e % s.ntypes());
            copy(net, lay.embedding(e), p, "embedding net " + e);
        }
        for (int t = 0; t < s.ntypes(); t++) {
            copy(m.fitting().net(t), lay.fitting(t), p, "fitting net " + t);
            p[lay.bias() + t] = m.energyShift(t);
        }
        int nt = s.ntypes(), nnei = s.nnei();
        double[] davg = new double[4 * nt], dstd = new double[4 * nt];
        double[] da = d.davg(), ds = d.dstd();
        for (int t = 0; t < nt; t++) {
            for (int j = 0; j < nnei; j++) {
                for (int k = 0; k < 4; k++) {
                    int q = (t * nnei + j) * 4 + k;
                    if (da[q] != da[t * nnei * 4 + k] || ds[q] != ds[t * nnei * 4 + k]) {
                        throw new IllegalArgumentException("davg/dstd differ between neighbor slots of type " + t
                                + " (slot " + j + "); the trainer keeps one row per type");
                    }
                }
            }
            System.arraycopy(da, t * nnei * 4, davg, 4 * t, 4);
            System.arraycopy(ds, t * nnei * 4, dstd, 4 * t, 4);
        }
        return new DpModel(s, p, davg, dstd);
    }

    private static void copy(DenseNet net, Layer[] ls, double[] p, String what) {
        if (net.layers().size() != ls.length) {
            throw new IllegalArgumentException(what + " has " + net.layers().size() + " layers, expected " + ls.length);
        }
        for (int i = 0; i < ls.length; i++) {
            DenseLayer dl = net.layers().get(i);
            Layer l = ls[i];
            boolean tanh = dl.activation() == Activation.TANH;
            if (dl.in() != l.in() || dl.out() != l.out() || tanh != l.tanh() || dl.skipKind() != l.skip()
                    || (dl.idt() == null) != (l.idt() < 0) || dl.bias() == null) {
                throw new IllegalArgumentException(what + " layer " + i + " (" + dl.in() + "→" + dl.out() + ", "
                        + dl.activation() + ") does not match the trainer's layout");
            }
            System.arraycopy(dl.weights(), 0, p, l.w(), l.in() * l.out());
            System.arraycopy(dl.bias(), 0, p, l.b(), l.out());
            if (l.idt() >= 0) {
                System.arraycopy(dl.idt(), 0, p, l.idt(), l.out());
            }
        }
    }
}
