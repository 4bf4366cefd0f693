package org.eelt.labeler.xtb;

import org.eelt.labeler.TestStructures;
import org.eelt.labeler.oracle.OracleResult;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.OracleSetupException;
import org.eelt.labeler.oracle.Property;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GFN2-xTB on ethanol with the real xtb binary. */
class XtbOracleTest {
    @TempDir
    Path tmp;
    private XtbOracle oracle;

    @BeforeEach
    void setUp() {
        TestStructures.assumeOnPath("xtb");
        oracle = new XtbOracle(new XtbParameters(2, 0, 0, 0.01), OracleSettings.defaults().withWorkRoot(tmp));
    }

    @Test
    void forcesMatchCentralFiniteDifferencesOfTheEnergy() {
        Structure s = TestStructures.ethanol();
        OracleResult r = oracle.calculate(s, Set.of(Property.ENERGY, Property.FORCES));
        // GFN2 total energy of ethanol is about -11.39 Hartree = -310 eV
        assertEquals(-310.0, r.energy(), 1.0);
        double[] f = r.forces();
        double[] x = s.positions();
        double h = 1e-3;
        double worst = 0;
        for (int k = 0; k < x.length; k++) {
            double[] p = x.clone();
            p[k] += h;
            double ep = oracle.calculate(s.withPositions(p), Set.of(Property.ENERGY)).energy();
            p[k] -= 2 * h;
            double em = oracle.calculate(s.withPositions(p), Set.of(Property.ENERGY)).energy();
            double fd = -(ep - em) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - f[k]));
            assertEquals(fd, f[k], 1e-3, "force component " + k + " (atom " + k / 3 + ")");
        }
        double sx = 0, sy = 0, sz = 0, fmax = 0;
        for (int i = 0; i < f.length; i += 3) {
            sx += f[i];
            sy += f[i + 1];
            sz += f[i + 2];
            fmax = Math.max(fmax, Math.abs(f[i]));
        }
        assertTrue(fmax > 0.05, "off-minimum geometry must have forces");
        assertEquals(0, Math.sqrt(sx * sx + sy * sy + sz * sz), 1e-6, "isolated molecule: ΣF = 0");
        System.out.printf("xtb ethanol: E = %.8f eV, max |F_fd - F| = %.2e eV/Å%n", r.energy(), worst);
    }

    @Test
    void rejectsPeriodicStructuresAndWrongSpinParity() {
        Structure s = TestStructures.ethanol();
        Structure periodic = s.withCell(Cell.orthorhombic(10, 10, 10));
        OracleSetupException e = assertThrows(OracleSetupException.class,
                () -> oracle.calculate(periodic, Set.of(Property.ENERGY)));
        assertTrue(e.getMessage().contains("periodic"), e.getMessage());
        XtbOracle odd = new XtbOracle(new XtbParameters(2, 0, 1, 1.0), OracleSettings.defaults().withWorkRoot(tmp));
        e = assertThrows(OracleSetupException.class, () -> odd.calculate(s, Set.of(Property.ENERGY)));
        assertTrue(e.getMessage().contains("26 electrons"), e.getMessage());
        e = assertThrows(OracleSetupException.class, () -> oracle.calculate(s, Set.of(Property.VIRIAL)));
        assertTrue(e.getMessage().contains("does not implement VIRIAL"), e.getMessage());
    }

    @Test
    void chargedDoubletRuns() {
        // ethanol radical cation: 25 electrons, one unpaired
        XtbOracle cation = new XtbOracle(new XtbParameters(2, 1, 1, 1.0), OracleSettings.defaults().withWorkRoot(tmp));
        double eCation = cation.calculate(TestStructures.ethanol(), Set.of(Property.ENERGY)).energy();
        double eNeutral = oracle.calculate(TestStructures.ethanol(), Set.of(Property.ENERGY)).energy();
        double ip = eCation - eNeutral;
        // vertical ionization potential of GFN2 (includes its IP shift): several eV, well below 20 eV
        assertTrue(ip > 5 && ip < 20, "vertical IP " + ip + " eV");
    }
}
