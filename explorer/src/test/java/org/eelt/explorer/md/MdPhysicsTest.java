package org.eelt.explorer.md;

import org.eelt.explorer.build.Bulk;
import org.eelt.potential.Potential;
import org.eelt.potential.builtin.SuttonChen;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MdPhysicsTest {
    private static final Structure CU108 = Bulk.fcc("Cu", 3.615, 3);

    private static MdTestSupport.Recorder run(Potential pot, MdSettings s, MdState state) {
        MdTestSupport.Recorder rec = new MdTestSupport.Recorder();
        MdResult res = new MdRunner(pot, s).withListener(rec).run(state);
        assertTrue(res.completed(), res.reason());
        return rec;
    }

    private static double maxDrift(MdTestSupport.Recorder rec, int n) {
        double e0 = rec.samples.get(0).conserved(), worst = 0;
        for (ThermoSample t : rec.samples) {
            worst = Math.max(worst, Math.abs(t.conserved() - e0) / n);
        }
        return worst;
    }

    @Test
    void nveConservesEnergyWithTabulatedEamFor10PsAt600K() {
        MdSettings s = MdSettings.builder().timestep(0.001).steps(10_000).temperature(1200).nve()
                .seed(5).thermoEvery(100).build();
        // start at 2 × 600 K in the perfect lattice: equipartition brings the crystal to ~600 K
        MdTestSupport.Recorder rec = run(MdTestSupport.cuU3(), s, MdState.of(CU108));
        double drift = maxDrift(rec, CU108.size());
        System.out.printf("NVE Cu_u3 108 atoms 10 ps: max |dE|/N = %.2e eV/atom%n", drift);
        assertTrue(drift < 1e-4, "energy drift " + drift + " eV/atom");
        double[] t = rec.meanAndError(ThermoSample::temperature, 0.2);
        assertEquals(600, t[0], 60, "equipartition halves the initial temperature");
    }

    @Test
    void nveConservesEnergyWithSuttonChen() {
        MdSettings s = MdSettings.builder().timestep(0.001).steps(2000).temperature(1200).nve()
                .seed(6).thermoEvery(50).build();
        MdTestSupport.Recorder rec = run(SuttonChen.copper(), s, MdState.of(CU108));
        double drift = maxDrift(rec, CU108.size());
        System.out.printf("NVE Sutton-Chen 108 atoms 2 ps: max |dE|/N = %.2e eV/atom%n", drift);
        assertTrue(drift < 1e-4, "energy drift " + drift + " eV/atom");
    }

    @Test
    void langevinHoldsTheTargetTemperature() {
        MdSettings s = MdSettings.builder().timestep(0.002).steps(10_000).temperature(600).langevin(0.1)
                .seed(7).thermoEvery(10).build();
        MdTestSupport.Recorder rec = run(MdTestSupport.cuU3(), s, MdState.of(CU108));
        double[] t = rec.meanAndError(ThermoSample::temperature, 0.1);
        System.out.printf("Langevin 600 K: <T> = %.1f ± %.1f K%n", t[0], t[1]);
        assertEquals(600, t[0], 12, "mean T within 2 %");
    }

    @Test
    void bussiHoldsTheTargetTemperatureAndItsConservedEnergy() {
        MdSettings s = MdSettings.builder().timestep(0.002).steps(10_000).temperature(600).bussi(0.1)
                .seed(8).thermoEvery(10).build();
        MdTestSupport.Recorder rec = run(MdTestSupport.cuU3(), s, MdState.of(CU108));
        double[] t = rec.meanAndError(ThermoSample::temperature, 0.1);
        System.out.printf("Bussi 600 K: <T> = %.1f ± %.1f K, conserved drift %.2e eV/atom%n", t[0], t[1],
                maxDrift(rec, CU108.size()));
        assertEquals(600, t[0], 12, "mean T within 2 %");
        assertTrue(maxDrift(rec, CU108.size()) < 1e-3, "Bussi effective energy is conserved");
    }

    @Test
    void isotropicNptReachesTheTargetPressure() {
        // start 2 % compressed: the barostat must expand the crystal to zero pressure
        Structure squeezed = Bulk.fcc("Cu", 3.615 * 0.98, 3);
        MdSettings s = MdSettings.builder().timestep(0.002).steps(15_000).temperature(300).bussi(0.1)
                .barostat(MdSettings.Barostat.ISOTROPIC, 0.0, 0.5, 7.3e-7).seed(9).thermoEvery(10).build();
        MdTestSupport.Recorder rec = run(MdTestSupport.cuU3(), s, MdState.of(squeezed));
        double[] p = rec.meanAndError(ThermoSample::pressure, 0.2);
        double[] v = rec.meanAndError(ThermoSample::volume, 0.2);
        System.out.printf("NPT iso 0 bar: <P> = %.0f ± %.0f bar, <V>/atom = %.3f Å^3 (start %.3f)%n", p[0], p[1],
                v[0] / 108, squeezed.cell().volume() / 108);
        assertTrue(rec.samples.get(0).pressure() > 20_000, "the squeezed start is under pressure");
        assertEquals(0, p[0], 3 * p[1] + 100, "mean pressure within its statistical error");
        assertTrue(v[0] > CU108.cell().volume(), "thermal expansion beyond the 0 K volume");
    }

    @Test
    void anisotropicNptRelaxesAStrainedBoxBackToCubic() {
        // x stretched 3 %, y squeezed 1 %: each axis must relax to the same length (cubic crystal)
        Structure strained = org.eelt.explorer.build.Perturbations.deform(CU108,
                new double[] {1.03, 0, 0, 0, 0.99, 0, 0, 0, 1.0});
        MdSettings s = MdSettings.builder().timestep(0.002).steps(8_000).temperature(300).langevin(0.1)
                .barostat(MdSettings.Barostat.ANISOTROPIC, 0.0, 0.1, 7.3e-7).seed(10).trajectoryEvery(20)
                .thermoEvery(1000).build();
        double[] sum = new double[3];
        int[] count = {0};
        MdListener boxes = new MdListener() {
            @Override
            public void frame(long step, double time, org.eelt.protocol.atoms.Frame frame) {
                if (step > 3000) {
                    for (int a = 0; a < 3; a++) {
                        sum[a] += frame.structure().cell().get(a, a);
                    }
                    count[0]++;
                }
            }
        };
        MdResult res = new MdRunner(MdTestSupport.cuU3(), s).withListener(boxes).run(MdState.of(strained));
        assertTrue(res.completed(), res.reason());
        double lx = sum[0] / count[0], ly = sum[1] / count[0], lz = sum[2] / count[0];
        System.out.printf("NPT aniso: mean box %.4f %.4f %.4f Å (start %.3f %.3f %.3f)%n", lx, ly, lz,
                strained.cell().get(0, 0), strained.cell().get(1, 1), strained.cell().get(2, 2));
        assertEquals(lx, ly, 0.01 * lx);
        assertEquals(lx, lz, 0.01 * lx);
    }

    @Test
    void sameSeedSameTrajectoryOtherSeedDifferent() {
        MdSettings s = MdSettings.builder().timestep(0.002).steps(300).temperature(500).langevin(0.1)
                .seed(42).build();
        MdState a = MdState.of(CU108), b = MdState.of(CU108), c = MdState.of(CU108);
        Potential pot = SuttonChen.copper();
        new MdRunner(pot, s).run(a);
        new MdRunner(pot, s).run(b);
        new MdRunner(pot, s.toBuilder().seed(43).build()).run(c);
        assertArrayEquals(a.positions(), b.positions());
        assertArrayEquals(a.velocities(), b.velocities());
        assertTrue(Math.abs(a.positions()[0] - c.positions()[0]) > 1e-6);
    }
}
