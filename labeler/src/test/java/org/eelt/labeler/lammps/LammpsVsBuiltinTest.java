package org.eelt.labeler.lammps;

import org.eelt.labeler.TestStructures;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleResult;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.Property;
import org.eelt.labeler.spec.Oracles;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LAMMPS oracle and the built-in tabulated EAM oracle agree on the same potential files. */
class LammpsVsBuiltinTest {
    private static final Set<Property> ALL = EnumSet.of(Property.ENERGY, Property.FORCES, Property.VIRIAL,
            Property.ATOMIC_ENERGIES);
    @TempDir
    Path tmp;

    private static void assertAgree(OracleResult expected, OracleResult actual, double rel) {
        double scale = Math.abs(expected.energy());
        assertEquals(expected.energy(), actual.energy(), rel * scale, "energy");
        double fScale = 0, vScale = 0;
        for (double f : expected.forces()) {
            fScale = Math.max(fScale, Math.abs(f));
        }
        for (double v : expected.virial()) {
            vScale = Math.max(vScale, Math.abs(v));
        }
        assertTrue(fScale > 0.01, "non-trivial forces");
        for (int i = 0; i < expected.forces().length; i++) {
            assertEquals(expected.forces()[i], actual.forces()[i], rel * fScale, "force " + i);
        }
        for (int i = 0; i < 9; i++) {
            assertEquals(expected.virial()[i], actual.virial()[i], rel * vScale, "virial " + i);
        }
        double worstF = 0, worstV = 0;
        for (int i = 0; i < expected.forces().length; i++) {
            worstF = Math.max(worstF, Math.abs(expected.forces()[i] - actual.forces()[i]) / fScale);
        }
        for (int i = 0; i < 9; i++) {
            worstV = Math.max(worstV, Math.abs(expected.virial()[i] - actual.virial()[i]) / vScale);
        }
        System.out.printf("lammps vs builtin: |dE|/|E| = %.1e, max |dF|/max|F| = %.1e, max |dW|/max|W| = %.1e%n",
                Math.abs(expected.energy() - actual.energy()) / scale, worstF, worstV);
        for (int i = 0; i < expected.atomicEnergies().length; i++) {
            assertEquals(expected.atomicEnergies()[i], actual.atomicEnergies()[i], rel * scale, "atomic energy " + i);
        }
    }

