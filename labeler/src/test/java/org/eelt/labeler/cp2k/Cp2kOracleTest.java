package org.eelt.labeler.cp2k;

import org.eelt.labeler.TestStructures;
import org.eelt.labeler.oracle.OracleResult;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.OracleSetupException;
import org.eelt.labeler.oracle.Property;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CP2K PBE on a 2-atom Si diamond primitive cell at a low cutoff (real cp2k, about 7 s per run). */
class Cp2kOracleTest {
    @TempDir
    Path tmp;

    /** Diamond Si primitive cell, a = 5.43 Å, second atom pushed off its site along x. */
    private static Structure silicon() {
        double h = 5.43 / 2;
        Cell cell = Cell.periodic(0, h, h, h, 0, h, h, h, 0);
        return new Structure(new String[] {"Si", "Si"}, new double[] {0, 0, 0, 1.40, 1.3575, 1.3575}, cell);
    }

    private Cp2kOracle oracle() {
        TestStructures.assumeOnPath("cp2k");
        Cp2kParameters p = new Cp2kParameters(120, 30, 0, 1, 50, 1e-6, 1000, "DZVP-MOLOPT-SR-GTH", "GTH-PBE");
        return new Cp2kOracle(p, OracleSettings.defaults().withWorkRoot(tmp));
    }

    @Test
    void siliconEnergyForcesAndVirialFromStrainDerivative() {
        Cp2kOracle oracle = oracle();
        Structure s = silicon();
        OracleResult r = oracle.calculate(s, EnumSet.of(Property.ENERGY, Property.FORCES, Property.VIRIAL));
        // 8 valence electrons of two Si: about -7.25 Hartree = -197 eV at this cutoff
        assertEquals(-197.2, r.energy(), 1.0);
        double[] f = r.forces();
        assertEquals(0, f[0] + f[3], 1e-3, "ΣF_x = 0");
        assertEquals(0, f[1] + f[4], 1e-3, "ΣF_y = 0");
        assertEquals(0, f[2] + f[5], 1e-3, "ΣF_z = 0");
        assertTrue(f[3] < -0.5, "the displaced atom is pushed back along -x, F = " + f[3]);
        double[] w = r.virial();
        assertEquals(w[1], w[3], 1e-6 * Math.abs(w[0]), "virial is symmetric");
        // isotropic strain r' = (1+d) r: dE/dd = -tr Ξ
        double d = 0.005;
        double[] eps = {d, 0, 0, 0, d, 0, 0, 0, d};
        double ep = oracle.calculate(TestStructures.strained(s, eps), Set.of(Property.ENERGY)).energy();
        for (int i = 0; i < 9; i += 4) {
            eps[i] = -d;
        }
        double em = oracle.calculate(TestStructures.strained(s, eps), Set.of(Property.ENERGY)).energy();
        double trace = w[0] + w[4] + w[8];
        double fd = -(ep - em) / (2 * d);
        assertEquals(fd, trace, 0.01 * Math.abs(fd), "tr Ξ from CP2K's stress vs -dE/dε");
        double[] stress = r.stress(s.cell().volume());
        assertTrue(stress[0] < 0, "compressed (low-cutoff) cell: ASE stress is negative, got " + stress[0]);
        System.out.printf("cp2k Si2: E = %.6f eV, F1x = %.5f eV/Å, tr Ξ = %.4f eV, -dE/dε = %.4f eV%n",
                r.energy(), f[3], trace, fd);
    }

    @Test
    void rejectsNonPeriodicStructuresAndMissingData() {
        Cp2kOracle oracle = oracle();
        Structure mol = new Structure(new String[] {"H", "H"}, new double[] {0, 0, 0, 0.74, 0, 0}, Cell.nonPeriodic());
        OracleSetupException e = assertThrows(OracleSetupException.class,
                () -> oracle.calculate(mol, Set.of(Property.ENERGY)));
        assertTrue(e.getMessage().contains("fully periodic"), e.getMessage());
        OracleSettings noData = new OracleSettings(tmp, java.time.Duration.ofMinutes(1), true, false,
                tmp, "lmp", "xtb", "cp2k", tmp.resolve("nowhere"));
        e = assertThrows(OracleSetupException.class, () -> new Cp2kOracle(Cp2kParameters.defaults(), noData));
        assertTrue(e.getMessage().contains("cp2k-data"), e.getMessage());
    }
}
