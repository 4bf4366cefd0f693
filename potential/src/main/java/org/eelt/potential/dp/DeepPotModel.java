package org.eelt.potential.dp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Deep Potential energy model (DeePMD-kit's {@code standard} model with an {@code se_e2_a}
 * descriptor and an {@code ener} fitting), immutable. The per-atom energy is
 * <pre>
 *   E_i = N^fit_{t_i}(D_i) + bias_atom_e[t_i] + out_bias[t_i]      (eV)
 * </pre>
 * and is zero for atoms whose type is in {@code atom_exclude_types}; pairs whose type pair is in
 * {@code pair_exclude_types} are removed from the neighbor list before the sel slots are filled.
 * {@code out_std} is kept for export (DeePMD-kit does not apply it to energies).
 *
 * @param typeMap          type names, index = type id (e.g. ["O", "H"])
 * @param descriptor       the descriptor
 * @param fitting          the energy fitting
 * @param outBias          per-type output bias (eV)
 * @param outStd           per-type output std (recorded, unused for energy)
 * @param atomExcludeTypes types whose atomic energy is zeroed
 * @param pairExcludeTypes type pairs removed from the neighbor list
 */
public record DeepPotModel(List<String> typeMap, SeE2aDescriptor descriptor, EnergyFitting fitting, double[] outBias,
                           double[] outStd, int[] atomExcludeTypes, List<int[]> pairExcludeTypes) {
    /** Validates consistency of types and widths. */
    public DeepPotModel {
        typeMap = List.copyOf(typeMap);
        int nt = typeMap.size();
        if (descriptor.ntypes() != nt) {
            throw new IllegalArgumentException("type_map has " + nt + " types but descriptor sel has "
                    + descriptor.ntypes());
        }
        if (fitting.nets().size() != nt) {
            throw new IllegalArgumentException("type_map has " + nt + " types but fitting has "
                    + fitting.nets().size() + " networks");
        }
        if (fitting.dimDescriptor() != descriptor.dimOut()) {
            throw new IllegalArgumentException("fitting takes " + fitting.dimDescriptor()
                    + " inputs but the descriptor gives " + descriptor.dimOut());
        }
        if (outBias.length != nt || outStd.length != nt) {
            throw new IllegalArgumentException("out_bias/out_std must have " + nt + " entries, got "
                    + outBias.length + "/" + outStd.length);
        }
        outBias = outBias.clone();
        outStd = outStd.clone();
        atomExcludeTypes = atomExcludeTypes.clone();
        for (int t : atomExcludeTypes) {
            if (t < 0 || t >= nt) {
                throw new IllegalArgumentException("atom_exclude_types entry " + t + " is not a type index");
            }
        }
        List<int[]> pe = new ArrayList<>();
        for (int[] p : pairExcludeTypes) {
            if (p.length != 2 || p[0] < 0 || p[1] < 0 || p[0] >= nt || p[1] >= nt) {
                throw new IllegalArgumentException("pair_exclude_types entry " + Arrays.toString(p) + " is invalid");
            }
            pe.add(p.clone());
        }
        pairExcludeTypes = List.copyOf(pe);
    }

    /** @return the number of types. */
    public int ntypes() {
        return typeMap.size();
    }

    /** @return the cutoff r_c in Å. */
    public double rcut() {
        return descriptor.rcut();
    }

    /** @return whether atomic energies of type t are zeroed. */
    public boolean atomExcluded(int t) {
        for (int e : atomExcludeTypes) {
            if (e == t) {
                return true;
            }
        }
        return fitting.isExcluded(t);
    }

    /** @return whether pairs of types (ti, tj) are removed from the neighbor list. */
    public boolean pairExcluded(int ti, int tj) {
        for (int[] p : pairExcludeTypes) {
            if ((p[0] == ti && p[1] == tj) || (p[0] == tj && p[1] == ti)) {
                return true;
            }
        }
        return false;
    }

    /** @return the total per-type energy shift bias_atom_e[t] + out_bias[t] in eV. */
    public double energyShift(int t) {
        return fitting.biasAtomE(t) + outBias[t];
    }

    /** @return a copy of out_bias (eV per type). */
    @Override
    public double[] outBias() {
        return outBias.clone();
    }

    /** @return a copy of out_std. */
    @Override
    public double[] outStd() {
        return outStd.clone();
    }

    /** @return a copy of atom_exclude_types. */
    @Override
    public int[] atomExcludeTypes() {
        return atomExcludeTypes.clone();
    }

    /** @return this model with every parameter rounded to binary32 (for {@link Precision#FLOAT32}). */
    public DeepPotModel roundedToFloat() {
        return new DeepPotModel(typeMap, descriptor.roundedToFloat(), fitting.roundedToFloat(),
                Precision.roundToFloat(outBias), Precision.roundToFloat(outStd), atomExcludeTypes, pairExcludeTypes);
    }
}
