package org.eelt.labeler.external;

import org.eelt.labeler.cp2k.Cp2kOutput;
import org.eelt.labeler.lammps.LammpsOutput;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.OracleSetupException;
import org.eelt.labeler.xtb.TurbomoleFiles;
import org.eelt.protocol.units.Units;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Output readers on files recorded from real runs (CP2K 2023 Si₂, xtb 6.5.1 ethanol), so that parsing
 * is covered on machines without the codes.
 */
class OutputReadersTest {
    private static List<String> resource(String name) throws IOException {
        try (InputStream in = OutputReadersTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().toList();
        }
    }

    @Test
    void cp2kForcesAndStressTakeTheLastBlockAndConvertUnits() throws IOException {
        double[] f = Cp2kOutput.forcesEvPerA(resource("cp2k/eelt-forces-1_0.xyz"), 2, "forces");
        double k = Units.HARTREE_EV / Units.BOHR_ANGSTROM;
        assertEquals(0.02599601 * k, f[0], 1e-15);
        assertEquals(-0.02599929 * k, f[3], 1e-15);
        assertEquals(0.00000013 * k, f[5], 1e-15);
        double volume = 40.0;
        double[] w = Cp2kOutput.virialEv(resource("cp2k/eelt-stress-1_0.stress_tensor"), volume, "stress");
        double gpa = 1.0 / Units.EV_PER_A3_GPA;
        assertEquals(42.0239499489 * gpa * volume, w[0], 1e-12);
        assertEquals(-2.48144440546 * gpa * volume, w[5], 1e-12);
        assertEquals(w[5], w[7], 1e-15);
        assertThrows(OutputFormatException.class, () -> Cp2kOutput.forcesEvPerA(
                resource("cp2k/eelt-forces-1_0.xyz"), 3, "forces"));
    }

    @Test
    void cp2kEnergyAndUnconvergedScf() throws IOException {
        List<String> out = resource("cp2k/not-converged.out");
        assertTrue(Cp2kOutput.scfNotConverged(out));
        assertEquals(-7.246473645336339 * Units.HARTREE_EV, Cp2kOutput.energyEv(out, "out"), 1e-12);
        assertFalse(Cp2kOutput.scfNotConverged(List.of(" *** SCF run converged in     8 steps ***")));
        assertThrows(OutputFormatException.class, () -> Cp2kOutput.energyEv(List.of("nothing"), "out"));
    }

    @Test
    void turbomoleEnergyAndGradientFromXtb() throws IOException {
        assertEquals(-11.39150757291 * Units.HARTREE_EV, TurbomoleFiles.energyEv(resource("xtb/energy")), 1e-12);
        String[] species = {"C", "C", "O", "H", "H", "H", "H", "H", "H"};
        double[] f = TurbomoleFiles.forcesEvPerA(resource("xtb/gradient"), species);
        double k = Units.HARTREE_EV / Units.BOHR_ANGSTROM;
        assertEquals(4.7125490057253E-03 * k, f[0], 1e-15, "F = -gradient");
        assertEquals(-1.9981755056565E-02 * k, f[24], 1e-15);
        String[] wrong = species.clone();
        wrong[2] = "N";
        OutputFormatException e = assertThrows(OutputFormatException.class,
                () -> TurbomoleFiles.forcesEvPerA(resource("xtb/gradient"), wrong));
        assertTrue(e.getMessage().contains("atom 2 (N)"), e.getMessage());
    }

    @Test
    void lammpsResultUsesLammpsOwnPressureFactor() {
        List<String> lines = List.of("EELT pe -14.5 vol 50 p1 1000 p2 2000 p3 3000 p4 10 p5 20 p6 30");
        LammpsOutput.Scalars s = LammpsOutput.scalars(lines);
        assertEquals(-14.5, s.energy());
        double f = 50 / LammpsOutput.LAMMPS_METAL_NKTV2P;
        assertEquals(1000 * f, s.virial()[0], 1e-15);
        assertEquals(10 * f, s.virial()[1], 1e-15);
        assertEquals(20 * f, s.virial()[6], 1e-15);
        assertEquals(30 * f, s.virial()[5], 1e-15);
        double[] forces = new double[6];
        double[] ae = new double[2];
        LammpsOutput.perAtom(List.of("ITEM: TIMESTEP", "0", "ITEM: ATOMS id fx fy fz c_eelt_pea",
                "1 0.5 -0.25 1e-3 -3.5", "2 -0.5 0.25 -nan -3.25"), 2, forces, ae);
        assertEquals(-0.25, forces[1]);
        assertTrue(Double.isNaN(forces[5]), "LAMMPS nan is read as NaN and then rejected by OracleResult.checked");
        assertEquals(-3.25, ae[1]);
    }

    @Test
    void settingsFromFlatKeysNameTheBadKey() {
        OracleSettings s = OracleSettings.fromMap(Map.of("eelt.oracles.timeout-s", "90",
                "eelt.oracles.xtb.binary", "/opt/xtb/bin/xtb", "eelt.oracles.keep-work-dirs", "yes"));
        assertEquals(Duration.ofSeconds(90), s.timeout());
        assertEquals("/opt/xtb/bin/xtb", s.xtbBinary());
        assertTrue(s.keepWorkDirs());
        assertEquals("lmp", s.lammpsBinary());
        OracleSetupException e = assertThrows(OracleSetupException.class,
                () -> OracleSettings.fromMap(Map.of("eelt.oracles.timeout-s", "-1")));
        assertTrue(e.getMessage().contains("eelt.oracles.timeout-s"), e.getMessage());
        e = assertThrows(OracleSetupException.class,
                () -> OracleSettings.fromMap(Map.of("eelt.oracles.lammps.binary", "mpirun -np 4 lmp")));
        assertTrue(e.getMessage().contains("no arguments"), e.getMessage());
    }
}
