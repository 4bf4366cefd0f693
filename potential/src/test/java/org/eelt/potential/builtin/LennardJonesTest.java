package org.eelt.potential.builtin;

import org.eelt.potential.ForceResult;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LennardJonesTest {
    private static final double EPS = 0.0104, SIGMA = 3.4, RC = 8.5;

    @Test
    void dimerEnergyAndForceAreAnalytic() {
        LennardJones lj = LennardJones.single("Ar", EPS, SIGMA, RC);
        double rmin = Math.pow(2, 1.0 / 6) * SIGMA;
        double sr = SIGMA / RC;
        double shift = 4 * EPS * (Math.pow(sr, 12) - Math.pow(sr, 6));
        Structure d = new Structure(new String[] {"Ar", "Ar"}, new double[] {0, 0, 0, rmin, 0, 0}, Cell.nonPeriodic());
        ForceResult res = lj.compute(d);
        assertEquals(-EPS - shift, res.energy(), 1e-14);
        assertEquals(0, res.forces()[0], 1e-13);
        double r = 3.0;
        d = d.withPositions(new double[] {0, 0, 0, r, 0, 0});
        res = lj.compute(d);
        double f = 24 * EPS / r * (2 * Math.pow(SIGMA / r, 12) - Math.pow(SIGMA / r, 6));
        assertEquals(-f, res.forces()[0], 1e-12, "repulsive: atom 0 pushed to -x");
        assertEquals(f, res.forces()[3], 1e-12);
        assertEquals(res.energy(), PotentialChecks.sum(res.atomicEnergies()), 1e-14);
        // beyond the cutoff nothing interacts
        d = d.withPositions(new double[] {0, 0, 0, RC + 1e-9, 0, 0});
        assertEquals(0, lj.compute(d).energy());
    }

    @Test
    void forcesAndVirialMatchFiniteDifferencesInAMixedPeriodicSystem() {
        LennardJones lj = LennardJones.mixed(List.of("Ar", "Kr"), new double[] {0.0104, 0.014},
                new double[] {3.4, 3.65}, 2.5);
        Structure s = PotentialChecks.rattle(PotentialChecks.fcc("Ar", 5.4, 2), 0.2, 7);
        String[] sp = s.species();
        for (int i = 0; i < sp.length; i += 3) {
            sp[i] = "Kr";
        }
        s = new Structure(sp, s.positions(), s.cell());
        PotentialChecks.assertForcesMatchFiniteDifferences(lj, s, s.size(), 1e-5, 1e-8);
        PotentialChecks.assertVirialMatchesStrainDerivative(lj, s, 1e-6, 1e-7);
        ForceResult res = lj.compute(s);
        double[] f = res.forces();
        double fx = 0;
        for (int i = 0; i < f.length; i += 3) {
            fx += f[i];
        }
        assertEquals(0, fx, 1e-12, "net force vanishes");
        assertTrue(res.energy() < 0);
    }

    @Test
    void unknownSpeciesIsNamed() {
        LennardJones lj = LennardJones.single("Ar", EPS, SIGMA, RC);
        Structure s = new Structure(new String[] {"Ar", "Ne"}, new double[] {0, 0, 0, 3, 0, 0}, Cell.nonPeriodic());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lj.compute(s));
        assertTrue(e.getMessage().contains("'Ne'") && e.getMessage().contains("[Ar]"), e.getMessage());
    }
}