    @Test
    void funcflCopperAgreesTo1e8() {
        TestStructures.assumeOnPath("lmp");
        OracleSettings s = OracleSettings.defaults().withWorkRoot(tmp);
        Path file = s.potentialsDir().resolve("Cu_u3.eam");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(file), "Debian lammps potentials");
        Oracle builtin = Oracles.create("eam:Cu_u3.eam", s);
        Oracle lammps = Oracles.create("lammps:pair_style=eam;pair_coeff=* * Cu_u3.eam", s);
        // 2x2x2 conventional fcc cells (32 atoms), sheared, rattled, rotated away from LAMMPS orientation
        double a = 3.615;
        double[] h = {2 * a, 0.3, -0.2, 0.4, 2 * a, 0.1, -0.3, 0.5, 2 * a};
        Structure one = TestStructures.fccCu(new double[] {a, 0, 0, 0, a, 0, 0, 0, a}, 0, 1);
        double[] frac = one.cell().toFractional(one.positions());
        Cell cell = Cell.periodic(h);
        double[] f = new double[3 * 32];
        int k = 0;
        for (int x = 0; x < 2; x++) {
            for (int y = 0; y < 2; y++) {
                for (int z = 0; z < 2; z++) {
                    for (int i = 0; i < 4; i++) {
                        f[k++] = (frac[3 * i] + x) / 2;
                        f[k++] = (frac[3 * i + 1] + y) / 2;
                        f[k++] = (frac[3 * i + 2] + z) / 2;
                    }
                }
            }
        }
        double[] r = cell.toCartesian(f);
        Random rnd = new Random(3);
        for (int i = 0; i < r.length; i++) {
            r[i] += 0.15 * rnd.nextGaussian();
        }
        String[] sp = new String[32];
        java.util.Arrays.fill(sp, "Cu");
        Structure s32 = TestStructures.rotated(new Structure(sp, r, cell), TestStructures.rotation(1, 2, 3, 0.7));
        assertAgree(builtin.calculate(s32, ALL), lammps.calculate(s32, ALL), 1e-8);
    }

    @Test
    void setflAlloyWithTypeMapAgrees() {
        TestStructures.assumeOnPath("lmp");
        OracleSettings s = OracleSettings.defaults().withWorkRoot(tmp);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(s.potentialsDir().resolve("AlCu.eam.alloy")));
        Oracle builtin = Oracles.create("eam:AlCu.eam.alloy", s);
        Oracle lammps = Oracles.create("lammps:pair_style=eam/alloy;pair_coeff=* * AlCu.eam.alloy Al Cu;types=Al,Cu", s);
        Structure cu = TestStructures.fccCu(new double[] {3.9, 0.1, 0, 0, 3.8, 0.2, 0.1, 0, 4.0}, 0.12, 5);
        String[] sp = {"Al", "Cu", "Al", "Cu"};
        Structure alcu = new Structure(sp, cu.positions(), cu.cell());
        assertAgree(builtin.calculate(alcu, ALL), lammps.calculate(alcu, ALL), 1e-8);
    }

    @Test
    void lennardJonesMixtureWithPerPairCutoffsAgrees() {
        TestStructures.assumeOnPath("lmp");
        OracleSettings s = OracleSettings.defaults().withWorkRoot(tmp);
        Oracle builtin = Oracles.create("lj:Ar-Ar=0.0104,3.40,8.5;Ar-Kr=0.012,3.5,8.5;Kr-Kr=0.014,3.6,9.0", s);
        Oracle lammps = Oracles.create("lammps:pair_style=lj/cut 8.5;pair_coeff=1 1 0.0104 3.40;"
                + "pair_coeff=1 2 0.012 3.5;pair_coeff=2 2 0.014 3.6 9.0;pair_modify=shift yes;types=Ar,Kr", s);
        // one sheared conventional fcc cell (5.4 Å): the cutoffs reach many periodic images
        Structure fcc = TestStructures.fccCu(new double[] {5.4, 0, 0, 0.6, 5.3, 0, -0.4, 0.3, 5.5}, 0.2, 13);
        Structure mix = new Structure(new String[] {"Ar", "Kr", "Kr", "Ar"}, fcc.positions(), fcc.cell());
        assertAgree(builtin.calculate(mix, ALL), lammps.calculate(mix, ALL), 1e-8);
    }

    @Test
    void isolatedClusterAgrees() {
        TestStructures.assumeOnPath("lmp");
        OracleSettings s = OracleSettings.defaults().withWorkRoot(tmp);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(s.potentialsDir().resolve("Cu_u3.eam")));
        Oracle builtin = Oracles.create("eam:Cu_u3.eam", s);
        Oracle lammps = Oracles.create("lammps:pair_style=eam;pair_coeff=* * Cu_u3.eam", s);
        // 13-atom cuboctahedron (centre + 12 fcc neighbours at 2.55 Å), rattled, far from the origin
        double d = 2.55 / Math.sqrt(2);
        double[] r = new double[39];
        int k = 3;
        for (int[] v : new int[][] {{1, 1, 0}, {1, -1, 0}, {-1, 1, 0}, {-1, -1, 0}, {1, 0, 1}, {1, 0, -1}, {-1, 0, 1},
                {-1, 0, -1}, {0, 1, 1}, {0, 1, -1}, {0, -1, 1}, {0, -1, -1}}) {
            for (int c = 0; c < 3; c++) {
                r[k++] = d * v[c];
            }
        }
        Random rnd = new Random(9);
        for (int i = 0; i < r.length; i++) {
            r[i] += 0.1 * rnd.nextGaussian() + (i % 3 == 0 ? 40 : -25);
        }
        String[] sp = new String[13];
        java.util.Arrays.fill(sp, "Cu");
        Structure cluster = new Structure(sp, r, Cell.nonPeriodic());
        OracleResult b = builtin.calculate(cluster, ALL);
        assertAgree(b, lammps.calculate(cluster, ALL), 1e-8);
        double fx = 0;
        for (int i = 0; i < 39; i += 3) {
            fx += b.forces()[i];
        }
        assertEquals(0, fx, 1e-10, "isolated cluster: ΣF = 0");
    }
}
