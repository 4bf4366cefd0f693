package org.eelt.freeenergy.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.eelt.explorer.md.MdResult;
import org.eelt.explorer.md.MdRunner;
import org.eelt.explorer.md.MdSettings;
import org.eelt.explorer.md.MdState;
import org.eelt.explorer.md.MdListener;
import org.eelt.explorer.md.ThermoSample;
import org.eelt.freeenergy.cv.Cartesian;
import org.eelt.freeenergy.cv.CvSet;
import org.eelt.freeenergy.mb.MullerBrownPotential;
import org.eelt.freeenergy.net.EnsemblePoint;
import org.eelt.freeenergy.net.FeatureMap;
import org.eelt.freeenergy.net.FreeEnergyEnsemble;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;

/** Biased MD is conservative; the CV sampler samples exp(−Ā/γkT); clustering wraps periodic CVs. */
class ExploreTest {
    static final CvSet XY = CvSet.of(new Cartesian(0, 0), new Cartesian(0, 1));

    static FreeEnergyEnsemble mbEnsemble() {
        FeatureMap fm = new FeatureMap(new boolean[] {false, false}, new double[] {-0.3, 0.7}, new double[] {0.5, 0.6},
                0.1);
        return FreeEnergyEnsemble.initial(fm, new int[] {8, 8}, 4, 17);
    }

    static double biasEnergy(EnsembleBiasPotential p, Structure s) {
        return p.bias(s).energy();
    }

    @Test
    void biasForceIsMinusTheGradientOfTheBiasIncludingTheSwitch() {
        FreeEnergyEnsemble e = mbEnsemble();
        Structure s = new Structure(new String[] {"C", "C"}, new double[] {-0.2, 0.8, 0.05, -0.1, 0.9, 1.4},
                org.eelt.protocol.atoms.Cell.nonPeriodic());
        double eps = e.evaluate(new double[] {-0.2, 0.8}).deviation();
        assertTrue(eps > 0);
        // trust levels around ε: the switch is active; and a case with σ = 1 everywhere nearby
        for (double[] levels : new double[][] {{0.6 * eps, 1.5 * eps}, {10 * eps, 20 * eps}}) {
            EnsembleBiasPotential p = new EnsembleBiasPotential(new MullerBrownPotential(), XY, e, levels[0], levels[1],
                    1.0, -0.05);
            EnsembleBiasPotential.Bias b = p.bias(s);
            assertTrue(b.sigma() > 0 && b.sigma() <= 1, "σ = " + b.sigma());
            if (levels[0] < eps) {
                assertTrue(b.sigma() < 1, "switch active");
            }
            double[] x = s.positions();
            double h = 1e-6;
            for (int k = 0; k < x.length; k++) {
                double[] xp = x.clone(), xm = x.clone();
                xp[k] += h;
                xm[k] -= h;
                double fd = -(biasEnergy(p, s.withPositions(xp)) - biasEnergy(p, s.withPositions(xm))) / (2 * h);
                assertEquals(fd, b.forces()[k], 1e-7 * Math.max(1, Math.abs(fd)), "bias force " + k);
            }
            // the full potential adds the bias to the physical forces
            double[] full = p.compute(s).forces(), phys = new MullerBrownPotential().compute(s).forces();
            for (int k = 0; k < x.length; k++) {
                assertEquals(phys[k] + b.forces()[k], full[k], 1e-12);
            }
        }
        double[] sw = EnsembleBiasPotential.switching(0.15, 0.1, 0.2);
        assertEquals(0.5, sw[0], 1e-15);
        assertEquals(-0.5 * Math.PI / 0.1, sw[1], 1e-12);
    }

