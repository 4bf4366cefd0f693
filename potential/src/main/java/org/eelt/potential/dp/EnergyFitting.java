package org.eelt.potential.dp;

import java.util.Arrays;
import java.util.List;

/**
 * DeePMD-kit's energy fitting ({@code ener}, not mixed-types), immutable: one network per centre
 * type maps the descriptor D_i to a scalar, and the per-type bias is added:
 * <pre>
 *   E_i = N^fit_{t_i}(D_i) + bias_atom_e[t_i]     (eV)
 * </pre>
 * Atoms whose type is in {@code exclude_types} get E_i = 0.
 */
public final class EnergyFitting {
    private final List<DenseNet> nets;
    private final double[] biasAtomE;
    private final int[] neuron;
    private final boolean resnetDt;
    private final int[] excludeTypes;
    private final boolean[] excluded;

    /**
     * @param nets         one network per type, dim_descrpt → 1
     * @param biasAtomE    per-type energy bias (eV)
     * @param neuron       hidden widths (recorded for export)
     * @param resnetDt     whether hidden layers carry idt (recorded for export)
     * @param excludeTypes atom types whose energy is zeroed
     */
    public EnergyFitting(List<DenseNet> nets, double[] biasAtomE, int[] neuron, boolean resnetDt, int[] excludeTypes) {
        if (nets.size() != biasAtomE.length) {
            throw new IllegalArgumentException("fitting has " + nets.size() + " networks but bias_atom_e has "
                    + biasAtomE.length + " types");
        }
        int in = nets.get(0).in();
        for (int t = 0; t < nets.size(); t++) {
            if (nets.get(t).in() != in || nets.get(t).out() != 1) {
                throw new IllegalArgumentException("fitting net of type " + t + " maps " + nets.get(t).in() + "→"
                        + nets.get(t).out() + ", expected " + in + "→1");
            }
        }
        this.nets = List.copyOf(nets);
        this.biasAtomE = biasAtomE.clone();
        this.neuron = neuron.clone();
        this.resnetDt = resnetDt;
        this.excludeTypes = excludeTypes.clone();
        this.excluded = new boolean[nets.size()];
        for (int t : excludeTypes) {
            if (t < 0 || t >= nets.size()) {
                throw new IllegalArgumentException("fitting exclude_types entry " + t + " is not a type index 0.."
                        + (nets.size() - 1));
            }
            excluded[t] = true;
        }
    }

    /** @return the fitting networks, one per type. */
    public List<DenseNet> nets() {
        return nets;
    }

    /** @return the network of type t. */
    public DenseNet net(int t) {
        return nets.get(t);
    }

    /** @return the descriptor width the nets take. */
    public int dimDescriptor() {
        return nets.get(0).in();
    }

    /** @return a copy of bias_atom_e (eV per type). */
    public double[] biasAtomE() {
        return biasAtomE.clone();
    }

    /** @return bias_atom_e[t] in eV. */
    public double biasAtomE(int t) {
        return biasAtomE[t];
    }

    /** @return a copy of the hidden widths. */
    public int[] neuron() {
        return neuron.clone();
    }

    /** @return the resnet_dt flag. */
    public boolean resnetDt() {
        return resnetDt;
    }

    /** @return a copy of the excluded atom types. */
    public int[] excludeTypes() {
        return excludeTypes.clone();
    }

    /** @return whether atoms of type t get zero energy. */
    public boolean isExcluded(int t) {
        return excluded[t];
    }

    /** @return this fitting with a new bias (eV per type), e.g. after a least-squares refit. */
    public EnergyFitting withBias(double[] newBias) {
        return new EnergyFitting(nets, newBias, neuron, resnetDt, excludeTypes);
    }

    EnergyFitting roundedToFloat() {
        return new EnergyFitting(nets.stream().map(DenseNet::roundedToFloat).toList(),
                Precision.roundToFloat(biasAtomE), neuron, resnetDt, excludeTypes);
    }

    @Override
    public String toString() {
        return "EnergyFitting" + Arrays.toString(neuron) + " bias=" + Arrays.toString(biasAtomE);
    }
}
