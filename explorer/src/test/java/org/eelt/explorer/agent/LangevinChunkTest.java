package org.eelt.explorer.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.eelt.explorer.build.Bulk;
import org.eelt.potential.builtin.SuttonChen;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.units.Units;
import org.junit.jupiter.api.Test;

class LangevinChunkTest {
    static double temperature(Structure s, double[] v) {
        double[] m = s.masses();
        double ke = 0;
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < 3; k++) {
                ke += 0.5 * m[i] * v[3 * i + k] * v[3 * i + k];
            }
        }
        ke *= Units.AMU_A2_PER_PS2_EV; // amu Å²/ps² → eV
        return 2 * ke / (3 * s.size() * Units.KB_EV_PER_K);
    }

    @Test
    void maxwellBoltzmannHasZeroMomentumAndTheTemperature() {
        Structure s = Bulk.fcc("Cu", 3.615, 4);
        double[] v = LangevinChunk.maxwellBoltzmann(s, 800, new SplittableRandom(1));
        double[] p = new double[3];
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < 3; k++) {
                p[k] += s.masses()[i] * v[3 * i + k];
            }
        }
        assertArrayEquals(new double[3], p, 1e-9);
        assertEquals(800, temperature(s, v), 800 * 0.12);
    }

    @Test
    void thermostatHoldsTheTemperatureAndIsDeterministic() {
        Structure s = Bulk.fcc("Cu", 3.615, 2);
        SuttonChen sc = SuttonChen.copper();
        LangevinChunk.Params p = new LangevinChunk.Params(50, 0.002, 600, 10, 10, 50);
        double[] v = LangevinChunk.maxwellBoltzmann(s, 600, new SplittableRandom(2));
        SplittableRandom rng = new SplittableRandom(3);
        double sum = 0;
        int n = 0;
        Structure cur = s;
        for (int chunk = 0; chunk < 30; chunk++) {
            LangevinChunk.Result r = LangevinChunk.run(sc, cur, v, p, rng);
            assertFalse(r.exploded());
            assertEquals(5, r.frames().size(), "one frame every 10 steps");
            cur = r.structure();
            v = r.velocities();
            if (chunk >= 5) {
                sum += temperature(cur, v);
                n++;
            }
        }
        double mean = sum / n;
        assertEquals(600, mean, 60, "time-averaged kinetic temperature (K)");
        LangevinChunk.Result a = LangevinChunk.run(sc, s, v, p, new SplittableRandom(9));
        LangevinChunk.Result b = LangevinChunk.run(sc, s, v, p, new SplittableRandom(9));
        assertArrayEquals(a.structure().positions(), b.structure().positions(), 0);
    }

    @Test
    void explosionStopsTheChunk() {
        Structure s = Bulk.fcc("Cu", 3.615, 2);
        double[] r = s.positions();
        r[3] = r[0] + 0.3; // two atoms 0.3 Å apart: huge repulsion
        r[4] = r[1];
        r[5] = r[2];
        Structure bad = s.withPositions(r);
        LangevinChunk.Result res = LangevinChunk.run(SuttonChen.copper(), bad, new double[3 * s.size()],
                new LangevinChunk.Params(20, 0.002, 300, 5, 5, 50), new SplittableRandom(4));
        assertTrue(res.exploded());
        assertEquals(0, res.stepsDone());
    }
}
