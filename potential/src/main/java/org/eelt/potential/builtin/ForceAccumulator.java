package org.eelt.potential.builtin;

import org.eelt.potential.ForceResult;

/**
 * Scratch arrays of one force evaluation: forces (eV/Å), global and per-atom virial (eV) and
 * per-atom energies (eV). A pair contribution with displacement d = r_j + S − r_i (Å) and
 * scalar g = (1/r)·dE/dr (eV/Å²) gives F_i = g·d, F_j = −g·d and the virial
 * Ξ += −d ⊗ d·g (= Σ_k r_k ⊗ F_k for the pair), split half to each atom when per-atom virials
 * are requested.
 */
final class ForceAccumulator {
    final double[] forces;
    final double[] virial = new double[9];
    final double[] atomVirials;
    final double[] atomEnergies;

    /**
     * @param n           atoms
     * @param atomVirials whether to accumulate per-atom virials (otherwise {@link #result()} gives null)
     */
    ForceAccumulator(int n, boolean atomVirials) {
        forces = new double[3 * n];
        this.atomVirials = atomVirials ? new double[9 * n] : null;
        atomEnergies = new double[n];
    }

    /**
     * Adds a pair force.
     *
     * @param g (1/r)·dE_pair/dr in eV/Å² (positive when the pair energy rises with distance)
     */
    void pair(int i, int j, double dx, double dy, double dz, double g) {
        double fx = g * dx, fy = g * dy, fz = g * dz;
        forces[3 * i] += fx;
        forces[3 * i + 1] += fy;
        forces[3 * i + 2] += fz;
        forces[3 * j] -= fx;
        forces[3 * j + 1] -= fy;
        forces[3 * j + 2] -= fz;
        // Ξ = r_i ⊗ F_i + r_j ⊗ F_j = −d ⊗ F_i (with F_j = −F_i)
        double v0 = -dx * fx, v1 = -dx * fy, v2 = -dx * fz;
        double v4 = -dy * fy, v5 = -dy * fz, v8 = -dz * fz;
        virial[0] += v0;
        virial[1] += v1;
        virial[2] += v2;
        virial[4] += v4;
        virial[5] += v5;
        virial[8] += v8;
        if (atomVirials != null) {
            atomVirialPair(i, j, v0, v1, v2, v4, v5, v8);
        }
    }

    /** Adds the upper triangle (xx, xy, xz, yy, yz, zz in eV) of a pair's virial, half to each atom. */
    void atomVirialPair(int i, int j, double v0, double v1, double v2, double v4, double v5, double v8) {
        int a = 9 * i, b = 9 * j;
        double h0 = 0.5 * v0, h1 = 0.5 * v1, h2 = 0.5 * v2, h4 = 0.5 * v4, h5 = 0.5 * v5, h8 = 0.5 * v8;
        atomVirials[a] += h0;
        atomVirials[a + 1] += h1;
        atomVirials[a + 2] += h2;
        atomVirials[a + 4] += h4;
        atomVirials[a + 5] += h5;
        atomVirials[a + 8] += h8;
        atomVirials[b] += h0;
        atomVirials[b + 1] += h1;
        atomVirials[b + 2] += h2;
        atomVirials[b + 4] += h4;
        atomVirials[b + 5] += h5;
        atomVirials[b + 8] += h8;
    }

    /** Adds the upper triangle (xx, xy, xz, yy, yz, zz in eV) of a virial sum. */
    void addVirial(double v0, double v1, double v2, double v4, double v5, double v8) {
        virial[0] += v0;
        virial[1] += v1;
        virial[2] += v2;
        virial[4] += v4;
        virial[5] += v5;
        virial[8] += v8;
    }

    /** Adds a pair energy (eV), half to each atom. */
    void pairEnergy(int i, int j, double e) {
        atomEnergies[i] += 0.5 * e;
        atomEnergies[j] += 0.5 * e;
    }

    /** Fills the symmetric lower triangles and packs the result. */
    ForceResult result() {
        symmetrize(virial, 0);
        if (atomVirials != null) {
            for (int a = 0; a < atomVirials.length; a += 9) {
                symmetrize(atomVirials, a);
            }
        }
        double e = 0;
        for (double v : atomEnergies) {
            e += v;
        }
        return new ForceResult(e, forces, virial, atomEnergies, atomVirials);
    }

    private static void symmetrize(double[] v, int o) {
        v[o + 3] = v[o + 1];
        v[o + 6] = v[o + 2];
        v[o + 7] = v[o + 5];
    }
}
