package org.eelt.labeler.gromacs;

import org.eelt.labeler.external.OutputFormatException;
import org.eelt.labeler.oracle.OracleSetupException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure parts of the GROMACS oracle: restraint text, xvg and topology parsing, excerpts, settings, statistics. */
class GromacsTextTest {
    private static final String TOP = """
            #include "amber99sb-ildn.ff/forcefield.itp"

            [ moleculetype ]
            Protein             3

            [ atoms ]
            ;   nr       type  resnr residue  atom   cgnr     charge       mass
                 1         CT      1    ACE    CH3      1    -0.3662      12.01
                 5          C      1    ACE      C      5     0.5972      12.01
                 7          N      2    ALA      N      7    -0.4157      14.01
                 9         CT      2    ALA     CA      9     0.0337      12.01
                15          C      2    ALA      C     15     0.5973      12.01
                17          N      3    NME      N     17    -0.4157      14.01

            ; Include Position restraint file
            #ifdef POSRES
            #include "posre.itp"
            #endif

            [ system ]
            Protein

            [ molecules ]
            Protein             1
            """;

    @Test
    void restraintsGoIntoTheMoleculeTypeInDegreesWithKappaPerRadianSquared() {
        String t = DihedralRestraints.insert(TOP, List.of(
                DihedralRestraints.Restraint.fixed(new int[] {5, 7, 9, 15}, -Math.PI / 2, 500),
                DihedralRestraints.Restraint.fixed(new int[] {7, 9, 15, 17}, Math.toRadians(150), 500)));
        int restr = t.indexOf("[ dihedral_restraints ]");
        assertTrue(restr > t.indexOf("#endif") && restr < t.indexOf("[ system ]"), t);
        assertTrue(t.contains("    5     7     9    15   1   -90.00000000  0.0   500.000000\n"), t);
        assertTrue(t.contains("    7     9    15    17   1   150.00000000  0.0   500.000000\n"), t);
        String moving = DihedralRestraints.insert(TOP, List.of(DihedralRestraints.Restraint.moving(
                new int[] {5, 7, 9, 15}, Math.toRadians(170), Math.toRadians(190), 1000)));
        assertTrue(moving.contains("170.00000000  0.0  1000.000000   190.00000000  0.0  1000.000000"), moving);
        assertThrows(IllegalArgumentException.class, () -> DihedralRestraints.insert("[ atoms ]\n", List.of()));
    }

