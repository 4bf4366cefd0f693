package org.eelt.potential.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.eelt.potential.neighbor.NeighborList;
import org.eelt.potential.neighbor.Neighbors;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;

/**
 * The descriptor's two ways of differentiating the embedding nets give the same physics: forward
 * mode (G and dG/dŝ in one pass, used for energy and forces) and reverse mode (traces and a
 * backward pass, used for weight gradients) agree on the descriptor and on dE/dR̂, for both
 * embedding variants; forward mode refuses weight-gradient accumulators instead of returning
 * wrong ones.
 */
class ForwardModeTest {
    @Test
    void forwardAndReverseModeAgree() {
        for (boolean oneSide : new boolean[] {false, true}) {
            DeepPotModel model = TestSystems.smallRandomModel(oneSide, new int[] {12, 24}, 5);
            Cell cell = Cell.periodic(7.0, 0, 0, 0.6, 6.5, 0, -0.4, 0.3, 6.8);
            Structure s = TestSystems.randomWater(6, cell, 1.0, 0.95, 3);
            NeighborList nl = Neighbors.build(s, model.rcut(), 0.0);
            int[] types = s.types(model.typeMap());
            NeighborSelection sel = NeighborSelection.build(s.positions(), types, nl, model, 0, s.size());
            SeE2aDescriptor d = model.descriptor();
            DescriptorPass rev = DescriptorPass.forward(d, Precision.FLOAT64, sel, types, null, null, false);
            DescriptorPass fwd = DescriptorPass.forward(d, Precision.FLOAT64, sel, types, null, null, true);
            for (int i = 0; i < rev.dd.length; i++) {
                assertEquals(rev.dd[i], fwd.dd[i], 1e-13, "descriptor entry " + i + " (type_one_side " + oneSide + ")");
            }
            double[] dD = FittingPass.forward(model, rev).backward(null, null);
            double[] gRev = rev.backward(dD, null);
            double[] gFwd = fwd.backward(dD, null);
            double scale = 0;
            for (double v : gRev) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < gRev.length; i++) {
                assertEquals(gRev[i], gFwd[i], 1e-12 * scale, "dE/dR̂ entry " + i + " (type_one_side " + oneSide + ")");
            }
            assertThrows(UnsupportedOperationException.class,
                    () -> fwd.backward(dD, new DenseLayer.Grad[d.ntypes() * d.ntypes()][]));
        }
    }
}
