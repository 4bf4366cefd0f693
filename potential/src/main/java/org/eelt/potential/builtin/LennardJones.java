package org.eelt.potential.builtin;

import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.potential.neighbor.NeighborList;
import org.eelt.protocol.atoms.Structure;

import java.util.List;

/**
 * Truncated and shifted Lennard-Jones pair potential with per species pair parameters:
 * <pre>
 *   V_ab(r) = 4 ε_ab [ (σ_ab/r)¹² − (σ_ab/r)⁶ ] − V_ab^LJ(rc_ab)   for r &lt; rc_ab,   0 otherwise
 * </pre>
 * with ε in eV, σ and rc in Å. The energy is continuous at the cutoff; the force
 * (−dV/dr, eV/Å) jumps there by the unshifted LJ force at rc, as in LAMMPS
 * {@code pair_style lj/cut} with {@code pair_modify shift yes}. E = Σ_{i&lt;j} V(r_ij).
 * Immutable and thread-safe.
 */
public final class LennardJones implements Potential {
    private final HalfPairs.Cache halfPairs = new HalfPairs.Cache();
    /**
     * Parameters of one species pair.
     *
     * @param epsilon well depth ε in eV (≥ 0)
     * @param sigma   zero-crossing distance σ in Å (&gt; 0)
     * @param cutoff  cutoff rc in Å (&gt; 0)
     */
    public record PairParameters(double epsilon, double sigma, double cutoff) {
        /** Validates the parameters. */
        public PairParameters {
            if (!(epsilon >= 0) || !(sigma > 0) || !(cutoff > 0) || !Double.isFinite(epsilon + sigma + cutoff)) {
                throw new IllegalArgumentException("Lennard-Jones parameters need epsilon >= 0 eV, sigma > 0 Å and "
                        + "cutoff > 0 Å, got epsilon=" + epsilon + ", sigma=" + sigma + ", cutoff=" + cutoff);
            }
        }
    }

    private final List<String> species;
    private final double[] eps4;
    private final double[] sig2;
    private final double[] rc2;
    private final double[] shift;
    private final double maxCutoff;

    /**
     * @param species    species names, index = type id
     * @param parameters symmetric matrix of pair parameters, parameters[a][b] for species a and b
     */
    public LennardJones(List<String> species, PairParameters[][] parameters) {
        int t = species.size();
        if (t == 0 || parameters.length != t) {
            throw new IllegalArgumentException("need a " + t + "x" + t + " parameter matrix for species " + species);
        }
        this.species = List.copyOf(species);
        eps4 = new double[t * t];
        sig2 = new double[t * t];
        rc2 = new double[t * t];
        shift = new double[t * t];
        double max = 0;
        for (int a = 0; a < t; a++) {
            if (parameters[a].length != t) {
                throw new IllegalArgumentException("parameter row " + a + " (" + species.get(a) + ") has "
                        + parameters[a].length + " entries, expected " + t);
            }
            for (int b = 0; b < t; b++) {
                PairParameters p = parameters[a][b];
                if (p == null || !p.equals(parameters[b][a])) {
                    throw new IllegalArgumentException("Lennard-Jones parameters for " + species.get(a) + "-"
                            + species.get(b) + " are missing or not symmetric: give the same values for both orders");
                }
                int k = a * t + b;
                eps4[k] = 4 * p.epsilon();
                sig2[k] = p.sigma() * p.sigma();
                rc2[k] = p.cutoff() * p.cutoff();
                double s6 = Math.pow(sig2[k] / rc2[k], 3);
                shift[k] = eps4[k] * (s6 * s6 - s6);
                max = Math.max(max, p.cutoff());
            }
        }
        maxCutoff = max;
    }

    /** @return a single-species potential with ε (eV), σ (Å) and cutoff rc (Å). */
    public static LennardJones single(String species, double epsilon, double sigma, double cutoff) {
        return new LennardJones(List.of(species),
                new PairParameters[][] {{new PairParameters(epsilon, sigma, cutoff)}});
    }

    /**
     * Lorentz–Berthelot mixing: ε_ab = √(ε_a ε_b), σ_ab = (σ_a + σ_b)/2, rc_ab = cutoffFactor·σ_ab.
     *
     * @param species      species names
     * @param epsilon      per species ε in eV
     * @param sigma        per species σ in Å
     * @param cutoffFactor rc in units of σ_ab (2.5 is customary)
     */
    public static LennardJones mixed(List<String> species, double[] epsilon, double[] sigma, double cutoffFactor) {
        int t = species.size();
        if (epsilon.length != t || sigma.length != t) {
            throw new IllegalArgumentException("need one epsilon and one sigma per species " + species);
        }
        PairParameters[][] p = new PairParameters[t][t];
        for (int a = 0; a < t; a++) {
            for (int b = 0; b < t; b++) {
                double s = 0.5 * (sigma[a] + sigma[b]);
                p[a][b] = new PairParameters(Math.sqrt(epsilon[a] * epsilon[b]), s, cutoffFactor * s);
            }
        }
        return new LennardJones(species, p);
    }

    @Override
    public double cutoff() {
        return maxCutoff;
    }

    @Override
    public List<String> species() {
        return species;
    }

    @Override
    public ForceResult compute(Structure structure, NeighborList nl) {
        HalfPairs hp = halfPairs.of(nl, structure.size());
        int n = structure.size();
        int t = species.size();
        int[] type = SpeciesTypes.of(structure, species, "the Lennard-Jones potential");
        double[] x = structure.positions();
        ForceAccumulator acc = new ForceAccumulator(n, true);
        for (int i = 0; i < n; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            int row = type[i] * t;
            for (int p = hp.offsets[i], e = hp.offsets[i + 1]; p < e; p++) {
                int j = hp.neighbors[p];
                double sx = hp.shifts[3 * p], sy = hp.shifts[3 * p + 1], sz = hp.shifts[3 * p + 2];
                double dx = x[3 * j] + sx - xi, dy = x[3 * j + 1] + sy - yi, dz = x[3 * j + 2] + sz - zi;
                double r2 = dx * dx + dy * dy + dz * dz;
                int k = row + type[j];
                if (r2 >= rc2[k]) {
                    continue;
                }
                double s2 = sig2[k] / r2;
                double s6 = s2 * s2 * s2;
                double s12 = s6 * s6;
                acc.pairEnergy(i, j, eps4[k] * (s12 - s6) - shift[k]);
                // (1/r) dV/dr = 4ε (−12 s¹² + 6 s⁶) / r²
                acc.pair(i, j, dx, dy, dz, eps4[k] * (6 * s6 - 12 * s12) / r2);
            }
        }
        return acc.result();
    }
}
