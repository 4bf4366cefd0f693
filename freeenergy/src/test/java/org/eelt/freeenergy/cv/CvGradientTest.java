package org.eelt.freeenergy.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.eelt.protocol.atoms.Cell;
import org.junit.jupiter.api.Test;

/** Every CV's analytic gradient against central finite differences, plus exact values and bad input. */
class CvGradientTest {
    static double[] randomPositions(int n, long seed, double spread) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[3 * n];
        for (int a = 0; a < x.length; a++) {
            x[a] = spread * (r.nextDouble() - 0.5);
        }
        return x;
    }

    /** Asserts ∂s/∂x against central differences (h = 1e-6 Å) to a relative 1e-7. */
    static void checkGradient(CollectiveVariable cv, double[] x, Cell cell) {
        double[] g = new double[x.length];
        double s = cv.valueAndGradient(x, cell, g);
        double h = 1e-6;
        for (int a = 0; a < x.length; a++) {
            double[] p = x.clone(), m = x.clone();
            p[a] += h;
            m[a] -= h;
            double sp = cv.value(p, cell), sm = cv.value(m, cell);
            double diff = sp - sm;
            if (cv.periodic()) {
                diff = CvSet.wrapDifference(diff, true, cv.period());
            }
            double fd = diff / (2 * h);
            assertEquals(fd, g[a], 1e-7 * Math.max(1, Math.abs(fd)), cv.name() + " d/dx[" + a + "] at s=" + s);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Cell box = Cell.orthorhombic(6, 7, 8);
        for (long seed = 1; seed <= 5; seed++) {
            double[] x = randomPositions(6, seed, 4);
            for (Cell c : new Cell[] {null, box}) {
                checkGradient(new Distance(0, 3), x, c);
                checkGradient(new Angle(1, 2, 4), x, c);
                checkGradient(new Dihedral(0, 1, 2, 3), x, c);
                checkGradient(new Dihedral(5, 3, 1, 4), x, c);
                checkGradient(new CoordinationNumber(new int[] {0, 1, 2}, new int[] {3, 4, 5}, 1.5, 6, 12), x, c);
                checkGradient(new CoordinationNumber(new int[] {0, 1, 2, 5}, null, 2.0, 8, 14), x, c);
                checkGradient(new Cartesian(4, 2), x, c);
                checkGradient(new LinearCombination(List.of(new Distance(0, 1), new Angle(2, 3, 4), new Cartesian(5, 0)),
                        new double[] {0.5, -2, 1.5}), x, c);
            }
        }
    }

    @Test
    void distanceUsesTheMinimumImage() {
        double[] x = {0.5, 0, 0, 9.5, 0, 0};
        assertEquals(9.0, new Distance(0, 1).value(x, null), 1e-14);
        assertEquals(1.0, new Distance(0, 1).value(x, Cell.orthorhombic(10, 10, 10)), 1e-14);
        checkGradient(new Distance(0, 1), x, Cell.orthorhombic(10, 10, 10));
    }

    @Test
    void exactValuesOfAngleAndDihedral() {
        // square planar path: i=(1,0,0), j=(0,0,0), k=(0,1,0), l=(1,1,0) -> cis, φ = 0; l=(-1,1,0) -> trans, φ = π
        double[] cis = {1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0};
        double[] trans = {1, 0, 0, 0, 0, 0, 0, 1, 0, -1, 1, 0};
        double[] plus = {1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1};
        Dihedral d = new Dihedral(0, 1, 2, 3);
        assertEquals(0, d.value(cis, null), 1e-14);
        assertEquals(Math.PI, d.value(trans, null), 1e-14);
        // IUPAC sign: the defining formula atan2(|b2| b1·(b2×b3), (b1×b2)·(b2×b3))
        double[] b1 = {-1, 0, 0}, b2 = {0, 1, 0}, b3 = {0, 0, 1};
        double[] b23 = Geometry.cross(b2, b3);
        double expect = Math.atan2(Geometry.norm(b2) * Geometry.dot(b1, b23), Geometry.dot(Geometry.cross(b1, b2), b23));
        assertEquals(expect, d.value(plus, null), 1e-14);
        assertEquals(Math.PI / 2, Math.abs(expect), 1e-14);
        assertEquals(Math.PI / 2, new Angle(0, 1, 2).value(cis, null), 1e-14);
        assertTrue(d.periodic());
        assertEquals(2 * Math.PI, d.period(), 0);
    }

    @Test
    void degenerateDihedralIsReportedWithTheAtoms() {
        double[] collinear = {0, 0, 0, 1, 0, 0, 2, 0, 0, 2, 1, 0};
        DegenerateCvException e = assertThrows(DegenerateCvException.class,
                () -> new Dihedral(0, 1, 2, 3).value(collinear, null));
        assertTrue(e.getMessage().contains("dihedral(0,1,2,3)") && e.getMessage().contains("collinear"), e.getMessage());
        assertThrows(DegenerateCvException.class, () -> new Angle(0, 1, 2).value(collinear, null));
    }

    @Test
    void missingAtomIsNamed() {
        CvAtomException e = assertThrows(CvAtomException.class,
                () -> new Dihedral(0, 1, 2, 7).value(new double[12], null));
        assertTrue(e.getMessage().contains("dihedral(0,1,2,7)") && e.getMessage().contains("atom 7")
                && e.getMessage().contains("4 atoms"), e.getMessage());
    }

    @Test
    void coordinationSwitchIsSmoothAtR0() {
        double[] f = CoordinationNumber.switching(1.0, 6, 12);
        assertEquals(0.5, f[0], 1e-15);
        assertEquals(6.0 * (6 - 12) / (2 * 12), f[1], 1e-12);
        double x = 1.3;
        double[] g = CoordinationNumber.switching(x, 6, 12);
        assertEquals((1 - Math.pow(x, 6)) / (1 - Math.pow(x, 12)), g[0], 1e-14);
        double[] at = {0, 0, 0, 1.5, 0, 0};
        CoordinationNumber cn = new CoordinationNumber(new int[] {0}, new int[] {1}, 1.5, 6, 12);
        assertEquals(0.5, cn.value(at, null), 1e-15);
        checkGradient(cn, at, null);
    }

    @Test
    void domainsAndCenters() {
        assertThrows(CvDomainException.class, () -> new Dihedral(0, 1, 2, 3).requireValidCenter(4.0));
        assertThrows(CvDomainException.class, () -> new Angle(0, 1, 2).requireValidCenter(-0.1));
        assertThrows(CvDomainException.class, () -> new Distance(0, 1).requireValidCenter(-1));
        assertTrue(new Dihedral(0, 1, 2, 3).validCenter(Math.PI));
        CvDomainException e = assertThrows(CvDomainException.class,
                () -> CvSet.of(new Dihedral(0, 1, 2, 3), new Dihedral(1, 2, 3, 4)).requireValidCenter(new double[] {0, 3.5}));
        assertTrue(e.getMessage().contains("dihedral(1,2,3,4)") && e.getMessage().contains("3.5"), e.getMessage());
    }

    @Test
    void cvSetDeltaWrapsPeriodicComponents() {
        CvSet set = CvSet.of(new Dihedral(0, 1, 2, 3), new Distance(0, 1));
        double[] d = set.delta(new double[] {3.1, 5.0}, new double[] {-3.1, 1.0});
        assertEquals(6.2 - 2 * Math.PI, d[0], 1e-12);
        assertEquals(4.0, d[1], 0);
        assertEquals(Math.PI, CvSet.wrapDifference(-Math.PI, true, 2 * Math.PI), 1e-15);
        assertEquals(-3.0, set.wrap(new double[] {2 * Math.PI - 3.0, 0})[0], 1e-12);
    }
}
