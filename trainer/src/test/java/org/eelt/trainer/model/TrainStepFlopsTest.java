package org.eelt.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.eelt.trainer.SharedData;
import org.eelt.trainer.data.DeepmdSystem;
import org.junit.jupiter.api.Test;

/**
 * The FLOP count of a training step against a hand count on a water frame whose evaluated rows
 * come from a brute-force neighbor count over periodic images (not from the kernel's environment).
 */
class TrainStepFlopsTest {
    @Test
    void waterFrameCountIsTheHandCountOverEvaluatedRows() throws Exception {
        DpSpec spec = new DpSpec(List.of("O", "H"), new int[] {46, 92}, 6.0, 0.5, new int[] {25, 50, 100}, 16,
                new int[] {240, 240, 240}, false, true, false);
        DeepmdSystem sys = DeepmdSystem.load(SharedData.water(0), spec.typeMap());
        Structure s = sys.structure(0);
        int[] types = s.types(spec.typeMap());
        ParamLayout lay = new ParamLayout(spec);
        double rows = 0;
        double[] r = s.positions();
        Cell cell = s.cell();
        int n = types.length;
        for (int i = 0; i < n; i++) {
            int[] cnt = new int[2];
            for (int j = 0; j < n; j++) {
                for (int a = -2; a <= 2; a++) {
                    for (int b = -2; b <= 2; b++) {
                        for (int c = -2; c <= 2; c++) {
                            double[] sh = new double[3];
                            cell.toCartesian(a, b, c, sh);
                            double dx = r[3 * j] + sh[0] - r[3 * i], dy = r[3 * j + 1] + sh[1] - r[3 * i + 1],
                                    dz = r[3 * j + 2] + sh[2] - r[3 * i + 2];
                            double d2 = dx * dx + dy * dy + dz * dz;
                            if (d2 > 0 && d2 <= 36.0) {
                                cnt[types[j]]++;
                            }
                        }
                    }
                }
            }
            for (int t = 0; t < 2; t++) {
                int real = Math.min(cnt[t], spec.sel()[t]);
                rows += real + (real < spec.sel()[t] ? 1 : 0);
            }
        }
        // per row: layer 1 (1→25) 4+8 flops per weight, layers 2, 3: 4+12; T and δG/δR̂: 72·M
        double perRow = 12.0 * 25 + 16.0 * (25 * 50 + 50 * 100) + 72 * 100;
        double perAtom = 96.0 * 100 * 16 + 16.0 * (1600 * 240 + 240 * 240 * 2 + 240);
        Environment env = Environment.build(spec, s, types);
        assertEquals(rows * perRow + n * perAtom, TrainStepFlops.perFrame(lay, env), 1e-6);
    }
}
