package org.eelt.potential.dp;

/**
 * Forward and backward computation of the energy fitting for a block of atoms, keeping the
 * per-type network traces (package-private) for reuse. Rows of type t are the block's atoms of
 * type t in block order ({@link DescriptorPass#atomsOfType}), so each layer is one matrix product.
 */
final class FittingPass {
    final DeepPotModel model;
    final DescriptorPass desc;
    /** Fitting traces per centre type (null when the block has no atom of that type). */
    final DenseNet.Trace[] traces;
    /** Atomic energy per block atom (eV). */
    final double[] atomEnergy;

    private FittingPass(DeepPotModel model, DescriptorPass desc) {
        this.model = model;
        this.desc = desc;
        this.traces = new DenseNet.Trace[model.ntypes()];
        this.atomEnergy = new double[desc.n];
    }

    /** Runs E_i = N_{t_i}(D_i) + bias_atom_e[t_i] + out_bias[t_i] (0 for excluded types). */
    static FittingPass forward(DeepPotModel model, DescriptorPass desc) {
        FittingPass f = new FittingPass(model, desc);
        int dim = desc.m * desc.m2;
        for (int ti = 0; ti < model.ntypes(); ti++) {
            int[] atoms = desc.atomsOfType[ti];
            if (atoms.length == 0) {
                continue;
            }
            double[] x = Arena.raw(desc.arena, atoms.length * dim);
            for (int q = 0; q < atoms.length; q++) {
                System.arraycopy(desc.dd, atoms[q] * dim, x, q * dim, dim);
            }
            DenseNet.Trace tr = model.fitting().net(ti).forward(x, atoms.length, desc.precision, desc.arena);
            f.traces[ti] = tr;
            double[] out = tr.output();
            boolean excluded = model.atomExcluded(ti);
            double shift = model.energyShift(ti);
            for (int q = 0; q < atoms.length; q++) {
                f.atomEnergy[atoms[q]] = excluded ? 0.0 : out[q] + shift;
            }
        }
        desc.precision.round(f.atomEnergy, f.atomEnergy.length);
        return f;
    }

    /**
     * Backward of L = Σ_i c_i E_i for per-atom weights c (c = 1 for the total energy).
     *
     * @param weights c_i per block atom, or null for all ones
     * @param grads   fitting weight-gradient accumulators [type][layer] or null
     * @return dL/dD, n·M·M₂
     */
    double[] backward(double[] weights, DenseLayer.Grad[][] grads) {
        int dim = desc.m * desc.m2;
        double[] dD = Arena.zeros(desc.arena, desc.n * dim);
        for (int ti = 0; ti < model.ntypes(); ti++) {
            DenseNet.Trace tr = traces[ti];
            if (tr == null || model.atomExcluded(ti)) {
                continue;
            }
            int[] atoms = desc.atomsOfType[ti];
            double[] dy = new double[atoms.length];
            for (int q = 0; q < atoms.length; q++) {
                dy[q] = weights == null ? 1.0 : weights[atoms[q]];
            }
            double[] dx = model.fitting().net(ti).backward(tr, dy, grads == null ? null : grads[ti], desc.arena);
            for (int q = 0; q < atoms.length; q++) {
                System.arraycopy(dx, q * dim, dD, atoms[q] * dim, dim);
            }
        }
        return dD;
    }

    /** @return the last hidden layer output of the fitting net per block atom (DeePMD-kit's "middle_output"). */
    double[] lastHidden() {
        int nl = model.fitting().net(0).layers().size();
        int width = model.fitting().net(0).layers().get(nl - 1).in();
        double[] out = new double[desc.n * width];
        for (int ti = 0; ti < model.ntypes(); ti++) {
            DenseNet.Trace tr = traces[ti];
            if (tr == null) {
                continue;
            }
            int[] atoms = desc.atomsOfType[ti];
            double[] h = tr.input(nl - 1);
            for (int q = 0; q < atoms.length; q++) {
                System.arraycopy(h, q * width, out, atoms[q] * width, width);
            }
        }
        return out;
    }
}
