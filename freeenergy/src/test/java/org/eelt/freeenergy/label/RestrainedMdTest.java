package org.eelt.freeenergy.label;

import org.eelt.explorer.md.BlockAverage;
import org.eelt.protocol.atoms.MeanForceLabel;
import org.eelt.protocol.atoms.Provenance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eelt.freeenergy.cv.Cartesian;
import org.eelt.freeenergy.cv.CvAtomException;
import org.eelt.freeenergy.cv.CvDomainException;
import org.eelt.freeenergy.cv.CvSet;
import org.eelt.freeenergy.cv.DegenerateCvException;
import org.eelt.freeenergy.cv.Dihedral;
import org.eelt.freeenergy.mb.MullerBrown;
import org.eelt.freeenergy.mb.MullerBrownPotential;
import org.eelt.potential.builtin.LennardJones;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;

/** Restrained MD on the Müller–Brown system against its exact mean force; bad input. */
class RestrainedMdTest {
    static final CvSet XY = CvSet.of(new Cartesian(0, 0), new Cartesian(0, 1));
    static final double KAPPA = 500; // eV/Å²

    static RestrainedMdSettings settings(long steps, long seed) {
        return RestrainedMdSettings.of(new double[] {KAPPA, KAPPA}, MullerBrownPotential.TEMPERATURE, 0.001, steps,
                0.05, seed);
    }

    /**
     * The exact restrained-ensemble mean force ⟨−∇A(s)⟩ with weight exp(−β(A(s) + κ/2|s − s0|²)), by
     * quadrature on a fine grid (±8 standard deviations of the restraint).
     */
    static double[] restrainedExpectation(double x0, double y0, double kappa, double kT) {
        double sd = Math.sqrt(kT / kappa), h = sd / 40;
        double z = 0, fx = 0, fy = 0;
        double a0 = MullerBrownPotential.exactFreeEnergy(x0, y0);
        for (double x = x0 - 8 * sd; x <= x0 + 8 * sd; x += h) {
            for (double y = y0 - 8 * sd; y <= y0 + 8 * sd; y += h) {
                double a = MullerBrownPotential.exactFreeEnergy(x, y) - a0;
                double w = Math.exp(-(a + 0.5 * kappa * ((x - x0) * (x - x0) + (y - y0) * (y - y0))) / kT);
                double[] f = MullerBrownPotential.exactMeanForce(x, y);
                z += w;
                fx += w * f[0];
                fy += w * f[1];
            }
        }
        return new double[] {fx / z, fy / z};
    }

    @Test
    void meanForceOnMullerBrownMatchesTheExactGradientWithinThreeErrorBars() {
        double x0 = -0.3, y0 = 0.9;
        RestrainedMd.Outcome o = RestrainedMd.label(new MullerBrownPotential(), "mb", MullerBrownPotential.structure(x0, y0),
                null, XY, new double[] {x0, y0}, settings(40_000, 7), "v0");
        assertTrue(o.accepted(), o.rejection());
        MeanForceLabel l = o.label();
        double[] exact = MullerBrownPotential.exactMeanForce(x0, y0);
        double[] smoothed = restrainedExpectation(x0, y0, KAPPA, MullerBrownPotential.kT());
        for (int q = 0; q < 2; q++) {
            double err = l.stdErr(q);
            assertTrue(err > 0 && err < 0.15 * Math.hypot(exact[0], exact[1]), "error bar " + err);
            // the restraint's smoothing bias is below half an error bar at this κ
            assertTrue(Math.abs(smoothed[q] - exact[q]) < 0.3 * err, "bias " + (smoothed[q] - exact[q]) + " vs " + err);
            assertEquals(exact[q], l.meanForce(q), 3 * err, "mean force component " + q + " vs -grad A: " + l);
            assertEquals(smoothed[q], l.meanForce(q), 3 * err, "mean force component " + q + " vs <-grad A>_kappa: " + l);
        }
        assertEquals(MeanForceLabel.EV, l.energyUnit());
        assertEquals(36_001, l.samples()); // steps 4000..40000
        assertEquals("v0", l.provenance().modelVersion());
        assertEquals(7, l.provenance().seed());
        String settings = l.provenance().settings();
        assertTrue(settings.contains("kappa=[500.0, 500.0]") && settings.contains("mb"), settings);
        // f = κ⟨s − s0⟩
        assertEquals(KAPPA * o.meanDelta()[0], l.meanForce(0), 1e-12);
        // same seed, same label
        RestrainedMd.Outcome a = RestrainedMd.label(new MullerBrownPotential(), "mb",
                MullerBrownPotential.structure(x0, y0), null, XY, new double[] {x0, y0}, settings(1_000, 7), "v0");
        RestrainedMd.Outcome b = RestrainedMd.label(new MullerBrownPotential(), "mb",
                MullerBrownPotential.structure(x0, y0), null, XY, new double[] {x0, y0}, settings(1_000, 7), "v0");
        assertEquals(stamped(a.label(), 0), stamped(b.label(), 0), "equal but for the creation time");
    }

