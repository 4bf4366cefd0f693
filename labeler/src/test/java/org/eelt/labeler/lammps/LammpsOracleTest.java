package org.eelt.labeler.lammps;

import org.eelt.labeler.TestStructures;
import org.eelt.labeler.oracle.OracleResult;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.Property;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LAMMPS oracle against itself under rotation and strain (real lmp, Debian's Cu_u3.eam). */
class LammpsOracleTest {
    private static final Set<Property> ALL = EnumSet.of(Property.ENERGY, Property.FORCES, Property.VIRIAL,
            Property.ATOMIC_ENERGIES);
    @TempDir
    Path tmp;
    private LammpsOracle oracle;

    @BeforeEach
    void setUp() {
        TestStructures.assumeOnPath("lmp");
        LammpsParameters p = new LammpsParameters(List.of("Cu"), "eam", List.of("* * Cu_u3.eam"), List.of());
        oracle = new LammpsOracle(p, OracleSettings.defaults().withWorkRoot(tmp).withKeep(true, false));
    }

    /** A skewed cell, not in LAMMPS orientation (a not along x). */
    private static Structure skewedCu() {
        double[] h = {3.3, 0.4, 0.9, -0.5, 3.5, 0.3, 0.6, -0.2, 3.7};
        return TestStructures.fccCu(h, 0.1, 7);
    }

    @Test
    void forcesAndVirialRotateBackToTheInputFrame() {
        Structure s = skewedCu();
        // the same structure in LAMMPS orientation: rotate by LAMMPS's own R
        double[] rot = org.eelt.protocol.io.LammpsBox.ofCell(s.cell()).rotation();
        Structure inLammpsFrame = TestStructures.rotated(s, rot);
        double[] h = inLammpsFrame.cell().matrix();
        assertEquals(0, h[1], 1e-12);
        assertEquals(0, h[2], 1e-12);
        assertEquals(0, h[5], 1e-12);

        OracleResult r = oracle.calculate(s, ALL);
        OracleResult r0 = oracle.calculate(inLammpsFrame, ALL);
        assertEquals(r0.energy(), r.energy(), 1e-9 * Math.abs(r0.energy()));
        double[] expected = TestStructures.rotate(transpose(rot), r0.forces());
        double[] f = r.forces();
        double fmax = 0;
        for (int i = 0; i < f.length; i++) {
            assertEquals(expected[i], f[i], 1e-9, "force component " + i);
            fmax = Math.max(fmax, Math.abs(f[i]));
        }
        assertTrue(fmax > 0.05, "displaced atoms must feel forces, max |F| = " + fmax);
        // an independent general rotation of the input frame gives F' = Q F
        double[] q = TestStructures.rotation(0.3, -1, 0.7, 1.1);
        OracleResult rq = oracle.calculate(TestStructures.rotated(s, q), ALL);
        double[] fq = TestStructures.rotate(q, f);
        for (int i = 0; i < f.length; i++) {
            assertEquals(fq[i], rq.forces()[i], 1e-9);
        }
        double sumE = 0;
        for (double e : r.atomicEnergies()) {
            sumE += e;
        }
        assertEquals(r.energy(), sumE, 1e-9);
    }

    @Test
    void virialIsMinusTheStrainDerivativeOfTheEnergy() {
        Structure s = skewedCu();
        double[] w = oracle.calculate(s, ALL).virial();
        double d = 1e-5;
        for (int[] ab : new int[][] {{0, 0}, {1, 2}, {2, 0}}) {
            double[] eps = new double[9];
            eps[3 * ab[0] + ab[1]] = d;
            double ep = oracle.calculate(TestStructures.strained(s, eps), Set.of(Property.ENERGY)).energy();
            eps[3 * ab[0] + ab[1]] = -d;
            double em = oracle.calculate(TestStructures.strained(s, eps), Set.of(Property.ENERGY)).energy();
            double fd = -(ep - em) / (2 * d);
            assertEquals(fd, w[3 * ab[0] + ab[1]], 1e-5 * Math.max(1, Math.abs(fd)),
                    "virial component " + ab[0] + "," + ab[1]);
        }
        assertTrue(Math.abs(w[0]) > 0.01, "the test cell is under stress");
    }

    @Test
    void forcesAreMinusTheEnergyGradient() {
        Structure s = skewedCu();
        double[] f = oracle.calculate(s, ALL).forces();
        double[] r = s.positions();
        double h = 1e-5;
        for (int k : new int[] {0, 4, 11}) {
            double[] p = r.clone();
            p[k] += h;
            double ep = oracle.calculate(s.withPositions(p), Set.of(Property.ENERGY)).energy();
            p[k] -= 2 * h;
            double em = oracle.calculate(s.withPositions(p), Set.of(Property.ENERGY)).energy();
            assertEquals(-(ep - em) / (2 * h), f[k], 1e-6, "force component " + k);
        }
    }

    @Test
    void leftHandedCellGivesTheSameLabels() {
        Structure s = skewedCu();
        double[] h = s.cell().matrix();
        // the same lattice with a and b swapped: det H < 0, LAMMPS's map R becomes a reflection
        double[] swapped = {h[3], h[4], h[5], h[0], h[1], h[2], h[6], h[7], h[8]};
        Structure left = s.withCell(org.eelt.protocol.atoms.Cell.periodic(swapped));
        assertTrue(left.cell().signedVolume() < 0);
        OracleResult r = oracle.calculate(s, ALL);
        OracleResult l = oracle.calculate(left, ALL);
        assertEquals(r.energy(), l.energy(), 1e-9 * Math.abs(r.energy()));
        for (int i = 0; i < r.forces().length; i++) {
            assertEquals(r.forces()[i], l.forces()[i], 1e-9, "force " + i);
        }
        for (int i = 0; i < 9; i++) {
            assertEquals(r.virial()[i], l.virial()[i], 1e-8, "virial " + i);
        }
    }

    private static double[] transpose(double[] m) {
        return new double[] {m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]};
    }
}
