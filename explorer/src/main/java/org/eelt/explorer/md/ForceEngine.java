package org.eelt.explorer.md;

import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.potential.neighbor.CellListNeighbors;
import org.eelt.potential.neighbor.NeighborList;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;

/**
 * Evaluates potential + bias for an {@link MdState}, reusing a Verlet neighbor list with a skin.
 *
 * <p>The list (radius r_c + skin) is rebuilt, after wrapping the positions into the cell, only
 * when some atom has moved more than half the usable skin since the build. When the barostat
 * deforms the cell by M (r → r·M), {@link #deform(double[])} carries the list over (image shifts
 * and reference positions transformed by M) and shrinks the usable skin to
 * s_eff = σ·(r_c + skin) − r_c with σ = 1 − ‖C − I‖_F a lower bound on the smallest singular value
 * of the accumulated deformation C; the list is rebuilt when s_eff/2 no longer covers the
 * displacements. Not thread-safe.
 */
public final class ForceEngine {
    /** Energy (eV), forces (eV/Å), virial (eV) and the bias part of the energy (eV) of one evaluation. */
    public record Evaluation(double energy, double biasEnergy, double[] forces, double[] virial) {
    }

    private final Potential potential;
    private final double skin;
    private final BiasForce bias;
    private NeighborList list;
    private double[] reference;
    private final double[] accumulated = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    private double halfSkin2;
    private int builds;

    /**
     * @param potential the potential
     * @param skin      neighbor-list skin in Å
     * @param bias      an extra force, or null
     */
    public ForceEngine(Potential potential, double skin, BiasForce bias) {
        this.potential = potential;
        this.skin = skin;
        this.bias = bias;
    }

    /** @return the potential. */
    public Potential potential() {
        return potential;
    }

    /** @return how many neighbor lists were built. */
    public int builds() {
        return builds;
    }

    /** @return the current neighbor list (null before the first evaluation). */
    public NeighborList neighborList() {
        return list;
    }

    /** Evaluates energy, forces and virial at the state's positions and cell. */
    public Evaluation evaluate(MdState s) {
        if (list == null || moved(s.positions)) {
            rebuild(s);
        }
        Structure st = new Structure(s.species, s.positions, s.cell);
        ForceResult r = potential.compute(st, list);
        double[] f = r.forces();
        double[] vir = r.virial();
        double eb = 0;
        if (bias != null) {
            f = f.clone();
            vir = vir.clone();
            eb = bias.apply(st, f, vir);
        }
        return new Evaluation(r.energy() + eb, eb, f, vir);
    }

    private void rebuild(MdState s) {
        s.wrap();
        list = CellListNeighbors.build(new Structure(s.species, s.positions, s.cell), potential.cutoff(), skin);
        reference = s.positions.clone();
        java.util.Arrays.fill(accumulated, 0);
        accumulated[0] = accumulated[4] = accumulated[8] = 1;
        halfSkin2 = 0.25 * skin * skin;
        builds++;
    }

    private boolean moved(double[] r) {
        if (r.length != reference.length) {
            return true;
        }
        for (int i = 0; i < r.length; i += 3) {
            double dx = r[i] - reference[i], dy = r[i + 1] - reference[i + 1], dz = r[i + 2] - reference[i + 2];
            if (dx * dx + dy * dy + dz * dz > halfSkin2) {
                return true;
            }
        }
        return false;
    }

    /**
     * Carries the neighbor list through a homogeneous deformation r → r·M, H → H·M that the
     * caller has already applied to the state (row-major M).
     */
    public void deform(double[] m, Cell newCell) {
        if (list == null) {
            return;
        }
        double[] c = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                c[3 * a + b] = accumulated[3 * a] * m[b] + accumulated[3 * a + 1] * m[3 + b]
                        + accumulated[3 * a + 2] * m[6 + b];
            }
        }
        System.arraycopy(c, 0, accumulated, 0, 9);
        double dev = 0;
        for (int k = 0; k < 9; k++) {
            double d = c[k] - (k % 4 == 0 ? 1 : 0);
            dev += d * d;
        }
        double rc = potential.cutoff();
        double effective = (1 - Math.sqrt(dev)) * (rc + skin) - rc;
        if (effective <= 0) {
            list = null;
            return;
        }
        halfSkin2 = 0.25 * effective * effective;
        for (int i = 0; i < reference.length; i += 3) {
            double x = reference[i], y = reference[i + 1], z = reference[i + 2];
            reference[i] = x * m[0] + y * m[3] + z * m[6];
            reference[i + 1] = x * m[1] + y * m[4] + z * m[7];
            reference[i + 2] = x * m[2] + y * m[5] + z * m[8];
        }
        list = transformed(list, m, newCell, reference);
    }

    private static NeighborList transformed(NeighborList nl, double[] m, Cell newCell, double[] ref) {
        int n = nl.atoms();
        int[] offsets = new int[n + 1];
        int[] nb = new int[nl.pairs()];
        for (int i = 0; i < n; i++) {
            offsets[i] = nl.start(i);
        }
        offsets[n] = nl.pairs();
        for (int p = 0; p < nb.length; p++) {
            nb[p] = nl.neighbor(p);
        }
        if (nl.hasImageCodes()) {
            int[] codes = new int[nb.length];
            for (int p = 0; p < codes.length; p++) {
                codes[p] = nl.imageCode(p);
            }
            return new NeighborList(offsets, nb, codes, newCell, nl.cutoff(), nl.skin(), ref);
        }
        double[] sh = new double[3 * nb.length];
        for (int p = 0; p < nb.length; p++) {
            double x = nl.shift(p, 0), y = nl.shift(p, 1), z = nl.shift(p, 2);
            sh[3 * p] = x * m[0] + y * m[3] + z * m[6];
            sh[3 * p + 1] = x * m[1] + y * m[4] + z * m[7];
            sh[3 * p + 2] = x * m[2] + y * m[5] + z * m[8];
        }
        return new NeighborList(offsets, nb, sh, nl.cutoff(), nl.skin(), ref);
    }

    /**
     * @return the smallest pair distance (Å) among listed pairs at the state's positions, with the
     *         two atoms, as {distance, i, j}; {+∞, −1, −1} when there are no pairs
     */
    double[] closestPair(MdState s) {
        double best = Double.POSITIVE_INFINITY;
        int bi = -1, bj = -1;
        double[] r = s.positions;
        for (int i = 0; i < list.atoms(); i++) {
            for (int p = list.start(i), e = list.end(i); p < e; p++) {
                int j = list.neighbor(p);
                double dx = r[3 * j] + list.shift(p, 0) - r[3 * i];
                double dy = r[3 * j + 1] + list.shift(p, 1) - r[3 * i + 1];
                double dz = r[3 * j + 2] + list.shift(p, 2) - r[3 * i + 2];
                double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 < best) {
                    best = d2;
                    bi = i;
                    bj = j;
                }
            }
        }
        return new double[] {Math.sqrt(best), bi, bj};
    }
}
