package org.eelt.trainer.model;

/**
 * Initial parameters as DeePMD-kit draws them: W ~ N(0, 1/(in + out)), b ~ N(0, 1),
 * idt ~ N(0.1, 0.001²); the output layer of each fitting net starts with b = 0 and the energy
 * bias bias_atom_e (eV) is given (least squares of energies on type counts).
 */
public final class ParamInit {
    private ParamInit() {
    }

    /**
     * @param layout parameter layout
     * @param seed   random seed
     * @param biasE  bias_atom_e per type (eV)
     * @return a new parameter vector
     */
    public static double[] draw(ParamLayout layout, long seed, double[] biasE) {
        Rng rng = new Rng(seed);
        double[] p = new double[layout.size()];
        DpSpec s = layout.spec();
        for (int e = 0; e < s.embeddingNets(); e++) {
            for (Layer l : layout.embedding(e)) {
                fill(p, l, rng, true);
            }
        }
        for (int t = 0; t < s.ntypes(); t++) {
            for (Layer l : layout.fitting(t)) {
                fill(p, l, rng, l.tanh());
            }
        }
        System.arraycopy(biasE, 0, p, layout.bias(), s.ntypes());
        return p;
    }

    private static void fill(double[] p, Layer l, Rng rng, boolean randomBias) {
        double sd = 1.0 / Math.sqrt(l.in() + l.out());
        for (int k = 0; k < l.in() * l.out(); k++) {
            p[l.w() + k] = sd * rng.nextGaussian();
        }
        for (int k = 0; k < l.out(); k++) {
            p[l.b() + k] = randomBias ? rng.nextGaussian() : 0.0;
            if (l.idt() >= 0) {
                p[l.idt() + k] = 0.1 + 0.001 * rng.nextGaussian();
            }
        }
    }
}
