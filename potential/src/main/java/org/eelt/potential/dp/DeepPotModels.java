package org.eelt.potential.dp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds freshly initialised Deep Potential models the way DeePMD-kit initialises them: W and b
 * drawn from a normal distribution with standard deviation 1/√(in + out), idt from N(0.1, 0.001²)
 * (DeePMD-kit's PyTorch backend), resnet skips on all hidden layers (they apply where widths
 * allow), idt present on layers that have a skip when resnet_dt is set, tanh hidden layers and a linear output layer. davg = 0 and dstd = 1
 * unless given; the energy bias is zero unless given.
 */
public final class DeepPotModels {
    private DeepPotModels() {
    }

    /**
     * @param arch the architecture
     * @param seed the random seed (the same seed gives the same model)
     * @return a randomly initialised model
     */
    public static DeepPotModel random(DpArchitecture arch, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int nt = arch.typeMap().size();
        int nnei = arch.nnei();
        double[] davg = new double[nt * nnei * 4];
        double[] dstd = new double[nt * nnei * 4];
        java.util.Arrays.fill(dstd, 1.0);
        int nets = arch.typeOneSide() ? nt : nt * nt;
        List<DenseNet> emb = new ArrayList<>();
        for (int k = 0; k < nets; k++) {
            emb.add(net(rng, 1, arch.neuron(), arch.embeddingResnetDt(), -1));
        }
        int m = arch.neuron()[arch.neuron().length - 1];
        SeE2aDescriptor desc = new SeE2aDescriptor(arch.rcut(), arch.rcutSmth(), arch.sel(), arch.neuron(),
                arch.axisNeuron(), arch.typeOneSide(), arch.embeddingResnetDt(), List.of(), 0.0, false, davg, dstd, emb);
        List<DenseNet> fit = new ArrayList<>();
        for (int t = 0; t < nt; t++) {
            fit.add(net(rng, m * arch.axisNeuron(), arch.fittingNeuron(), arch.fittingResnetDt(), 1));
        }
        EnergyFitting fitting = new EnergyFitting(fit, new double[nt], arch.fittingNeuron(), arch.fittingResnetDt(),
                new int[0]);
        return new DeepPotModel(arch.typeMap(), desc, fitting, new double[nt], ones(nt), new int[0], List.of());
    }

    /**
     * Loads a model file of either kind: EELT's own {@code eelt-dp} file (recognised by its
     * {@code format: eelt-dp} key) or a DeePMD-kit dpmodel YAML ({@code .yaml}/{@code .yml}).
     *
     * @param file the model file
     * @return the model with its provenance ({@link ModelProvenance#imported} for dpmodel files)
     * @throws IOException on read failure
     * @throws org.eelt.protocol.io.FormatException on bad content, naming the key
     */
    public static EeltModelFile load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.lines().limit(50).anyMatch(l -> l.matches("^\"?format\"?\\s*:\\s*\"?eelt-dp\"?\\s*$"))) {
            return EeltModelFile.parse(text, file.toString());
        }
        return new EeltModelFile(DpModelYaml.parse(text, file.toString()), ModelProvenance.imported(file.toString()));
    }

    /**
     * @return the model with new descriptor statistics davg, dstd (ntypes × N_c × 4) and a new
     * energy bias (eV per type)
     */
    public static DeepPotModel withStatistics(DeepPotModel m, double[] davg, double[] dstd, double[] biasAtomE) {
        SeE2aDescriptor d = m.descriptor();
        SeE2aDescriptor nd = new SeE2aDescriptor(d.rcut(), d.rcutSmth(), d.sel(), d.neuron(), d.axisNeuron(),
                d.typeOneSide(), d.resnetDt(), d.excludeTypes(), d.envProtection(), d.setDavgZero(), davg, dstd,
                d.embeddings());
        return new DeepPotModel(m.typeMap(), nd, m.fitting().withBias(biasAtomE), m.outBias(), m.outStd(),
                m.atomExcludeTypes(), m.pairExcludeTypes());
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1.0);
        return v;
    }

    private static DenseNet net(SplittableRandom rng, int in, int[] hidden, boolean resnetDt, int outDim) {
        List<DenseLayer> layers = new ArrayList<>();
        int width = in;
        for (int h : hidden) {
            boolean skip = h == width || h == 2 * width;
            layers.add(layer(rng, width, h, resnetDt && skip, Activation.TANH, true));
            width = h;
        }
        if (outDim > 0) {
            layers.add(layer(rng, width, outDim, false, Activation.LINEAR, false));
        }
        return new DenseNet(layers);
    }

    private static DenseLayer layer(SplittableRandom rng, int in, int out, boolean idt, Activation act, boolean resnet) {
        double scale = 1.0 / Math.sqrt(in + out);
        double[] w = gauss(rng, in * out, scale);
        double[] b = gauss(rng, out, scale);
        double[] t = null;
        if (idt) {
            t = gauss(rng, out, 0.001);
            for (int i = 0; i < out; i++) {
                t[i] += 0.1;
            }
        }
        return new DenseLayer(in, out, w, b, t, act, resnet);
    }

    private static double[] gauss(SplittableRandom rng, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double u1 = rng.nextDouble(), u2 = rng.nextDouble();
            v[i] = scale * Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
        }
        return v;
    }
}
