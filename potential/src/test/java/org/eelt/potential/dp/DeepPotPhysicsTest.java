package org.eelt.potential.dp;

import org.eelt.potential.ForceResult;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Physics of the evaluator: forces = −∇E (central differences), virial = −∂E/∂ε (finite strain),
 * invariance under translation, rotation, permutation of same-type atoms and lattice shifts,
 * ΣF = 0, and independence of the atom-block size.
 */
class DeepPotPhysicsTest {
    static DeepPotModel fixture;
    static DeepPotModel pairModel;

    @BeforeAll
    static void load() throws Exception {
        fixture = DpModelYaml.read(SharedData.file("fixtures/deepmd/deeppot_sea.yaml"));
        pairModel = TestSystems.smallRandomModel(false, new int[] {12, 24}, 7);
    }

    static Structure periodicWater() {
        Cell cell = Cell.periodic(7.0, 0, 0, 0.6, 6.5, 0, -0.4, 0.3, 6.8);
        return TestSystems.randomWater(6, cell, 1.0, 0.95, 11);
    }

    static Structure molecule() {
        return TestSystems.randomWater(3, Cell.nonPeriodic(), 4.0, 0.95, 5);
    }

    static void checkForcesByFiniteDifference(DeepPotModel model, Structure s) {
        DeepPotEvaluator ev = new DeepPotEvaluator(model);
        ForceResult r = ev.compute(s);
        double h = 1e-5;
        double[] pos = s.positions();
        double max = 0;
        for (int k = 0; k < pos.length; k++) {
            double[] p = pos.clone();
            p[k] += h;
            double ep = ev.compute(s.withPositions(p)).energy();
            p[k] -= 2 * h;
            double em = ev.compute(s.withPositions(p)).energy();
            double fd = -(ep - em) / (2 * h);
            max = Math.max(max, Math.abs(fd - r.forces()[k]));
        }
        double scale = 0;
        for (double f : r.forces()) {
            scale = Math.max(scale, Math.abs(f));
        }
        assertTrue(scale > 1e-3, "forces are not trivially zero: " + scale);
        assertTrue(max < 1e-6, "max |F − F_fd| = " + max + " eV/Å (max |F| " + scale + ")");
    }

    @Test
    void forcesAreMinusGradientPeriodic() {
        checkForcesByFiniteDifference(fixture, periodicWater());
        checkForcesByFiniteDifference(pairModel, periodicWater());
    }

    @Test
    void forcesAreMinusGradientSlab() {
        Cell slab = new Cell(new double[] {6.5, 0, 0, 0.4, 6.2, 0, 0, 0, 20.0}, new boolean[] {true, true, false});
        Structure s = TestSystems.randomWater(5, Cell.periodic(6.5, 0, 0, 0.4, 6.2, 0, 0, 0, 20.0), 1.0, 0.95, 17);
        checkForcesByFiniteDifference(fixture, s.withCell(slab));
        checkForcesByFiniteDifference(pairModel, s.withCell(slab));
    }

    @Test
    void forcesAreMinusGradientIsolated() {
        checkForcesByFiniteDifference(fixture, molecule());
        checkForcesByFiniteDifference(pairModel, molecule());
    }