    @Test
    void topologyGivesTheBackboneDihedralsByName() {
        Ala2Topology f = Ala2Topology.parse(TOP);
        assertEquals(6, f.atoms());
        assertArrayEquals(new int[] {5, 7, 9, 15}, f.phi());
        assertArrayEquals(new int[] {7, 9, 15, 17}, f.psi());
        assertEquals("ALA-2", f.ramaLabel());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ala2Topology.parse(TOP.replace("ALA", "GLY")));
        assertTrue(e.getMessage().contains("ACE-ALA-NME"), e.getMessage());
    }

    @Test
    void ramaXvgIsReadInRadiansAndMalformedLinesAreNamed() {
        List<String> lines = List.of("# gmx rama", "@    title \"Ramachandran Plot\"", "@ s0 symbol 2",
                "-148.298  164.149  ALA-2", "0.871585  -11.6765  ALA-2");
        double[][] s = RamaXvg.read("r.xvg", lines, "ALA-2");
        assertEquals(2, s.length);
        assertEquals(Math.toRadians(-148.298), s[0][0], 1e-12);
        assertEquals(Math.toRadians(-11.6765), s[1][1], 1e-12);
        OutputFormatException e = assertThrows(OutputFormatException.class,
                () -> RamaXvg.read("r.xvg", List.of("1.0 x ALA-2"), "ALA-2"));
        assertTrue(e.getMessage().contains("r.xvg: line 1"), e.getMessage());
        assertThrows(OutputFormatException.class, () -> RamaXvg.read("r.xvg", List.of("# only comments"), "ALA-2"));
    }

    @Test
    void theExcerptIsTheFatalErrorBlock() {
        List<String> out = List.of("Setting the LD random seed to 1", "Generated 2145 of the 2145 non-bonded parameter",
                "ERROR 1 [file bad.mdp, line 3]:", "  Right hand side 'banana' for parameter 'nsteps' in parameter file",
                "  is not an integer value", "", "There was 1 error in input file(s)", "",
                "-------------------------------------------------------",
                "Program:     gmx grompp, version 2022.5-Debian_2022.5_2",
                "Source file: src/gromacs/gmxpreprocess/grompp.cpp (line 2435)", "", "Fatal error:",
                "There was 1 error in input file(s)", "", "For more information and tips for troubleshooting",
                "-------------------------------------------------------", "trailing noise");
        String x = GromacsLogExcerpt.relevant(out);
        assertTrue(x.contains("'banana' for parameter 'nsteps'") && x.contains("Fatal error:")
                && x.contains("Program:     gmx grompp"), x);
        assertTrue(!x.contains("LD random seed") && !x.contains("trailing noise"), x);
        assertEquals("a\nb\n", GromacsLogExcerpt.relevant(List.of("a", "b")));
    }

    @Test
    void settingsRejectBadValuesNamingTheKey() {
        GromacsSettings d = GromacsSettings.defaults();
        assertEquals(d, GromacsSettings.fromMap(Map.of(), GromacsSettings.PREFIX));
        GromacsSettings s = GromacsSettings.fromMap(Map.of("eelt.oracles.gromacs.kappa", "750",
                "eelt.oracles.gromacs.steps", "20000"), GromacsSettings.PREFIX);
        assertEquals(750, s.kappa());
        assertTrue(s.canonical().contains("kappa=750kJ/mol/rad2") && s.canonical().contains("steps=20000"));
        for (String[] kv : new String[][] {{"kappa", "-1"}, {"integrator", "bd"}, {"cutoff-nm", "2"},
                {"equilibration-fraction", "1"}, {"binary", "gmx -nt 4"}, {"steps", "many"}, {"blocks", "2"}}) {
            OracleSetupException e = assertThrows(OracleSetupException.class, () -> GromacsSettings.fromMap(
                    Map.of(GromacsSettings.PREFIX + kv[0], kv[1]), GromacsSettings.PREFIX));
            assertTrue(e.getMessage().contains(GromacsSettings.PREFIX + kv[0]), e.getMessage());
        }
        OracleSetupException p = assertThrows(OracleSetupException.class, () -> GromacsSettings.fromMap(
                Map.of("eelt.fe.oracle.kappa", "0"), "eelt.fe.oracle."));
        assertTrue(p.getMessage().startsWith("eelt.fe.oracle.kappa must be"), p.getMessage());
        OracleSetupException e = assertThrows(OracleSetupException.class, () -> d.withSteps(500));
        assertTrue(e.getMessage().contains("raise steps"), e.getMessage());
    }

    @Test
    void wrapMapsIntoTheHalfOpenInterval() {
        assertEquals(Math.PI, RestrainedMeanForce.wrap(-Math.PI), 0);
        assertEquals(Math.PI, RestrainedMeanForce.wrap(Math.PI), 0);
        assertEquals(-Math.PI + 0.1, RestrainedMeanForce.wrap(Math.PI + 0.1), 1e-12);
        assertEquals(0.3, RestrainedMeanForce.wrap(0.3 + 6 * Math.PI), 1e-12);
    }

    @Test
    void meanForceOfASyntheticRestrainedSeriesAcrossThePeriodicBoundary() {
        // AR(1) fluctuations of width sqrt(kT/kappa) around s0 + delta, with s0 near +pi so that samples wrap
        double kappa = 500, kT = 2.494, delta = 0.02, rho = 0.9;
        double sigma = Math.sqrt(kT / kappa);
        double[] s0 = {Math.PI - 0.01, -1.0};
        Random rnd = new Random(5);
        int n = 20_000;
        double[][] series = new double[n][2];
        double[] x = {0.5, 0.5}; // first frames far off: the equilibration cut must drop them
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < 2; i++) {
                x[i] = t < 100 ? 0.5 : rho * x[i] + Math.sqrt(1 - rho * rho) * sigma * rnd.nextGaussian();
                series[t][i] = RestrainedMeanForce.wrap(s0[i] + delta + x[i]);
            }
        }
        RestrainedMeanForce.Estimate e = RestrainedMeanForce.estimate(series, s0, kappa, 0.1, 10);
        assertEquals(18_000, e.samples());
        // correlated samples: SE = sigma * sqrt((1 + rho) / (1 - rho) / n) * kappa
        double trueSe = kappa * sigma * Math.sqrt((1 + rho) / (1 - rho) / e.samples());
        for (int i = 0; i < 2; i++) {
            assertEquals(kappa * delta, e.meanForce()[i], 4 * trueSe, "component " + i);
            assertEquals(sigma, e.spread()[i], 0.05 * sigma);
            assertTrue(e.stdErr()[i] > 0.4 * trueSe && e.stdErr()[i] < 2.5 * trueSe,
                    "block error " + e.stdErr()[i] + " vs " + trueSe);
        }
        assertThrows(IllegalArgumentException.class,
                () -> RestrainedMeanForce.estimate(new double[10][2], s0, kappa, 0.1, 10));
    }

    @Test
    void labelSeedsDifferByCenterAndAreNonNegative() {
        long a = GromacsMeanForceOracle.labelSeed(1, new double[] {0.1, 0.2}, 500);
        long b = GromacsMeanForceOracle.labelSeed(1, new double[] {0.1, 0.2000001}, 500);
        assertTrue(a != b && a >= 0 && b >= 0 && a < (1L << 31));
        assertEquals(a, GromacsMeanForceOracle.labelSeed(1, new double[] {0.1, 0.2}, 500));
    }
}
