package org.eelt.potential.builtin;

import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared physics checks for potential tests: structures, finite-difference forces and virials. */
final class PotentialChecks {
    private PotentialChecks() {
    }

    /** fcc supercell of k×k×k conventional cells with lattice constant a (Å), all one species. */
    static Structure fcc(String el, double a, int k) {
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        int n = 4 * k * k * k;
        double[] r = new double[3 * n];
        String[] s = new String[n];
        int c = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                for (int l = 0; l < k; l++) {
                    for (double[] b : basis) {
                        r[3 * c] = (i + b[0]) * a;
                        r[3 * c + 1] = (j + b[1]) * a;
                        r[3 * c + 2] = (l + b[2]) * a;
                        s[c++] = el;
                    }
                }
            }
        }
        return new Structure(s, r, Cell.orthorhombic(k * a, k * a, k * a));
    }

    /** Rattles positions by uniform noise in [−amp, amp] Å per component. */
    static Structure rattle(Structure s, double amp, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] r = s.positions();
        for (int i = 0; i < r.length; i++) {
            r[i] += amp * (2 * rng.nextDouble() - 1);
        }
        return s.withPositions(r);
    }

    /** Asserts F = −∂E/∂r by central differences on every coordinate of the first {@code atoms} atoms. */
    static void assertForcesMatchFiniteDifferences(Potential pot, Structure s, int atoms, double h, double tol) {
        ForceResult res = pot.compute(s);
        double[] r = s.positions();
        for (int k = 0; k < 3 * atoms; k++) {
            double[] rp = r.clone();
            rp[k] += h;
            double ep = pot.compute(s.withPositions(rp)).energy();
            rp[k] -= 2 * h;
            double em = pot.compute(s.withPositions(rp)).energy();
            double fd = -(ep - em) / (2 * h);
            assertEquals(fd, res.forces()[k], tol, "force component " + k);
        }
    }

    /** Asserts Ξ_ab = −∂E/∂ε_ab under the homogeneous deformation r → r(I + ε), H → H(I + ε). */
    static void assertVirialMatchesStrainDerivative(Potential pot, Structure s, double h, double tol) {
        ForceResult res = pot.compute(s);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double ep = pot.compute(strained(s, a, b, h)).energy();
                double em = pot.compute(strained(s, a, b, -h)).energy();
                assertEquals(-(ep - em) / (2 * h), res.virial()[3 * a + b], tol, "virial " + a + "," + b);
            }
        }
    }

    static Structure strained(Structure s, int a, int b, double e) {
        double[] m = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        m[3 * a + b] += e;
        double[] r = s.positions();
        double[] out = new double[r.length];
        for (int i = 0; i < r.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                out[i + c] = r[i] * m[c] + r[i + 1] * m[3 + c] + r[i + 2] * m[6 + c];
            }
        }
        return new Structure(s.species(), out, s.cell().transformed(m));
    }

    static double sum(double[] v) {
        double t = 0;
        for (double x : v) {
            t += x;
        }
        return t;
    }
}
