package org.eelt.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.eelt.trainer.SharedData;
import org.eelt.trainer.data.DeepmdSystem;
import org.junit.jupiter.api.Test;

/**
 * A frame larger than one kernel chunk (two periodic copies of the 192-atom water frame, 384
 * atoms): the energy is extensive (twice the single frame's), and the chunked evaluation of the
 * whole frame gives the same energy, slot derivatives and dual-number weight gradient as
 * evaluating atom ranges smaller than a chunk one after the other.
 */
class ChunkedKernelTest {
    @Test
    void twoCopiesOfWaterAcrossChunksMatchRangesAndExtensivity() throws Exception {
        DpSpec spec = new DpSpec(List.of("O", "H"), new int[] {46, 92}, 6.0, 0.5, new int[] {8, 16, 32}, 4,
                new int[] {16, 16}, false, true, false);
        Structure one = DeepmdSystem.load(SharedData.water(0), spec.typeMap()).structure(0);
        Structure two = doubled(one);
        DpModel model = TinyModels.model(spec, 11);
        ParamLayout lay = model.layout();
        double e1 = model.compute(one).energy();
        double e2 = model.compute(two).energy();
        assertEquals(2 * e1, e2, 1e-9 * Math.abs(e2));

        Environment env = Environment.build(spec, two, two.types(spec.typeMap()));
        int n = env.natoms(), slots = n * env.nnei() * 3;
        assertEquals(384, n);
        double[] tan = new double[slots];
        Rng r = new Rng(5);
        for (int k = 0; k < slots; k++) {
            tan[k] = env.neighbors()[k / 3] >= 0 ? r.nextGaussian() : 0;
        }
        double[] p = model.parameters(), davg = model.davg(), dstd = model.dstd();
        double[] gWhole = new double[slots], gradWhole = new double[p.length];
        Object w = SeE2aKernel.newWorkspace(lay);
        double eWhole = SeE2aKernel.evaluate(lay, p, davg, dstd, env, 0, n, null, gWhole, null, null, 0, 0, w);
        SeE2aKernel.evaluate(lay, p, davg, dstd, env, 0, n, tan, null, null, gradWhole, 0.3, 0.7, w);
        double[] gParts = new double[slots], gradParts = new double[p.length];
        double eParts = 0;
        for (int from = 0; from < n; from += 128) {
            Object wp = SeE2aKernel.newWorkspace(lay);
            eParts += SeE2aKernel.evaluate(lay, p, davg, dstd, env, from, from + 128, null, gParts, null, null, 0, 0, wp);
            SeE2aKernel.evaluate(lay, p, davg, dstd, env, from, from + 128, tan, null, null, gradParts, 0.3, 0.7, wp);
        }
        assertEquals(eParts, eWhole, 1e-10 * Math.abs(eWhole));
        for (int k = 0; k < slots; k++) {
            assertEquals(gParts[k], gWhole[k], 1e-12, "slot " + k);
        }
        for (int k = 0; k < p.length; k++) {
            assertEquals(gradParts[k], gradWhole[k], 1e-9 * (1 + Math.abs(gradParts[k])), "param " + k);
        }
    }

    private static Structure doubled(Structure s) {
        double[] m = s.cell().matrix();
        int n = s.size();
        double[] pos = new double[6 * n];
        String[] sp = new String[2 * n];
        double[] r = s.positions();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                pos[3 * i + k] = r[3 * i + k];
                pos[3 * (n + i) + k] = r[3 * i + k] + m[k];
            }
            sp[i] = s.species(i);
            sp[n + i] = s.species(i);
        }
        double[] m2 = m.clone();
        for (int k = 0; k < 3; k++) {
            m2[k] = 2 * m[k];
        }
        return new Structure(sp, pos, Cell.periodic(m2));
    }
}
