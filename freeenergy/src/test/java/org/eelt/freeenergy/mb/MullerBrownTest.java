package org.eelt.freeenergy.mb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.eelt.potential.ForceResult;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Müller–Brown reference values, the system's forces and the FES grid utilities. */
class MullerBrownTest {
    @TempDir
    Path tmp;

    @Test
    void referenceMinima() {
        double[][] ref = {{-0.558, 1.442, -146.70}, {0.623, 0.028, -108.17}, {-0.050, 0.467, -80.77}};
        for (double[] r : ref) {
            double[] m = MullerBrown.minimize(r[0] + 0.03, r[1] - 0.03);
            assertEquals(r[0], m[0], 5e-4, "x of minimum " + r[2]);
            assertEquals(r[1], m[1], 5e-4, "y of minimum " + r[2]);
            assertEquals(r[2], m[2], 5e-3, "value of minimum");
            double[] g = MullerBrown.valueAndGradient(m[0], m[1]);
            assertEquals(0, Math.hypot(g[1], g[2]), 1e-8);
        }
    }

    @Test
    void forcesAreMinusTheEnergyGradient() {
        MullerBrownPotential p = new MullerBrownPotential();
        Structure s = new Structure(new String[] {"C", "C"}, new double[] {-0.3, 0.8, 0.12, -0.1, 0.7, 1.3},
                org.eelt.protocol.atoms.Cell.nonPeriodic());
        ForceResult r = p.compute(s);
        double[] x = s.positions();
        double h = 1e-6;
        for (int a = 0; a < 6; a++) {
            double[] xp = x.clone(), xm = x.clone();
            xp[a] += h;
            xm[a] -= h;
            double fd = -(p.compute(s.withPositions(xp)).energy() - p.compute(s.withPositions(xm)).energy()) / (2 * h);
            assertEquals(fd, r.forces()[a], 1e-7, "F[" + a + "]");
        }
        assertEquals(r.energy(), r.atomicEnergies()[0] + r.atomicEnergies()[1], 1e-15);
        // the coupling is translation invariant: the exact marginal is the scaled MB surface
        assertEquals(MullerBrownPotential.exactFreeEnergy(-0.3, 0.8), 2.5e-3 * MullerBrown.value(-0.3, 0.8), 0);
        assertArrayEquals(new double[] {r.forces()[0] + r.forces()[3], r.forces()[1] + r.forces()[4]},
                MullerBrownPotential.exactMeanForce(-0.3, 0.8), 1e-12);
    }

    @Test
    void barrierIsAboutTenKt() {
        double kT = MullerBrownPotential.kT();
        double saddle = MullerBrownPotential.exactFreeEnergy(-0.822, 0.624);
        double deep = MullerBrownPotential.exactFreeEnergy(-0.558, 1.442);
        assertEquals(10.25, (saddle - deep) / kT, 0.05);
    }

    @Test
    void rmseAlignsTheConstantAndCountsOnlyTheLowRegion() {
        double[] xs = FesGrid.linspace(-1.5, 1.0, 51), ys = FesGrid.linspace(-0.5, 2.0, 51);
        FesGrid exact = FesGrid.mullerBrownExact(xs, ys);
        double kT = MullerBrownPotential.kT();
        FesGrid shifted = FesGrid.evaluate((x, y) -> MullerBrownPotential.exactFreeEnergy(x, y) + 7.0, xs, ys);
        assertEquals(0, shifted.rmseKt(exact, kT, 10), 1e-9);
        // an error of +0.5 kT on one half of the region and -0.5 kT on the other: RMSE 0.5 kT after alignment
        FesGrid wrong = FesGrid.evaluate((x, y) -> MullerBrownPotential.exactFreeEnergy(x, y) + (x < -0.3 ? 0.5 : -0.5) * kT
                + (MullerBrownPotential.exactFreeEnergy(x, y) - exact.min() > 10 * kT ? 100 : 0), xs, ys);
        double rmse = wrong.rmseKt(exact, kT, 10);
        assertTrue(rmse > 0.3 && rmse <= 0.5 + 1e-12, "rmse " + rmse);
        // ΔF between the deep basin (y > 1) and the rest of the low region equals -kT ln of the population ratio
        double df = exact.deltaF((x, y) -> y > 1.0, (x, y) -> y <= 1.0, kT);
        assertTrue(df > 2 * kT && df < 5 * kT, "ΔF " + df / kT + " kT");
        // a periodic axis: cell centres, symmetric, none at ±π
        double[] phi = FesGrid.periodicAxis(4);
        assertArrayEquals(new double[] {-0.75 * Math.PI, -0.25 * Math.PI, 0.25 * Math.PI, 0.75 * Math.PI}, phi, 1e-15);
        // ΔF of a known two-level surface: basin b is 1 kT higher on the same number of points -> ΔF = 1 kT
        FesGrid two = FesGrid.evaluate((x, y) -> x < 0 ? 0 : kT, FesGrid.periodicAxis(10), FesGrid.periodicAxis(6));
        assertEquals(kT, two.deltaF((x, y) -> x < 0, (x, y) -> x > 0, kT), 1e-15);
    }

    @Test
    void writesCsvAndPngHeatMap() throws IOException {
        double[] xs = FesGrid.linspace(-1.5, 1.0, 41), ys = FesGrid.linspace(-0.5, 2.0, 31);
        FesGrid exact = FesGrid.mullerBrownExact(xs, ys);
        Path csv = tmp.resolve("fes.csv"), png = tmp.resolve("fes.png");
        exact.writeCsv(csv, "x_A", "y_A", "A_eV", exact);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("x_A,y_A,A_eV,exact", lines.get(0));
        assertEquals(1 + 41 * 31, lines.size());
        String[] first = lines.get(1).split(",");
        assertEquals(-1.5, Double.parseDouble(first[0]), 0);
        assertEquals(MullerBrownPotential.exactFreeEnergy(-1.5, -0.5), Double.parseDouble(first[2]), 1e-7);
        exact.writePng(png, "Muller-Brown exact A", "x (A)", "y (A)", "eV", 10 * MullerBrownPotential.kT());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(720, img.getWidth());
        assertEquals(540, img.getHeight());
        // the deep minimum (-0.558, 1.442) is drawn in the darkest colour, a high corner clipped to white
        int px = 80 + (int) Math.round((-0.558 + 1.5) / 2.5 * (720 - 210 - 1));
        int py = 50 + (int) Math.round((2.0 - 1.442) / 2.5 * (540 - 120 - 1));
        assertEquals(FesImage.colour(0).getRGB() & 0xFFFFFF, img.getRGB(px, py) & 0xFFFFFF, "minimum pixel");
        assertEquals(0xFFFFFF, img.getRGB(720 - 130 - 2, 50 + 1) & 0xFFFFFF, "clipped corner (1.0, 2.0)");
    }
}
