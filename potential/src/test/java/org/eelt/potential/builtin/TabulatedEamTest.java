package org.eelt.potential.builtin;

import org.eelt.potential.ForceResult;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.FormatException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TabulatedEamTest {
    @TempDir
    Path dir;

    private static final int NR = 2000, NRHO = 2000;
    private static final double DR = 0.003, DRHO = 0.005, CUT = 5.5;

    private static void table(StringBuilder b, int n, double d, DoubleUnaryOperator f) {
        for (int k = 0; k < n; k++) {
            b.append(String.format(Locale.ROOT, "%.17g", f.applyAsDouble(k * d))).append(k % 5 == 4 ? "\n" : " ");
        }
    }

    private static double g(double r) {
        return Math.exp(-r) * Math.pow(Math.max(0, CUT - r), 3);
    }

    /** Writes a 2-element file (setfl or fs) with analytic functions; see {@link #fsDimerEnergy}. */
    private Path writeSynthetic(boolean fs) throws IOException {
        StringBuilder b = new StringBuilder("synthetic\nfor\ntests\n2 A B\n");
        b.append(String.format(Locale.ROOT, "%d %.17g %d %.17g %.17g%n", NRHO, DRHO, NR, DR, CUT));
        double[] fscale = {1, 10};
        for (int a = 0; a < 2; a++) {
            b.append(a + 1).append(" 10.0 3.0 fcc\n");
            double s = fscale[a];
            table(b, NRHO, DRHO, x -> s * x);
            int na = a;
            if (fs) {
                for (int c = 0; c < 2; c++) {
                    double w = 1 + 2 * na + c;
                    table(b, NR, DR, r -> w * g(r));
                }
            } else {
                table(b, NR, DR, r -> (1 + na) * g(r));
            }
        }
        for (int a = 0; a < 2; a++) {
            for (int c = 0; c <= a; c++) {
                double w = 0.1 * (1 + a + c);
                table(b, NR, DR, r -> w * r * g(r));
            }
        }
        Path p = dir.resolve(fs ? "syn.eam.fs" : "syn.eam.alloy");
        Files.writeString(p, b.toString());
        return p;
    }

    private static Structure dimer(String a, String b, double r) {
        return new Structure(new String[] {a, b}, new double[] {0, 0, 0, r, 0, 0}, Cell.nonPeriodic());
    }

    @Test
    void finnisSinclairDensityIndexingFollowsLammps() throws IOException {
        // fs blocks: element A's block holds rho_AA = 1 g, rho_AB = 2 g; B's block rho_BA = 3 g, rho_BB = 4 g.
        // LAMMPS: the density at atom i from neighbor j is block(j), function(i). F_A(ρ) = ρ, F_B(ρ) = 10 ρ.
        // A-B dimer: ρ_A = rho_BA = 3g, ρ_B = rho_AB = 2g → E = 3g + 10·2g + φ_AB, φ_AB = 0.2 g.
        TabulatedEam eam = TabulatedEam.load(writeSynthetic(true));
        double r = 2.5;
        assertEquals(23 * g(r) + 0.2 * g(r), eam.compute(dimer("A", "B", r)).energy(), 1e-7);
        // setfl: density from a neighbor depends only on the neighbor: ρ_A = 2g, ρ_B = 1g → E = 2g + 10g + 0.2g
        TabulatedEam alloy = TabulatedEam.load(writeSynthetic(false));
        assertEquals(12.2 * g(r), alloy.compute(dimer("A", "B", r)).energy(), 1e-7);
        // B-B pair term 0.1·(1+1+1) = 0.3 g; densities 2g each, F_B = 10 ρ
        assertEquals(40 * g(r) + 0.3 * g(r), alloy.compute(dimer("B", "B", r)).energy(), 1e-7);
    }

    @Test
    void splineReproducesTabulatedValuesAtGridPoints() throws IOException {
        TabulatedEam eam = TabulatedEam.load(writeSynthetic(false));
        // pair term at r = 100·dr exactly on the grid: z2r/r
        double r = 100 * DR;
        double e = eam.compute(dimer("A", "A", r)).energy();
        assertEquals(2 * g(r) + 0.1 * g(r), e, 1e-12 * Math.abs(e));
    }

    private static Path lammpsFile(String name) {
        Path p = LammpsEamValidationTest.POTENTIALS.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(p), p + " is missing: install Debian's 'lammps-data'");
        return p;
    }

    @Test
    void realFilesGiveFiniteDifferenceForcesAndVirials() {
        for (String name : List.of("Cu_u3.eam", "Cu_mishin1.eam.alloy")) {
            TabulatedEam eam = TabulatedEam.load(lammpsFile(name));
            Structure s = PotentialChecks.rattle(PotentialChecks.fcc("Cu", 3.615, 2), 0.12, 5);
            PotentialChecks.assertForcesMatchFiniteDifferences(eam, s, 5, 1e-5, 2e-7);
            PotentialChecks.assertVirialMatchesStrainDerivative(eam, s, 1e-6, 2e-6);
            ForceResult res = eam.compute(s);
            assertEquals(res.energy(), PotentialChecks.sum(res.atomicEnergies()), 1e-10);
        }
    }

    @Test
    void publishedCohesiveEnergiesOfCopper() {
        // Foiles u3 and Mishin 2001 Cu are both fitted to E_coh = 3.54 eV at a = 3.615 Å
        for (String name : List.of("Cu_u3.eam", "Cu_mishin1.eam.alloy")) {
            TabulatedEam eam = TabulatedEam.load(lammpsFile(name));
            Structure s = PotentialChecks.fcc("Cu", 3.615, 3);
            ForceResult res = eam.compute(s);
            assertEquals(-3.54, res.energy() / s.size(), 5e-3, name);
            for (double f : res.forces()) {
                assertEquals(0, f, 1e-10);
            }
        }
    }

    @Test
    void densitiesBeyondTheTableExtendTheEmbeddingEnergyLinearly() {
        TabulatedEam eam = TabulatedEam.load(lammpsFile("Cu_u3.eam"));
        // fcc at a = 2.3 Å has rho ≈ 0.31 > rho_max = 0.2495; energy stays consistent with the forces
        Structure s = PotentialChecks.rattle(PotentialChecks.fcc("Cu", 2.3, 2), 0.05, 9);
        PotentialChecks.assertForcesMatchFiniteDifferences(eam, s, 3, 1e-6, 1e-5);
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("Nope.eam.alloy");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabulatedEam.load(missing));
        assertTrue(e.getMessage().contains("Nope.eam.alloy") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void elementTheFileLacksIsNamedWithTheAvailableOnes() {
        TabulatedEam eam = TabulatedEam.load(lammpsFile("Cu_u3.eam"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> eam.compute(dimer("Cu", "Ni", 2.5)));
        assertTrue(e.getMessage().contains("'Ni'") && e.getMessage().contains("[Cu]"), e.getMessage());
    }

    @Test
    void truncatedFileNamesFileAndLine() throws IOException {
        Path p = writeSynthetic(false);
        List<String> lines = Files.readAllLines(p);
        Path cut = dir.resolve("cut.eam.alloy");
        Files.write(cut, lines.subList(0, 300));
        FormatException e = assertThrows(FormatException.class, () -> TabulatedEam.load(cut));
        assertTrue(e.getMessage().contains("cut.eam.alloy") && e.getMessage().contains("line"), e.getMessage());
    }

    @Test
    void perAtomVirialsCanBeSwitchedOffWithoutChangingAnythingElse() {
        TabulatedEam eam = TabulatedEam.load(lammpsFile("Cu_mishin1.eam.alloy"));
        Structure s = PotentialChecks.rattle(PotentialChecks.fcc("Cu", 3.615, 2), 0.1, 4);
        ForceResult with = eam.compute(s);
        ForceResult without = eam.withAtomicVirials(false).compute(s);
        assertTrue(without.atomicVirials() == null && with.atomicVirials() != null);
        assertEquals(with.energy(), without.energy(), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(with.forces(), without.forces(), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(with.virial(), without.virial(), 0.0);
    }
}
