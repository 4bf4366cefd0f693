package org.eelt.labeler.gromacs;

import org.eelt.labeler.TestStructures;
import org.eelt.labeler.oracle.OracleSetupException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Restrained-MD mean forces of alanine dipeptide with the real {@code gmx} (Debian {@code gromacs};
 * skipped when it is absent). Runs are 20 ps (10 000 steps) to keep the class at a few seconds.
 */
class GromacsMeanForceOracleTest {
    @TempDir
    static Path tmp;
    static GromacsSettings settings;
    static GromacsAla2System system;
    static GromacsMeanForceOracle oracle;

    @BeforeAll
    static void setUp() {
        TestStructures.assumeOnPath("gmx");
        settings = GromacsSettings.defaults().withSteps(10_000).withErrorThreshold(10.0).withSeed(42);
        system = GromacsAla2System.prepare(settings, tmp.resolve("work"), ala2Pdb());
        oracle = new GromacsMeanForceOracle(settings, system);
    }

    static Path ala2Pdb() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path candidate = p.resolveSibling("shared").resolve("fixtures/ala2/alanine-dipeptide.pdb");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("../shared/fixtures/ala2/alanine-dipeptide.pdb not found above "
                + Path.of("").toAbsolutePath());
    }

    private static double rad(double deg) {
        return Math.toRadians(deg);
    }

    @Test
    void setupBuildsThe22AtomTopologyWithTheBackboneDihedralsAndIsReused() throws Exception {
        Ala2Topology f = system.facts();
        assertEquals(22, f.atoms());
        assertArrayEquals(new int[] {5, 7, 9, 15}, f.phi(), "phi = C(ACE)-N-CA-C");
        assertArrayEquals(new int[] {7, 9, 15, 17}, f.psi(), "psi = N-CA-C-N(NME)");
        assertEquals("ALA-2", f.ramaLabel());
        assertTrue(system.gmxVersion().startsWith("GROMACS "), system.gmxVersion());
        assertTrue(system.topology().contains("amber99sb-ildn.ff/forcefield.itp"));
        var mtime = Files.getLastModifiedTime(system.minimised());
        GromacsAla2System again = GromacsAla2System.prepare(settings, tmp.resolve("work"), ala2Pdb());
        assertEquals(mtime, Files.getLastModifiedTime(again.minimised()), "a second prepare reuses the setup");
        assertEquals(22, again.facts().atoms());
    }

    @Test
    void nearTheC7eqMinimumTheMeanForceIsSmallWithErrorBars() {
        GromacsMeanForce m = oracle.label(new double[] {rad(-80), rad(150)});
        System.out.println("gromacs C7eq: " + m);
        assertEquals(180, m.samples(), "201 frames, the first 10 % (21) discarded");
        for (int i = 0; i < 2; i++) {
            assertTrue(Math.abs(m.meanForce()[i]) < 20, "near the minimum |f| is small: " + m);
            assertTrue(m.stdErr()[i] > 0.05 && m.stdErr()[i] < 5, "a finite, modest error bar: " + m);
        }
        assertEquals(settings.canonical(), m.oracleSettings());
        assertEquals(system.gmxVersion(), m.gmxVersion());
        assertTrue(m.wallMs() > 0);
    }

    @Test
    void onTheBarrierSideTheMeanForcePointsBackToTheBasin() {
        // phi0 = 0 lies on the C7eq side of the barrier (top near +10 deg): A rises with phi, f = -dA/dphi < 0
        GromacsMeanForce m = oracle.label(new double[] {0.0, rad(150)});
        System.out.println("gromacs barrier: " + m);
        assertTrue(m.meanForce()[0] < -30, "f_phi must point toward phi < 0: " + m);
        assertTrue(-m.meanForce()[0] > 5 * m.stdErr()[0], "the sign is resolved beyond the error: " + m);
    }

    @Test
    void theMeanForceDoesNotDependOnKappaWithinErrors() {
        double[] c = {rad(-60), rad(150)};
        GromacsSettings s2 = settings.withKappa(1000).withSteps(20_000);
        GromacsMeanForce soft = new GromacsMeanForceOracle(settings.withSteps(20_000), system).label(c);
        GromacsMeanForce stiff = new GromacsMeanForceOracle(s2, system).label(c);
        System.out.println("gromacs kappa 500: " + soft + "\ngromacs kappa 1000: " + stiff);
        assertTrue(soft.meanForce()[0] < -10, "at phi0 = -60 deg A rises with phi: " + soft);
        for (int i = 0; i < 2; i++) {
            double diff = Math.abs(soft.meanForce()[i] - stiff.meanForce()[i]);
            double err = Math.hypot(soft.stdErr()[i], stiff.stdErr()[i]);
            assertTrue(diff < 3 * err + 1.0, "component " + i + ": " + diff + " kJ/mol/rad apart, combined error "
                    + err + "\n" + soft + "\n" + stiff);
        }
    }

    @Test
    void aFarCenterIsReachedThroughThePrePull() {
        // from the extended start (phi ~ -150 deg) to the other side of the phi barrier, C7ax
        GromacsMeanForceOracle stiff = new GromacsMeanForceOracle(settings.withKappa(1000), system);
        GromacsMeanForce m = stiff.label(new double[] {rad(70), rad(-70)});
        System.out.println("gromacs C7ax: " + m);
        assertEquals(180, m.samples());
        assertEquals(1, stiff.prePulls(), "no stored conformation is near C7ax: the label was pre-pulled");
        stiff.label(new double[] {rad(75), rad(-65)});
        assertEquals(1, stiff.prePulls(), "a nearby center starts from the cached C7ax conformation");
        // a run left behind near the start would feel kappa * 140 deg = 2400 kJ/mol/rad
        assertTrue(Math.abs(m.meanForce()[0]) < 60 && Math.abs(m.meanForce()[1]) < 60,
                "C7ax is a basin of A: the force there is moderate: " + m);
    }

    @Test
    void aGromacsFailureQuotesTheLogWithCommandAndDirectory() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("broken"));
        GromacsAla2System.write(dir.resolve("bad.mdp"), GromacsMdp.production(settings, 100, 1)
                .replace("nsteps = 100", "nsteps = banana"));
        GromacsFailureException e = assertThrows(GromacsFailureException.class, () -> system.gmx().run(dir, "grompp",
                "grompp", "-f", "bad.mdp", "-c", system.minimised().toString(), "-p",
                system.dir().resolve("setup/topol.top").toString(), "-o", "bad.tpr"));
        String msg = e.getMessage();
        assertTrue(msg.contains("Fatal error") || msg.contains("ERROR"), msg);
        assertTrue(msg.contains("nsteps"), "the excerpt names the bad parameter: " + msg);
        assertTrue(msg.contains("grompp -f bad.mdp") && msg.contains(dir.toString()), msg);

        // a restraint far too stiff for dt = 2 fs blows the run up inside mdrun
        GromacsMeanForceOracle wild = new GromacsMeanForceOracle(settings.withKappa(1e7), system);
        GromacsFailureException boom = assertThrows(GromacsFailureException.class,
                () -> wild.label(new double[] {rad(-150), rad(160)}));
        System.out.println("gromacs failure message:\n" + boom.getMessage());
        assertTrue(boom.getMessage().contains("mdrun -deffnm md") && boom.getMessage().contains("Fatal error")
                && boom.getMessage().contains("LINCS"), boom.getMessage());
        assertTrue(boom.workDir().isPresent() && Files.isDirectory(boom.workDir().get()), "failed label kept");
    }

    @Test
    void aCenterOutsideTheDomainIsRejectedBeforeAnythingRuns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> oracle.label(new double[] {4.0, 0.0}));
        assertTrue(e.getMessage().contains("phi0 = 4.0 rad") && e.getMessage().contains("(-pi, pi]")
                && e.getMessage().contains("-2.283185"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> oracle.label(new double[] {0.0, -Math.PI}));
        assertTrue(e.getMessage().contains("psi0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> oracle.label(new double[] {0.0, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> oracle.label(new double[] {0.0}));
        GromacsMeanForceOracle.checkCenter(new double[] {Math.PI, Math.PI});
    }

    @Test
    void aLabelAboveTheErrorThresholdIsRejectedWithItsNumbers() {
        GromacsMeanForceOracle strict = new GromacsMeanForceOracle(settings.withErrorThreshold(0.01).withSeed(3), system);
        MeanForceRejectedException e = assertThrows(MeanForceRejectedException.class,
                () -> strict.label(new double[] {rad(-80), rad(150)}));
        assertTrue(e.getMessage().contains("exceeds the threshold 0.010 kJ/mol/rad"), e.getMessage());
        assertEquals(180, e.rejected().samples());
    }

    @Test
    void aMissingGmxIsASetupErrorNamingThePackage() {
        OracleSetupException e = assertThrows(OracleSetupException.class, () -> GromacsAla2System.prepare(
                settings.withBinary("/nonexistent/gmx"), tmp.resolve("other"), ala2Pdb()));
        assertTrue(e.getMessage().contains("apt-get install gromacs"), e.getMessage());
    }
}
