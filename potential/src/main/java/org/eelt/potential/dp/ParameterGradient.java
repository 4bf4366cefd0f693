package org.eelt.potential.dp;

import org.eelt.potential.neighbor.NeighborList;
import org.eelt.protocol.atoms.Structure;

/**
 * The gradient of the total energy E (eV) with respect to every network parameter of a model,
 * from the same hand-written backward pass that gives the forces, with the weight-gradient
 * accumulators of {@link DenseLayer#backward} switched on. dE/d(bias_atom_e[t]) is simply the
 * number of atoms of type t (zero for excluded types) and is not repeated here.
 *
 * @param embedding dE/dθ of each embedding net [net index][layer] (index as {@link SeE2aDescriptor#embeddings()})
 * @param fitting   dE/dθ of each fitting net [type][layer]
 */
public record ParameterGradient(DenseLayer.Grad[][] embedding, DenseLayer.Grad[][] fitting) {

    /**
     * @param model     the model (float64)
     * @param structure positions (Å), species and cell
     * @param nl        a neighbor list covering r_c
     * @return dE/dθ summed over all atoms
     */
    public static ParameterGradient ofEnergy(DeepPotModel model, Structure structure, NeighborList nl) {
        SeE2aDescriptor desc = model.descriptor();
        DenseLayer.Grad[][] emb = new DenseLayer.Grad[desc.embeddings().size()][];
        for (int k = 0; k < emb.length; k++) {
            emb[k] = desc.embeddings().get(k).newGrads();
        }
        DenseLayer.Grad[][] fit = new DenseLayer.Grad[model.ntypes()][];
        for (int t = 0; t < fit.length; t++) {
            fit[t] = model.fitting().net(t).newGrads();
        }
        int[] types = structure.types(model.typeMap());
        double[] pos = structure.positions();
        int n = structure.size();
        for (int a0 = 0; a0 < n; a0 += DeepPotEvaluator.DEFAULT_BLOCK_ATOMS) {
            int a1 = Math.min(n, a0 + DeepPotEvaluator.DEFAULT_BLOCK_ATOMS);
            NeighborSelection sel = NeighborSelection.build(pos, types, nl, model, a0, a1);
            DescriptorPass dp = DescriptorPass.forward(desc, Precision.FLOAT64, sel, types);
            FittingPass fp = FittingPass.forward(model, dp);
            double[] dD = fp.backward(null, fit);
            dp.backward(dD, emb);
        }
        return new ParameterGradient(emb, fit);
    }
}
