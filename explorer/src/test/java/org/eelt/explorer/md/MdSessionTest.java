package org.eelt.explorer.md;

import java.util.ArrayList;
import java.util.List;

import org.eelt.explorer.build.Bulk;
import org.eelt.explorer.build.Perturbations;
import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.potential.builtin.LennardJones;
import org.eelt.potential.builtin.SuttonChen;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run advanced in chunks is the same run: positions, velocities, cell, frames, random stream. */
class MdSessionTest {
    private static final Structure CU32 = Perturbations.rattle(Bulk.fcc("Cu", 3.615, 2), 0.03, 11);

    /** Frames (step and the frame) as a listener sees them. */
    private static final class Frames implements MdListener {
        final List<Long> steps = new ArrayList<>();
        final List<Frame> frames = new ArrayList<>();

        @Override
        public void frame(long step, double time, Frame frame) {
            steps.add(step);
            frames.add(frame);
        }
    }

    private static void assertSameRun(MdSession a, MdSession b) {
        assertEquals(a.state().step(), b.state().step());
        assertEquals(a.state().time(), b.state().time(), 0);
        assertArrayEquals(a.state().positions(), b.state().positions(), 0, "positions bit for bit");
        assertArrayEquals(a.state().velocities(), b.state().velocities(), 0, "velocities bit for bit");
        assertArrayEquals(a.state().cell().matrix(), b.state().cell().matrix(), 0, "cell bit for bit");
    }

    private static void chunkedEqualsOneRun(MdSettings settings, Potential p) {
        Frames whole = new Frames();
        MdSession one = new MdRunner(p, settings).withListener(whole).session(MdState.of(CU32));
        MdResult r = one.advance(settings.steps());
        assertTrue(r.completed(), r.reason());
        assertEquals(settings.steps(), r.steps());

        Frames chunked = new Frames();
        MdSession many = new MdRunner(p, settings).session(MdState.of(CU32));
        long[] chunks = {1, 29, 40, 7, 63, 40, 20}; // 200 steps in uneven chunks
        long sum = 0;
        for (long n : chunks) {
            MdResult c = many.advance(n, chunked);
            assertEquals(n, c.steps());
            sum += n;
        }
        assertEquals(settings.steps(), sum);
        assertSameRun(one, many);
        // chunk listeners see each sampled step once; the runner's listener also saw step 0
        assertEquals(whole.steps.subList(1, whole.steps.size()), chunked.steps);
        assertEquals(0L, whole.steps.get(0));
        for (int i = 0; i < chunked.frames.size(); i++) {
            Frame x = whole.frames.get(i + 1), y = chunked.frames.get(i);
            assertArrayEquals(x.structure().positions(), y.structure().positions(), 0);
            assertArrayEquals(x.forces(), y.forces(), 0);
        }
    }

    @Test
    void langevinNptInChunksIsTheSameRunAsOneLongRun() {
        MdSettings s = MdSettings.builder().timestep(0.002).steps(200).temperature(900).langevin(0.2)
                .barostat(MdSettings.Barostat.ANISOTROPIC, 5000, 0.1, 1e-6).seed(21).trajectoryEvery(10).build();
        chunkedEqualsOneRun(s, SuttonChen.copper());
    }

    @Test
    void bussiNptAndNveInChunksAreTheSameRunAsOneLongRun() {
        chunkedEqualsOneRun(MdSettings.builder().timestep(0.002).steps(200).temperature(600).bussi(0.1)
                .barostat(MdSettings.Barostat.ISOTROPIC, -2000, 0.1, 1e-6).seed(22).trajectoryEvery(7).build(),
                SuttonChen.copper());
        chunkedEqualsOneRun(MdSettings.builder().timestep(0.001).steps(200).temperature(600).nve().seed(23)
                .trajectoryEvery(25).build(), SuttonChen.copper());
    }

    @Test
    void theRunOfRunIsTheSessionsFirstChunk() {
        MdSettings s = MdSettings.builder().timestep(0.002).steps(50).temperature(300).langevin(0.1).seed(3).build();
        MdState a = MdState.of(CU32), b = MdState.of(CU32);
        new MdRunner(SuttonChen.copper(), s).run(a);
        new MdRunner(SuttonChen.copper(), s).session(b).advance(50);
        assertArrayEquals(a.positions(), b.positions(), 0);
        assertArrayEquals(a.velocities(), b.velocities(), 0);
    }

    @Test
    void aNewPotentialTakesOverAtTheCurrentStateAndTheConservedEnergyStaysContinuous() {
        Potential sc = SuttonChen.copper();
        MdSettings s = MdSettings.builder().timestep(0.001).steps(0).temperature(300).nve().seed(4).thermoEvery(1)
                .build();
        MdTestSupport.Recorder rec = new MdTestSupport.Recorder();
        MdSession run = new MdRunner(sc, s).withListener(rec).session(MdState.of(CU32));
        run.advance(20);
        Potential lj = LennardJones.single("Cu", 0.4, 2.3, 5.0);
        run.switchPotential(lj);
        MdResult r = run.advance(20);
        assertTrue(r.completed(), r.reason());
        ForceResult now = lj.compute(run.state().structure());
        assertEquals(now.energy(), r.last().potential(), 1e-9, "the potential energy is the new potential's");
        ThermoSample before = rec.samples.get(20), after = rec.samples.get(21);
        assertEquals(20, before.step());
        assertTrue(Math.abs(before.potential() - after.potential()) > 1, "the energies of the two potentials differ");
        assertEquals(before.conserved(), after.conserved(), 1e-3 * CU32.size(),
                "the switch's energy jump is booked, so the conserved energy is continuous");
    }

    @Test
    void aForceAboveMaxForceStopsTheRunAndASpentSessionRefusesMoreSteps() {
        double[] r = CU32.positions();
        r[0] = r[3] - 1.2; // atom 0 pushed 1.2 Å from atom 1 along x: a huge repulsion
        r[1] = r[4];
        r[2] = r[5];
        MdSettings s = MdSettings.builder().timestep(0.001).temperature(300).langevin(0.1).minDistance(0)
                .maxForce(50).build();
        MdSession run = new MdRunner(SuttonChen.copper(), s).session(MdState.of(CU32.withPositions(r)));
        MdResult res = run.advance(10);
        assertFalse(res.completed());
        assertTrue(res.reason().contains("exceeds maxForce"), res.reason());
        assertTrue(run.exploded());
        assertThrows(IllegalStateException.class, () -> run.advance(1));
    }
}