    @Test
    void biasedNveConservesTheTotalEnergy() {
        FreeEnergyEnsemble e = mbEnsemble();
        double eps = e.evaluate(new double[] {-0.3, 0.9}).deviation();
        EnsembleBiasPotential p = new EnsembleBiasPotential(new MullerBrownPotential(), XY, e, 0.7 * eps, 1.4 * eps,
                1.0, 0);
        MdSettings nve = MdSettings.builder().timestep(0.0005).steps(4000).temperature(300).nve().thermoEvery(50)
                .minDistance(0).maxTemperatureFactor(1e6).seed(3).build();
        List<Double> totals = new ArrayList<>();
        MdResult r = new MdRunner(p, nve).withListener(new MdListener() {
            @Override
            public void thermo(ThermoSample t) {
                totals.add(t.total());
            }
        }).run(MdState.of(MullerBrownPotential.structure(-0.3, 0.9)));
        assertTrue(r.completed(), r.reason());
        double lo = totals.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = totals.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        // kT = 0.026 eV; a non-conservative bias would drift by a sizable fraction of it
        assertTrue(hi - lo < 2e-3, "total energy spread " + (hi - lo) + " eV");
    }

    @Test
    void samplerSamplesTheWellTemperedDistributionOfTheMeanFreeEnergy() {
        FeatureMap fm = new FeatureMap(new boolean[] {true, false}, new double[] {0, 0}, new double[] {1, 0.5}, 1.0);
        FreeEnergyEnsemble e = FreeEnergyEnsemble.initial(fm, new int[] {6, 6}, 4, 5);
        double kT = 0.5, gamma = 2.0;
        List<double[]> starts = List.of(new double[] {0, 0}, new double[] {2, 0.5}, new double[] {-2, -0.5},
                new double[] {3, 0.9});
        CvLangevinSampler.Settings st = new CvLangevinSampler.Settings(kT, gamma, new double[] {2e-3, 5e-4},
                new double[] {Double.NaN, -1}, new double[] {Double.NaN, 1}, 40_000, 10, 9);
        CvLangevinSampler.Result r = CvLangevinSampler.run(e, starts, st);
        assertEquals(4 * 4000, r.samples().size());
        double cos = 0, x = 0;
        for (CvLangevinSampler.Sample s : r.samples()) {
            assertTrue(s.s()[0] > -Math.PI && s.s()[0] <= Math.PI && s.s()[1] >= -1 && s.s()[1] <= 1);
            cos += Math.cos(s.s()[0]) / r.samples().size();
            x += s.s()[1] / r.samples().size();
        }
        // exact averages over exp(-Ā/(γ kT)) on [-π, π] × [-1, 1] by quadrature
        double z = 0, ecos = 0, ex = 0;
        int n = 200;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double phi = -Math.PI + 2 * Math.PI * (i + 0.5) / n, y = -1 + 2.0 * (j + 0.5) / n;
                double w = Math.exp(-e.meanA(new double[] {phi, y}) / (gamma * kT));
                z += w;
                ecos += w * Math.cos(phi);
                ex += w * y;
            }
        }
        assertEquals(ecos / z, cos, 0.05, "<cos φ>");
        assertEquals(ex / z, x, 0.05, "<x>");
    }

    @Test
    void clusteringWrapsPeriodicCvsAndLetsTheHighestScoreLead() {
        List<double[]> pts = List.of(new double[] {3.1, 0}, new double[] {-3.1, 0.05}, new double[] {0, 0},
                new double[] {0.05, 0.02}, new double[] {1.5, 0});
        boolean[] periodic = {true, false};
        int[] reps = CvClustering.representatives(pts, null, periodic, null, 0.2);
        assertArrayEquals(new int[] {0, 2, 4}, reps);
        reps = CvClustering.representatives(pts, new double[] {0.1, 0.9, 0.2, 0.3, 0.0}, periodic, null, 0.2);
        assertArrayEquals(new int[] {1, 3, 4}, reps);
        assertEquals(2 * Math.PI - 6.2, CvClustering.distance(new double[] {3.1, 0}, new double[] {-3.1, 0}, periodic,
                null), 1e-12);
        // without periodicity the two ends of the dihedral range are far apart
        assertEquals(4, CvClustering.representatives(pts, null, new boolean[] {false, false}, null, 0.2).length);
        EnsemblePoint p = mbEnsemble().evaluate(new double[] {0, 0});
        assertEquals(2, p.meanForce().length);
    }
}
