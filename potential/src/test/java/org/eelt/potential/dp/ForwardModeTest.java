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
            assertSameGradientOnRealSlots(sel, rev, gRev, gFwd, "type_one_side " + oneSide);
            assertThrows(UnsupportedOperationException.class,
                    () -> fwd.backward(dD, new DenseLayer.Grad[d.ntypes() * d.ntypes()][]));
            // this model's davg differs from slot to slot, so padded slots cannot share one row
            assertEquals(0, sharedPadRows(fwd), "per-slot statistics must not share a padded row");
        }
    }

    /**
     * With DeePMD-kit's statistics (the same davg and dstd on every slot of a type section) all
     * padded slots of a group share one embedding row, and excluded pairs are not evaluated; the
     * descriptor, dE/dR̂ on the real slots and the forces are those of reverse mode, which
     * evaluates every slot.
     */
    @Test
    void sharedPaddedRowAndSkippedExcludedPairsGiveTheReverseModeResults() {
        DeepPotModel base = TestSystems.smallRandomModel(false, new int[] {30, 60}, 11);
        SeE2aDescriptor d0 = base.descriptor();
        int nnei = d0.nnei();
        double[] davg = new double[2 * nnei * 4];
        double[] dstd = new double[2 * nnei * 4];
        for (int t = 0; t < 2; t++) {
            for (int slot = 0; slot < nnei; slot++) {
                int sec = slot < d0.sel(0) ? 0 : 1;
                int o = (t * nnei + slot) * 4;
                davg[o] = 0.25 + 0.05 * t + 0.02 * sec;
                dstd[o] = 0.2 + 0.01 * t;
                dstd[o + 1] = dstd[o + 2] = dstd[o + 3] = 0.1 + 0.02 * sec;
            }
        }
        SeE2aDescriptor d = new SeE2aDescriptor(d0.rcut(), d0.rcutSmth(), d0.sel(), d0.neuron(), d0.axisNeuron(),
                d0.typeOneSide(), d0.resnetDt(), java.util.List.of(new int[] {1, 1}), 0.0, false, davg, dstd,
                d0.embeddings());
        DeepPotModel model = new DeepPotModel(base.typeMap(), d, base.fitting(), base.outBias(), base.outStd(),
                base.atomExcludeTypes(), base.pairExcludeTypes());
        Cell cell = Cell.periodic(7.0, 0, 0, 0.6, 6.5, 0, -0.4, 0.3, 6.8);
        Structure s = TestSystems.randomWater(6, cell, 1.0, 0.95, 5);
        NeighborList nl = Neighbors.build(s, model.rcut(), 0.0);
        int[] types = s.types(model.typeMap());
        NeighborSelection sel = NeighborSelection.build(s.positions(), types, nl, model, 0, s.size());
        DescriptorPass rev = DescriptorPass.forward(d, Precision.FLOAT64, sel, types, null, null, false);
        DescriptorPass fwd = DescriptorPass.forward(d, Precision.FLOAT64, sel, types, null, null, true);
        assertEquals(4, sharedPadRows(fwd), "every group has padded slots and shares one row for them");
        int masked = 0;
        for (boolean b : fwd.masked) {
            masked += b ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(masked > 0, "the H-H exclusion masks some slots");
        for (int i = 0; i < rev.dd.length; i++) {
            assertEquals(rev.dd[i], fwd.dd[i], 1e-13, "descriptor entry " + i);
        }
        double[] dD = FittingPass.forward(model, rev).backward(null, null);
        assertSameGradientOnRealSlots(sel, rev, rev.backward(dD, null), fwd.backward(dD, null), "shared padded row");
        double[] fRev = new double[3 * sel.nnei * sel.n];
        double[] fFwd = new double[3 * sel.nnei * sel.n];
        EnvMatrix.backward(sel, types, d, rev.masked, rev.backward(dD, null), fRev);
        EnvMatrix.backward(sel, types, d, fwd.masked, fwd.backward(dD, null), fFwd);
        double scale = 0;
        for (double v : fRev) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < fRev.length; i++) {
            assertEquals(fRev[i], fFwd[i], 1e-12 * scale, "dE/dd entry " + i);
        }
    }

    /** dE/dR̂ agrees on real, non-excluded slots; forward mode leaves the others zero (they move no atom). */
    private static void assertSameGradientOnRealSlots(NeighborSelection sel, DescriptorPass rev, double[] gRev,
                                                      double[] gFwd, String what) {
        double scale = 0;
        for (double v : gRev) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < gRev.length; i++) {
            int slot = i / 4;
            if (sel.atom[slot] >= 0 && !rev.masked[slot]) {
                assertEquals(gRev[i], gFwd[i], 1e-12 * scale, "dE/dR̂ entry " + i + " (" + what + ")");
            } else {
                assertEquals(0.0, gFwd[i], 0.0, "forward mode, padded or excluded slot, entry " + i + " (" + what + ")");
            }
        }
    }

    private static int sharedPadRows(DescriptorPass p) {
        int n = 0;
        for (EmbeddingRows[] row : p.rowMaps) {
            for (EmbeddingRows er : row) {
                n += er != null && er.padRow() >= 0 ? 1 : 0;
            }
        }
        return n;
    }
}