    @Test
    void virialIsMinusStrainDerivative() {
        for (DeepPotModel model : List.of(fixture, pairModel)) {
            DeepPotEvaluator ev = new DeepPotEvaluator(model);
            Structure s = periodicWater();
            ForceResult r = ev.compute(s);
            double h = 1e-4;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double ep = strained(ev, s, a, b, h);
                    double em = strained(ev, s, a, b, -h);
                    double fd = -(ep - em) / (2 * h);
                    assertEquals(fd, r.virial()[3 * a + b], 2e-7 * Math.max(1, Math.abs(fd)),
                            "virial[" + a + "][" + b + "]");
                    assertEquals(r.virial()[3 * a + b], r.virial()[3 * b + a], 1e-12, "virial symmetric");
                }
            }
            double[] sum = new double[9];
            for (int i = 0; i < r.atomicVirials().length; i++) {
                sum[i % 9] += r.atomicVirials()[i];
            }
            for (int k = 0; k < 9; k++) {
                assertEquals(r.virial()[k], sum[k], 1e-12, "Σ atomic virial = virial");
            }
        }
    }

    private static double strained(DeepPotEvaluator ev, Structure s, int a, int b, double eps) {
        double[] m = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        m[3 * a + b] += eps;
        double[] pos = s.positions();
        double[] out = new double[pos.length];
        for (int i = 0; i < pos.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                out[i + c] = pos[i] * m[c] + pos[i + 1] * m[3 + c] + pos[i + 2] * m[6 + c];
            }
        }
        return ev.compute(new Structure(s.species(), out, s.cell().transformed(m))).energy();
    }

    @Test
    void invariantUnderTranslationAndLatticeShift() {
        DeepPotEvaluator ev = new DeepPotEvaluator(pairModel);
        Structure s = periodicWater();
        ForceResult r = ev.compute(s);
        double[] p = s.positions();
        for (int i = 0; i < p.length; i += 3) {
            p[i] += 1.7;
            p[i + 1] -= 0.3;
            p[i + 2] += 12.1;
        }
        assertSame(r, ev.compute(s.withPositions(p)), 1e-10);
        double[] q = s.positions();
        double[] h = s.cell().matrix();
        for (int k = 0; k < 3; k++) {
            q[3 * 2 + k] += h[3 + k] - 2 * h[6 + k];
        }
        assertSame(r, ev.compute(s.withPositions(q)), 1e-10);
    }

    @Test
    void invariantUnderRotation() {
        double c = Math.cos(0.7), sn = Math.sin(0.7);
        double[] rot = {c, -sn, 0, sn * 0.6, c * 0.6, -0.8, sn * 0.8, c * 0.8, 0.6};
        for (int trial = 0; trial < 4; trial++) {
            Structure s = trial % 2 == 0 ? molecule() : periodicWater();
            DeepPotEvaluator ev = new DeepPotEvaluator(trial < 2 ? fixture : pairModel);
            ForceResult r = ev.compute(s);
            double[] p = s.positions();
            double[] rp = new double[p.length];
            for (int i = 0; i < p.length; i += 3) {
                for (int k = 0; k < 3; k++) {
                    rp[i + k] = p[i] * rot[k] + p[i + 1] * rot[3 + k] + p[i + 2] * rot[6 + k];
                }
            }
            Structure rs = s.cell().isPeriodic()
                    ? new Structure(s.species(), rp, s.cell().transformed(rot))
                    : s.withPositions(rp);
            ForceResult rr = ev.compute(rs);
            assertEquals(r.energy(), rr.energy(), 1e-10);
            for (int i = 0; i < p.length; i += 3) {
                for (int k = 0; k < 3; k++) {
                    double expected = r.forces()[i] * rot[k] + r.forces()[i + 1] * rot[3 + k] + r.forces()[i + 2] * rot[6 + k];
                    assertEquals(expected, rr.forces()[i + k], 1e-10);
                }
            }
        }
    }

    @Test
    void invariantUnderPermutationOfSameTypeAtoms() {
        Structure s = periodicWater();
        DeepPotEvaluator ev = new DeepPotEvaluator(pairModel);
        ForceResult r = ev.compute(s);
        int n = s.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        perm[0] = 3;
        perm[3] = 0;
        perm[7] = 12;
        perm[12] = 7;
        double[] p = s.positions();
        double[] pp = new double[p.length];
        String[] sp = new String[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(p, 3 * perm[i], pp, 3 * i, 3);
            sp[i] = s.species(perm[i]);
        }
        ForceResult rp = ev.compute(new Structure(sp, pp, s.cell()));
        assertEquals(r.energy(), rp.energy(), 1e-10);
        for (int i = 0; i < n; i++) {
            assertEquals(r.atomicEnergies()[perm[i]], rp.atomicEnergies()[i], 1e-10);
            for (int k = 0; k < 3; k++) {
                assertEquals(r.forces()[3 * perm[i] + k], rp.forces()[3 * i + k], 1e-10);
            }
        }
    }

    @Test
    void forcesSumToZeroAndBlockSizeAndThreadsDoNotMatter() {
        Structure s = periodicWater();
        ForceResult a = new DeepPotEvaluator(pairModel).compute(s);
        ForceResult b = new DeepPotEvaluator(pairModel, Precision.FLOAT64, 1).compute(s);
        assertSame(a, b, 1e-12);
        ForceResult c = new DeepPotEvaluator(pairModel, Precision.FLOAT64, 4, 1).compute(s);
        ForceResult d = new DeepPotEvaluator(pairModel, Precision.FLOAT64, 4, 3).compute(s);
        assertEquals(c.energy(), d.energy(), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(c.forces(), d.forces(), 0.0, "threads give identical bits");
        org.junit.jupiter.api.Assertions.assertArrayEquals(c.atomicVirials(), d.atomicVirials(), 0.0);
        double[] sum = new double[3];
        for (int i = 0; i < a.forces().length; i++) {
            sum[i % 3] += a.forces()[i];
        }
        for (double v : sum) {
            assertEquals(0.0, v, 1e-10);
        }
    }

    @Test
    void exclusionsKeepForcesConsistentAndAct() {
        DeepPotModel base = TestSystems.smallRandomModel(false, new int[] {12, 24}, 13);
        SeE2aDescriptor d = base.descriptor();
        SeE2aDescriptor excl = new SeE2aDescriptor(d.rcut(), d.rcutSmth(), d.sel(), d.neuron(), d.axisNeuron(),
                d.typeOneSide(), d.resnetDt(), List.of(new int[] {0, 1}), 0.0, false, d.davg(), d.dstd(), d.embeddings());
        DeepPotModel descExcl = new DeepPotModel(base.typeMap(), excl, base.fitting(), base.outBias(), base.outStd(),
                new int[0], List.of());
        DeepPotModel pairExcl = new DeepPotModel(base.typeMap(), d, base.fitting(), base.outBias(), base.outStd(),
                new int[0], List.of(new int[] {1, 1}));
        DeepPotModel atomExcl = new DeepPotModel(base.typeMap(), d, base.fitting(), base.outBias(), base.outStd(),
                new int[] {0}, List.of());
        Structure s = molecule();
        double e0 = new DeepPotEvaluator(base).compute(s).energy();
        for (DeepPotModel m : List.of(descExcl, pairExcl, atomExcl)) {
            checkForcesByFiniteDifference(m, s);
            assertTrue(Math.abs(new DeepPotEvaluator(m).compute(s).energy() - e0) > 1e-6, "exclusion changes E");
        }
        ForceResult ra = new DeepPotEvaluator(atomExcl).compute(s);
        for (int i = 0; i < s.size(); i++) {
            if (s.species(i).equals("O")) {
                assertEquals(0.0, ra.atomicEnergies()[i], 0.0, "excluded type has zero atomic energy");
            }
        }
    }

    static void assertSame(ForceResult a, ForceResult b, double tol) {
        assertEquals(a.energy(), b.energy(), tol);
        for (int i = 0; i < a.forces().length; i++) {
            assertEquals(a.forces()[i], b.forces()[i], tol, "force " + i);
        }
        for (int i = 0; i < 9; i++) {
            assertEquals(a.virial()[i], b.virial()[i], tol, "virial " + i);
        }
    }
}
