package org.eelt.explorer.md;

import org.eelt.explorer.build.Bulk;
import org.eelt.explorer.build.Perturbations;
import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.potential.builtin.LennardJones;
import org.eelt.potential.builtin.SuttonChen;
import org.eelt.potential.neighbor.NeighborList;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.ExtXyz;
import org.eelt.protocol.units.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MdEngineTest {
    private static final Structure CU32 = Bulk.fcc("Cu", 3.615, 2);

    @Test
    void maxwellBoltzmannHasZeroMomentumAndTheExactTemperature() {
        MdState s = MdState.of(Bulk.fcc("Cu", 3.615, 3));
        int dof = 3 * s.size() - 3;
        Velocities.maxwellBoltzmann(s, 450, dof, new Gaussian(new SplittableRandom(3)));
        double[] v = s.velocities();
        double[] m = s.masses();
        double[] p = new double[3];
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < 3; k++) {
                p[k] += m[i] * v[3 * i + k];
            }
        }
        assertArrayEquals(new double[3], p, 1e-10);
        assertEquals(450, Kinetics.temperature(Kinetics.kineticEnergy(m, v), dof), 1e-9);
        // ½ m v² in eV from amu·Å²/ps²: one Cu atom at 1 Å/ps
        assertEquals(0.5 * 63.546 * Units.AMU_A2_PER_PS2_EV, Kinetics.kineticEnergy(new double[] {63.546},
                new double[] {1, 0, 0}), 1e-15);
    }

    @Test
    void deformedNeighborListGivesTheSameForcesAsAFreshOne() {
        Potential sc = SuttonChen.copper();
        MdState s = MdState.of(Perturbations.rattle(CU32, 0.05, 1));
        ForceEngine engine = new ForceEngine(sc, 1.0, null);
        engine.evaluate(s);
        double[] m = {1.01, 0, 0, 0, 0.995, 0, 0, 0, 1.004};
        for (int i = 0; i < s.size(); i++) {
            for (int a = 0; a < 3; a++) {
                s.positions[3 * i + a] *= m[4 * a];
            }
        }
        s.cell = s.cell.transformed(m);
        engine.deform(m, s.cell);
        int builds = engine.builds();
        ForceEngine.Evaluation carried = engine.evaluate(s);
        assertEquals(builds, engine.builds(), "the list was carried over, not rebuilt");
        ForceResult fresh = sc.compute(s.structure());
        assertEquals(fresh.energy(), carried.energy(), 1e-9);
        assertArrayEquals(fresh.forces(), carried.forces(), 1e-9);
        assertArrayEquals(fresh.virial(), carried.virial(), 1e-9);
    }

    @Test
    void fixedAtomsStayPutAndBiasForcesEnterTheConservedEnergy() {
        MdState s = MdState.of(CU32).fix(0, 1);
        double[] r0 = s.positions();
        double k = 2.0;
        // harmonic tether of atom 5 to its start point: V = k/2 |r5 − r5⁰|²
        BiasForce tether = (st, f, vir) -> {
            double e = 0;
            for (int c = 0; c < 3; c++) {
                double d = st.position(5, c) - r0[15 + c];
                e += 0.5 * k * d * d;
                f[15 + c] -= k * d;
            }
            return e;
        };
        MdTestSupport.Recorder rec = new MdTestSupport.Recorder();
        MdSettings set = MdSettings.builder().timestep(0.001).steps(1000).temperature(900).nve().seed(4)
                .thermoEvery(20).build();
        MdResult res = new MdRunner(SuttonChen.copper(), set).withBias(tether).withListener(rec).run(s);
        assertTrue(res.completed(), res.reason());
        double[] r = s.positions();
        for (int c = 0; c < 6; c++) {
            assertEquals(r0[c], r[c], 0.0, "fixed atoms never move");
        }
        assertEquals(0, s.velocities()[0]);
        double e0 = rec.samples.get(0).total();
        for (ThermoSample t : rec.samples) {
            assertEquals(e0, t.total(), 2e-3, "energy with bias conserved at step " + t.step());
        }
        double dx = r[15] - r0[15];
        assertTrue(Math.abs(dx) < 0.5, "tethered atom stays near its site");
    }

    @Test
    void explosionsStopTheRunWithAReason() {
        // (a) a 20 fs time step at 3000 K blows up: temperature runaway or collapse
        MdSettings fast = MdSettings.builder().timestep(0.02).steps(2000).temperature(3000).nve().seed(1)
                .checkEvery(1).build();
        MdResult r = new MdRunner(SuttonChen.copper(), fast).run(MdState.of(CU32));
        assertFalse(r.completed());
        assertTrue(r.reason().startsWith("step "), r.reason());
        assertTrue(r.steps() < 2000);
        // (b) two atoms 0.3 Å apart are caught before the first step
        double[] pos = CU32.positions();
        pos[3] = pos[0] + 0.3;
        pos[4] = pos[1];
        pos[5] = pos[2];
        MdResult close = new MdRunner(SuttonChen.copper(), MdSettings.builder().steps(10).build())
                .run(MdState.of(CU32.withPositions(pos)));
        assertEquals(MdResult.Status.EXPLODED, close.status());
        assertTrue(close.reason().contains("atoms 0 and 1") && close.reason().contains("step 0"), close.reason());
        // (c) a potential that returns NaN
        Potential broken = new Potential() {
            @Override
            public double cutoff() {
                return 3;
            }

            @Override
            public List<String> species() {
                return List.of("Cu");
            }

            @Override
            public ForceResult compute(Structure structure, NeighborList neighbors) {
                double[] f = new double[3 * structure.size()];
                f[7] = Double.NaN;
                return new ForceResult(0, f, new double[9], new double[structure.size()], null);
            }
        };
        MdResult nan = new MdRunner(broken, MdSettings.builder().steps(10).build()).run(MdState.of(CU32));
        assertTrue(nan.reason().contains("non-finite force") && nan.reason().contains("atom 2"), nan.reason());
    }

    @Test
    void thermoAndTrajectoryOutputsAreWritten(@TempDir Path dir) throws Exception {
        StringWriter thermo = new StringWriter();
        StringWriter traj = new StringWriter();
        MdSettings set = MdSettings.builder().timestep(0.002).steps(100).temperature(300).bussi(0.1).seed(2)
                .thermoEvery(25).trajectoryEvery(50).build();
        new MdRunner(SuttonChen.copper(), set).withListener(new ThermoWriter(thermo))
                .withListener(new TrajectoryWriter(traj)).run(MdState.of(CU32));
        String[] lines = thermo.toString().split("\n");
        assertEquals(ThermoWriter.HEADER, lines[0]);
        assertEquals(6, lines.length, "header + steps 0, 25, 50, 75, 100");
        assertTrue(lines[5].startsWith("100 0.200000 "), lines[5]);
        Path file = dir.resolve("traj.xyz");
        Files.writeString(file, traj.toString());
        List<Frame> frames = ExtXyz.read(file);
        assertEquals(3, frames.size(), "steps 0, 50, 100");
        Frame last = frames.get(2);
        assertEquals(CU32.size(), last.structure().size());
        assertTrue(last.hasForces() && last.hasEnergy());
        ForceResult check = SuttonChen.copper().compute(last.structure());
        assertEquals(check.energy(), last.energy(), 1e-6);
    }

    @Test
    void badSettingsNameTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MdSettings.builder().timestep(-1).build());
        assertTrue(e.getMessage().contains("'timestep'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MdSettings.builder()
                .barostat(MdSettings.Barostat.ISOTROPIC, 1, 1, 1e-6).build());
        assertTrue(e.getMessage().contains("thermostat"), e.getMessage());
        Structure molecule = new Structure(new String[] {"Ar", "Ar"}, new double[] {0, 0, 0, 3.8, 0, 0},
                Cell.nonPeriodic());
        MdSettings npt = MdSettings.builder().bussi(0.1).barostat(MdSettings.Barostat.ISOTROPIC, 1, 1, 1e-6).build();
        LennardJones lj = LennardJones.single("Ar", 0.0104, 3.4, 8.5);
        assertThrows(IllegalArgumentException.class, () -> new MdRunner(lj, npt).run(MdState.of(molecule)));
    }

    @Test
    void bussiGammaDeviatesHaveTheRightMeanAndVariance() {
        Gaussian g = new Gaussian(new SplittableRandom(11));
        for (double shape : new double[] {0.5, 3.0, 160.5}) {
            int n = 200_000;
            double sum = 0, sum2 = 0;
            for (int i = 0; i < n; i++) {
                double x = BussiThermostat.gamma(shape, g);
                sum += x;
                sum2 += x * x;
            }
            double mean = sum / n, var = sum2 / n - mean * mean;
            assertEquals(shape, mean, 5 * Math.sqrt(shape / n), "mean of Gamma(" + shape + ")");
            assertEquals(shape, var, 0.03 * shape, "variance of Gamma(" + shape + ")");
        }
    }
}
