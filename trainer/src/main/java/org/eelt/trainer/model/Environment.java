package org.eelt.trainer.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eelt.potential.neighbor.NeighborList;
import org.eelt.potential.neighbor.Neighbors;
import org.eelt.protocol.atoms.Structure;

/**
 * The se_e2_a environment of every atom of one frame: neighbor slots and the raw
 * environment rows R_ij with their first derivatives with respect to the displacement
 * d_ij = r_j + S − r_i (Å).
 *
 * <p>Neighbors within r_c are sorted by distance and split by type into {@code sel[t]} slots
 * (nearest first; extras dropped; empty slots padded, neighbor index −1, row zero). For
 * r = |d|, u = (r − r_s)/(r_c − r_s) clipped to [0, 1], w = u³(−6u² + 15u − 10) + 1 and
 * s = w/r (1/Å):
 * <pre>  R = (s, s·x/r, s·y/r, s·z/r)
 *  ∂R₀/∂d = (s'/r)·d,   ∂R_k/∂d_b = q δ_kb + (q'/r) d_k d_b,   q = w/r² </pre>
 * The three scalars s'/r, q and q'/r are stored per slot ({@link #jac()}). Immutable after
 * construction; arrays are exposed for the kernels and must not be modified.
 */
public final class Environment {
    private final int natoms;
    private final int nnei;
    private final int[] types;
    private final int[] nbr;
    private final double[] disp;
    private final double[] env;
    private final double[] jac;

    private Environment(int natoms, int nnei, int[] types) {
        this.natoms = natoms;
        this.nnei = nnei;
        this.types = types;
        this.nbr = new int[natoms * nnei];
        this.disp = new double[natoms * nnei * 3];
        this.env = new double[natoms * nnei * 4];
        this.jac = new double[natoms * nnei * 3];
        java.util.Arrays.fill(nbr, -1);
    }

    /**
     * @param spec      architecture (sel, r_c, r_s)
     * @param structure positions (Å) and cell
     * @param types     type id per atom
     * @return the environment of every atom
     */
    public static Environment build(DpSpec spec, Structure structure, int[] types) {
        NeighborList nl = Neighbors.build(structure, spec.rcut(), 0.0);
        return build(spec, structure.positions(), types, nl);
    }

    /** Builds from an existing neighbor list (cutoff ≥ r_c) for positions {@code r} (3N, Å). */
    public static Environment build(DpSpec spec, double[] r, int[] types, NeighborList nl) {
        int n = types.length, nnei = spec.nnei(), nt = spec.ntypes();
        int[] sel = spec.sel();
        Environment e = new Environment(n, nnei, types.clone());
        double rc = spec.rcut(), rs = spec.rcutSmth();
        double rc2 = rc * rc;
        List<double[]> cand = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cand.clear();
            for (int p = nl.start(i); p < nl.end(i); p++) {
                int j = nl.neighbor(p);
                double dx = r[3 * j] + nl.shift(p, 0) - r[3 * i];
                double dy = r[3 * j + 1] + nl.shift(p, 1) - r[3 * i + 1];
                double dz = r[3 * j + 2] + nl.shift(p, 2) - r[3 * i + 2];
                double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 <= rc2 && d2 > 0) {
                    cand.add(new double[] {d2, j, dx, dy, dz});
                }
            }
            cand.sort(Comparator.<double[]>comparingDouble(c -> c[0]).thenComparingDouble(c -> c[1]));
            int[] fill = new int[nt];
            for (double[] c : cand) {
                int j = (int) c[1];
                int t = types[j];
                if (t < 0 || t >= nt) {
                    throw new IllegalArgumentException("atom " + j + " has type " + t + " outside 0.." + (nt - 1));
                }
                if (fill[t] >= sel[t]) {
                    continue;
                }
                int slot = i * nnei + spec.selOffset(t) + fill[t]++;
                e.set(slot, j, c[2], c[3], c[4], rs, rc);
            }
        }
        return e;
    }

    private void set(int slot, int j, double dx, double dy, double dz, double rs, double rc) {
        nbr[slot] = j;
        disp[3 * slot] = dx;
        disp[3 * slot + 1] = dy;
        disp[3 * slot + 2] = dz;
        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double w, dw;
        if (r < rs) {
            w = 1;
            dw = 0;
        } else if (r >= rc) {
            w = 0;
            dw = 0;
        } else {
            double u = (r - rs) / (rc - rs);
            w = u * u * u * (-6 * u * u + 15 * u - 10) + 1;
            dw = -30 * u * u * (u - 1) * (u - 1) / (rc - rs);
        }
        double s = w / r;
        double ds = dw / r - w / (r * r);
        double q = w / (r * r);
        double dq = dw / (r * r) - 2 * w / (r * r * r);
        env[4 * slot] = s;
        env[4 * slot + 1] = q * dx;
        env[4 * slot + 2] = q * dy;
        env[4 * slot + 3] = q * dz;
        jac[3 * slot] = ds / r;
        jac[3 * slot + 1] = q;
        jac[3 * slot + 2] = dq / r;
    }

    /** @return the number of atoms N. */
    public int natoms() {
        return natoms;
    }

    /** @return N_c, the slots per atom. */
    public int nnei() {
        return nnei;
    }

    /** @return type ids (N); do not modify. */
    public int[] types() {
        return types;
    }

    /** @return neighbor atom per slot (N·N_c), −1 for padding; do not modify. */
    public int[] neighbors() {
        return nbr;
    }

    /** @return displacement d per slot (N·N_c·3, Å); do not modify. */
    public double[] displacements() {
        return disp;
    }

    /** @return raw environment rows R per slot (N·N_c·4); do not modify. */
    public double[] rows() {
        return env;
    }

    /** @return per slot (s'/r, q, q'/r), the Jacobian scalars; do not modify. */
    public double[] jac() {
        return jac;
    }
}
