package org.eelt.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eelt.potential.ForceResult;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DpModelForceTest {

    @ParameterizedTest
    @CsvSource({"true,true", "true,false", "false,true", "false,false"})
    void forcesAndVirialMatchFiniteDifferences(boolean periodic, boolean oneSide) {
        DpModel m = TinyModels.model(TinyModels.spec(oneSide), 7);
        Structure s = TinyModels.structure(9, periodic, 11);
        ForceResult res = m.compute(s);
        double h = 1e-5;
        double[] r = s.positions();
        double maxF = 0;
        for (double f : res.forces()) {
            maxF = Math.max(maxF, Math.abs(f));
        }
        assertTrue(maxF > 1e-4, "forces should be non-trivial");
        for (int k = 0; k < r.length; k++) {
            double[] rp = r.clone(), rm = r.clone();
            rp[k] += h;
            rm[k] -= h;
            double fd = -(m.compute(s.withPositions(rp)).energy() - m.compute(s.withPositions(rm)).energy()) / (2 * h);
            assertEquals(fd, res.forces()[k], 1e-7 * Math.max(1, maxF), "force component " + k);
        }
        double sumE = 0;
        for (double e : res.atomicEnergies()) {
            sumE += e;
        }
        assertEquals(res.energy(), sumE, 1e-9);
        if (periodic) {
            // Ξ_ab = −dE/dε_ab for r'_a = r_a + Σ_b ε_ab r_b (cell rows deformed alike)
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double ep = strainedEnergy(m, s, a, b, h), em = strainedEnergy(m, s, a, b, -h);
                    assertEquals(-(ep - em) / (2 * h), res.virial()[3 * a + b], 1e-6, "virial " + a + b);
                }
            }
            assertEquals(res.virial()[1], res.virial()[3], 1e-9, "virial is symmetric");
        } else {
            for (int a = 0; a < 3; a++) {
                double sum = 0;
                for (int i = 0; i < s.size(); i++) {
                    sum += res.forces()[3 * i + a];
                }
                assertEquals(0, sum, 1e-10, "isolated system: total force vanishes");
            }
        }
    }

    private static double strainedEnergy(DpModel m, Structure s, int a, int b, double e) {
        double[] mat = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        mat[3 * b + a] += e;
        double[] r = s.positions();
        double[] out = new double[r.length];
        for (int i = 0; i < s.size(); i++) {
            for (int c = 0; c < 3; c++) {
                double v = 0;
                for (int k = 0; k < 3; k++) {
                    v += r[3 * i + k] * mat[3 * k + c];
                }
                out[3 * i + c] = v;
            }
        }
        return m.compute(new Structure(s.species(), out, s.cell().transformed(mat))).energy();
    }
}
