package org.eelt.explorer.build;

import org.eelt.potential.neighbor.NeighborList;
import org.eelt.potential.neighbor.Neighbors;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.units.Units;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildersTest {
    /** Smallest interatomic distance (Å) and per-atom count of neighbors within it (+1e-6). */
    static double[] shell(Structure s, int atom) {
        NeighborList nl = Neighbors.build(s, 8.0, 0);
        double[] r = s.positions();
        double min = Double.MAX_VALUE;
        double[] d = new double[nl.end(atom) - nl.start(atom)];
        for (int p = nl.start(atom); p < nl.end(atom); p++) {
            int j = nl.neighbor(p);
            double dx = r[3 * j] + nl.shift(p, 0) - r[3 * atom];
            double dy = r[3 * j + 1] + nl.shift(p, 1) - r[3 * atom + 1];
            double dz = r[3 * j + 2] + nl.shift(p, 2) - r[3 * atom + 2];
            d[p - nl.start(atom)] = Math.sqrt(dx * dx + dy * dy + dz * dz);
            min = Math.min(min, d[p - nl.start(atom)]);
        }
        double lim = min + 1e-6;
        return new double[] {min, Arrays.stream(d).filter(x -> x <= lim).count()};
    }

    private static double densityGramPerCm3(Structure s) {
        double mass = Arrays.stream(s.masses()).sum() * Units.AMU_KG * 1e3;
        return mass / (s.cell().volume() * 1e-24);
    }

    @Test
    void bulkLatticesHaveTextbookNeighborShellsCountsAndDensities() {
        double a = 3.615;
        Structure fcc = Bulk.fcc("Cu", a, 2);
        assertEquals(32, fcc.size());
        for (int i : new int[] {0, 5, 31}) {
            assertArrayEquals(new double[] {a / Math.sqrt(2), 12}, shell(fcc, i), 1e-9);
        }
        assertEquals(8.93, densityGramPerCm3(fcc), 0.01, "Cu density");
        Structure bcc = Bulk.bcc("Fe", 2.8665, 3);
        assertEquals(54, bcc.size());
        assertArrayEquals(new double[] {2.8665 * Math.sqrt(3) / 2, 8}, shell(bcc, 7), 1e-9);
        assertEquals(7.87, densityGramPerCm3(bcc), 0.01, "Fe density");
        Structure dia = Bulk.diamond("Si", 5.431, 1);
        assertEquals(8, dia.size());
        assertArrayEquals(new double[] {5.431 * Math.sqrt(3) / 4, 4}, shell(dia, 3), 1e-9);
        assertEquals(2.329, densityGramPerCm3(dia), 0.002, "Si density");
        Structure sc = Bulk.sc("Po", 3.359, 3);
        assertEquals(27, sc.size());
        assertArrayEquals(new double[] {3.359, 6}, shell(sc, 13), 1e-9);
        double ah = 3.209;
        Structure hcp = Bulk.hcp("Mg", ah, ah * Math.sqrt(8.0 / 3), 3, 3, 2);
        assertEquals(36, hcp.size());
        assertArrayEquals(new double[] {ah, 12}, shell(hcp, 0), 1e-9);
        assertArrayEquals(new double[] {ah, 12}, shell(hcp, 1), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Bulk.fcc("Cu", -1, 2));
        assertThrows(IllegalArgumentException.class, () -> Bulk.supercell(fcc, 0, 1, 1));
    }

    private static int[] surfaceCoordination(Structure slab, double nn) {
        // coordination of the top-layer atom and the middle atom (atoms are ordered bottom to top)
        int top = slab.size() - 1, mid = slab.size() / 2;
        NeighborList nl = Neighbors.build(slab, nn + 0.01, 0);
        return new int[] {nl.end(top) - nl.start(top), nl.end(mid) - nl.start(mid)};
    }

    @Test
    void surfaceSlabsHaveTheRightLayersVacuumAndSurfaceCoordination() {
        double a = 3.615, nn = a / Math.sqrt(2), vac = 12;
        Structure s100 = Surfaces.fcc100("Cu", a, 6, 3, 3, vac);
        assertEquals(54, s100.size());
        assertArrayEquals(new int[] {8, 12}, surfaceCoordination(s100, nn));
        Structure s110 = Surfaces.fcc110("Cu", a, 8, 3, 2, vac);
        assertArrayEquals(new int[] {7, 12}, surfaceCoordination(s110, nn));
        Structure s111 = Surfaces.fcc111("Cu", a, 6, 3, 3, vac);
        assertArrayEquals(new int[] {9, 12}, surfaceCoordination(s111, nn));
        double ah = 3.209;
        Structure h = Surfaces.hcp0001("Mg", ah, ah * Math.sqrt(8.0 / 3), 6, 3, 3, vac);
        assertArrayEquals(new int[] {9, 12}, surfaceCoordination(h, ah));
        for (Structure s : new Structure[] {s100, s110, s111, h}) {
            double zmin = Double.MAX_VALUE, zmax = -Double.MAX_VALUE;
            for (int i = 0; i < s.size(); i++) {
                zmin = Math.min(zmin, s.position(i, 2));
                zmax = Math.max(zmax, s.position(i, 2));
            }
            assertEquals(vac, s.cell().get(2, 2) - (zmax - zmin), 1e-9, "vacuum gap");
            assertTrue(s.cell().isFullyPeriodic());
        }
        // (111) areal density: 4 / (√3 a²) atoms per Å²
        double area = s111.cell().get(0, 0) * s111.cell().get(1, 1);
        assertEquals(4 / (Math.sqrt(3) * a * a), 9 / area, 1e-12);
    }

    @Test
    void vacanciesRemoveTheRequestedAtomsAndKeepTheCellAndTheRest() {
        Structure fcc = Bulk.fcc("Cu", 3.615, 2);
        Structure v = Defects.vacancies(fcc, 1, 11);
        assertEquals(31, v.size());
        assertEquals(fcc.cell(), v.cell(), "the cell (and its periodicity) is kept");
        assertTrue(v.cell().isFullyPeriodic());
        assertEquals(v, Defects.vacancies(fcc, 1, 11), "seeded");
        assertEquals(29, Defects.vacancies(fcc, 3, 11).size());
        // every remaining atom sits on a lattice site of the perfect cell, no site twice
        java.util.Set<Integer> sites = new java.util.HashSet<>();
        for (int i = 0; i < v.size(); i++) {
            for (int j = 0; j < fcc.size(); j++) {
                double d = 0;
                for (int k = 0; k < 3; k++) {
                    d += Math.abs(v.position(i, k) - fcc.position(j, k));
                }
                if (d < 1e-12) {
                    assertTrue(sites.add(j), "site " + j + " used twice");
                }
            }
        }
        assertEquals(31, sites.size());
        // the 12 nearest neighbors of the empty site have 11 nearest neighbors each
        int empty = java.util.stream.IntStream.range(0, 32).filter(j -> !sites.contains(j)).findFirst().orElseThrow();
        Structure removed = Defects.remove(fcc, empty);
        assertEquals(v, removed, "remove(site) gives the same cell as the random vacancy");
        NeighborList nl = Neighbors.build(v, 3.615 / Math.sqrt(2) + 0.01, 0);
        int eleven = 0, twelve = 0;
        for (int i = 0; i < v.size(); i++) {
            int n = nl.end(i) - nl.start(i);
            eleven += n == 11 ? 1 : 0;
            twelve += n == 12 ? 1 : 0;
        }
        assertEquals(12, eleven, "the vacancy's first shell");
        assertEquals(19, twelve, "every other atom keeps 12 nearest neighbors");
        assertThrows(IllegalArgumentException.class, () -> Defects.vacancies(fcc, 32, 1));
        assertThrows(IllegalArgumentException.class, () -> Defects.vacancies(fcc, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> Defects.remove(fcc, 32));
    }

    @Test
    void randomAlloyHasTheExactCompositionAndIsReproducible() {
        Structure lattice = Bulk.fcc("Cu", 3.7, 3);
        Map<String, Double> comp = new LinkedHashMap<>();
        comp.put("Al", 0.3);
        comp.put("Cu", 0.7);
        Structure a1 = Alloys.randomSubstitution(lattice, comp, 42);
        Structure a2 = Alloys.randomSubstitution(lattice, comp, 42);
        Structure a3 = Alloys.randomSubstitution(lattice, comp, 43);
        long al = Arrays.stream(a1.species()).filter("Al"::equals).count();
        assertEquals(Math.round(0.3 * 108), al);
        assertEquals(a1, a2);
        assertNotEquals(a1, a3);
        assertArrayEquals(lattice.positions(), a1.positions());
        assertThrows(IllegalArgumentException.class, () -> Alloys.randomSubstitution(lattice, Map.of("Al", -1.0), 1));
    }

    @Test
    void rattleAndStrainAreSeededAndHaveTheRequestedSize() {
        Structure s = Bulk.fcc("Cu", 3.615, 4);
        Structure r = Perturbations.rattle(s, 0.05, 7);
        assertEquals(r, Perturbations.rattle(s, 0.05, 7));
        double[] p0 = s.positions(), p1 = r.positions();
        double sum2 = 0;
        for (int i = 0; i < p0.length; i++) {
            sum2 += (p1[i] - p0[i]) * (p1[i] - p0[i]);
        }
        assertEquals(0.05, Math.sqrt(sum2 / p0.length), 0.004, "rms displacement per component");
        Structure st = Perturbations.strain(s, 0.02, 3);
        assertEquals(st, Perturbations.strain(s, 0.02, 3));
        double ratio = st.cell().volume() / s.cell().volume();
        assertTrue(Math.abs(ratio - 1) < 0.065 && ratio != 1, "volume ratio " + ratio);
        assertArrayEquals(s.cell().toFractional(s.positions()), st.cell().toFractional(st.positions()), 1e-12);
    }
}
