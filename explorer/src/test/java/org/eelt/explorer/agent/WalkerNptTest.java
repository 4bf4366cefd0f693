package org.eelt.explorer.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.eelt.examiner.agent.Examiner;
import org.eelt.explorer.build.Bulk;
import org.eelt.explorer.md.MdSettings;
import org.eelt.potential.builtin.SuttonChen;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.AtomsData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walkers run NPT on the MD engine in chunks: with the Sutton–Chen Cu potential, a walker at
 * 40 kbar samples a smaller mean volume than one at 1 bar, and one under tension (−20 kbar) a
 * larger one; the relative changes match the bulk modulus's order of magnitude
 * (ΔV/V ≈ −ΔP/K, K ≈ 1.4 Mbar for Cu).
 */
class WalkerNptTest {
    private static final ActorTestKit KIT = ActorTestKit.create();
    private static final int STEPS = 8000;
    private static final int SAMPLE = 10;

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    /** Runs one NPT walker to its step budget, acknowledging every batch; returns the frames' volumes (Å³). */
    private static List<Double> volumes(double pressureBar, long seed) {
        MdSettings md = MdSettings.builder().timestep(0.002).temperature(300).langevin(0.2)
                .barostat(MdSettings.Barostat.ISOTROPIC, pressureBar, 0.2, 1e-6).maxForce(50).build();
        WalkerSettings ws = new WalkerSettings("npt-" + (long) pressureBar, 0, md, 50, SAMPLE, STEPS, 2, 3, seed);
        TestProbe<Examiner.Command> examiner = KIT.createTestProbe(Examiner.Command.class);
        TestProbe<Walker.Progress> progress = KIT.createTestProbe(Walker.Progress.class);
        KIT.spawn(Walker.create(ws, WalkerDynamics.fixed(SuttonChen.copper()), AtomsData.of(Bulk.fcc("Cu", 3.615, 2)),
                examiner.getRef(), progress.getRef(), null, List.of()));
        List<Double> volumes = new ArrayList<>();
        while (volumes.size() < STEPS / SAMPLE) {
            Examiner.FramesVisited batch = examiner.expectMessageClass(Examiner.FramesVisited.class, Duration.ofSeconds(60));
            for (AtomsData f : batch.frames()) {
                Structure s = f.toStructure();
                Cell c = s.cell();
                double[] h = c.matrix();
                assertEquals(h[0], h[4], 1e-9 * h[0], "isotropic scaling keeps the cell cubic");
                assertEquals(h[0], h[8], 1e-9 * h[0], "isotropic scaling keeps the cell cubic");
                volumes.add(c.volume());
            }
            int n = batch.frames().size();
            batch.replyTo().tell(new Examiner.FramesExamined(batch.walker(), n, 0, 0, n - 1, 0));
        }
        Walker.Progress last;
        do {
            last = progress.expectMessageClass(Walker.Progress.class, Duration.ofSeconds(60));
        } while (!last.finished());
        assertEquals(STEPS, last.steps(), "the walker ran its step budget in chunks");
        assertEquals(STEPS / SAMPLE, last.framesSent());
        assertEquals(0, last.restarts(), "no explosion, no restart");
        return volumes;
    }

    private static double mean(List<Double> v) {
        List<Double> used = v.subList(v.size() / 3, v.size()); // the first third relaxes the volume
        return used.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    @Test
    void volumeRespondsToPressure() {
        double v1 = mean(volumes(1, 1));
        double vHigh = mean(volumes(40_000, 2));
        double vTension = mean(volumes(-20_000, 3));
        double compression = 1 - vHigh / v1;
        double expansion = vTension / v1 - 1;
        System.out.printf("NPT walkers, Cu32 Sutton-Chen 300 K: <V> = %.2f (1 bar), %.2f (40 kbar), %.2f (-20 kbar) Å³%n",
                v1, vHigh, vTension);
        assertTrue(compression > 0.01 && compression < 0.06,
                "40 kbar compresses Cu by ~P/K ≈ 3 %, got " + compression);
        assertTrue(expansion > 0.005 && expansion < 0.04, "-20 kbar expands Cu by ~1.5 %, got " + expansion);
        double perBar = 32 * Math.pow(3.615, 3) / 4; // sanity of the 1-bar volume: near the 0 K lattice (+ thermal expansion)
        assertEquals(perBar, v1, 0.05 * perBar);
    }
}