    private static MeanForceLabel stamped(MeanForceLabel l, long epochMs) {
        Provenance p = l.provenance();
        return new MeanForceLabel(l.center(), l.meanForce(), l.stdErr(), l.samples(), l.energyUnit(),
                new Provenance(p.source(), p.settings(), p.modelVersion(), p.seed(), p.codeVersion(), epochMs));
    }

    @Test
    void labelsAboveTheErrorThresholdAreRejectedWithAReason() {
        RestrainedMd.Outcome o = RestrainedMd.label(new MullerBrownPotential(), "mb", MullerBrownPotential.structure(0.2, 0.3),
                null, XY, new double[] {0.2, 0.3}, settings(2_000, 3).withMaxStdErr(1e-6), "");
        assertFalse(o.accepted());
        assertTrue(o.rejection().contains("exceeds the threshold") && o.rejection().contains("x(0)"), o.rejection());
    }

    @Test
    void badInputGetsClearErrors() {
        MullerBrownPotential p = new MullerBrownPotential();
        Structure s = MullerBrownPotential.structure(0, 0);
        CvAtomException missing = assertThrows(CvAtomException.class, () -> RestrainedMd.label(p, "mb", s, null,
                CvSet.of(new Cartesian(5, 0)), new double[] {0}, RestrainedMdSettings.of(new double[] {1}, 300, 0.002,
                        1000, 0.05, 1), ""));
        assertTrue(missing.getMessage().contains("x(5)") && missing.getMessage().contains("2 atoms"), missing.getMessage());
        Structure four = new Structure(new String[] {"Ar", "Ar", "Ar", "Ar"},
                new double[] {0, 0, 0, 1.5, 0, 0, 3.0, 0, 0, 4.5, 0, 0}, Cell.nonPeriodic());
        RestrainedMdSettings one = RestrainedMdSettings.of(new double[] {1}, 100, 0.002, 1000, 0.05, 1);
        LennardJones lj = LennardJones.single("Ar", 0.0104, 3.4, 8.0);
        CvDomainException outside = assertThrows(CvDomainException.class, () -> RestrainedMd.label(lj, "lj", four, null,
                CvSet.of(new Dihedral(0, 1, 2, 3)), new double[] {4.0}, one, ""));
        assertTrue(outside.getMessage().contains("dihedral(0,1,2,3)") && outside.getMessage().contains("4.0"),
                outside.getMessage());
        DegenerateCvException degenerate = assertThrows(DegenerateCvException.class, () -> RestrainedMd.label(lj, "lj",
                four, null, CvSet.of(new Dihedral(0, 1, 2, 3)), new double[] {1.0}, one, ""));
        assertTrue(degenerate.getMessage().contains("collinear"), degenerate.getMessage());
        assertTrue(RestrainedMd.labelOrSkip(lj, "lj", four, null, CvSet.of(new Dihedral(0, 1, 2, 3)), new double[] {1.0},
                one, "").isEmpty(), "a degenerate dihedral skips the label");
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> RestrainedMdSettings.of(new double[] {1}, 300, 0.002, 30, 0.05, 1));
        assertTrue(few.getMessage().contains("minBlocks"), few.getMessage());
    }

    @Test
    void blockAverageOfIndependentSamplesMatchesSigmaOverRootN() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        double[] x = new double[1 << 14];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble() - 0.5; // variance 1/12
        }
        double expect = Math.sqrt(1.0 / 12 / x.length);
        assertEquals(expect, BlockAverage.of(x, 32).stdErr(), 0.35 * expect);
        BlockAverage.Estimate fp = BlockAverage.flyvbjergPetersen(x, 32);
        assertTrue(fp.stdErr() >= expect * 0.9 && fp.stdErr() < expect * 1.5, fp.toString());
        // a strongly correlated series (runs of 64 equal values) has a 8x larger error than the naive one
        double[] y = new double[1 << 14];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[i / 64 * 64];
        }
        double naive = Math.sqrt(1.0 / 12 / y.length);
        assertTrue(BlockAverage.flyvbjergPetersen(y, 32).stdErr() > 5 * naive);
        assertEquals(MullerBrown.value(0, 0), MullerBrown.valueAndGradient(0, 0)[0], 0);
    }
}
