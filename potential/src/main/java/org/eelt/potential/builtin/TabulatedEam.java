package org.eelt.potential.builtin;

import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.potential.neighbor.NeighborList;
import org.eelt.protocol.atoms.Structure;

import java.nio.file.Path;
import java.util.List;

/**
 * Tabulated embedded-atom potential evaluated exactly as LAMMPS's {@code pair_style eam},
 * {@code eam/alloy} and {@code eam/fs}:
 * <pre>
 *   E   = Σ_i F_{a_i}(ρ_i) + ½ Σ_i Σ_{j≠i} φ_{a_i a_j}(r_ij),     ρ_i = Σ_{j≠i} ρ_{a_j → a_i}(r_ij)
 * </pre>
 * (energies eV, distances Å) with every function read from the file and interpolated by LAMMPS's
 * cubic spline ({@link EamSpline}). The lookup of r is p = r/dr + 1, m = min(⌊p⌋, nr − 1),
 * p = min(p − m, 1), so r beyond the table uses the last interval's end value. The lookup of ρ
 * clamps m to [1, nrho − 1] and p to ≤ 1; when ρ_i exceeds ρ_max ({@link EamTables#rhoMax()}) the
 * energy gains F′·(ρ_i − ρ_max), F′ taken at the clamped table end (LAMMPS's linear extension),
 * and the force uses that same F′.
 * Pairs interact when r² &lt; r_c² (strict), r_c from the file. φ is recovered as (r·φ)/r.
 *
 * <p>Species labels of a structure are matched to the file's element names (funcfl files name
 * the element by its atomic number). Per-atom energy: E_i = F(ρ_i) + ½ Σ_j φ_ij (LAMMPS's
 * {@code pe/atom}). Immutable and thread-safe.
 */
public final class TabulatedEam implements Potential {
    private final HalfPairs.Cache halfPairs = new HalfPairs.Cache();
    private final EamTables tables;
    private final double[][] frhoSpline;
    private final double[][] rhorSpline;
    private final double[][] z2rSpline;
    private final double rdr;
    private final double rdrho;
    private final double rhomax;
    private final double cutsq;
    private final int nr;
    private final int nrho;
    private final boolean atomicVirials;

    /** @param tables tables from {@link EamFileReader} */
    public TabulatedEam(EamTables tables) {
        this(tables, true);
    }

    private TabulatedEam(EamTables tables, boolean atomicVirials) {
        this.atomicVirials = atomicVirials;
        this.tables = tables;
        this.frhoSpline = new double[tables.frho().length][];
        for (int k = 0; k < frhoSpline.length; k++) {
            frhoSpline[k] = EamSpline.coefficients(tables.frho()[k], tables.drho());
        }
        this.rhorSpline = new double[tables.rhor().length][];
        for (int k = 0; k < rhorSpline.length; k++) {
            rhorSpline[k] = EamSpline.coefficients(tables.rhor()[k], tables.dr());
        }
        this.z2rSpline = new double[tables.z2r().length][];
        for (int k = 0; k < z2rSpline.length; k++) {
            z2rSpline[k] = EamSpline.coefficients(tables.z2r()[k], tables.dr());
        }
        this.rdr = 1.0 / tables.dr();
        this.rdrho = 1.0 / tables.drho();
        this.rhomax = tables.rhoMax();
        this.cutsq = tables.cutoff() * tables.cutoff();
        this.nr = tables.nr();
        this.nrho = tables.nrho();
    }

    /**
     * Loads a potential file, the format chosen by its name ({@code .eam} funcfl,
     * {@code .eam.alloy} setfl, {@code .eam.fs} Finnis–Sinclair).
     *
     * @throws IllegalArgumentException naming the file when it does not exist
     */
    public static TabulatedEam load(Path file) {
        return new TabulatedEam(EamFileReader.read(file));
    }

    /**
     * @param on whether {@link ForceResult#atomicVirials()} are computed (on by default; MD does
     *           not need them and runs faster without)
     * @return a potential with the same tables
     */
    public TabulatedEam withAtomicVirials(boolean on) {
        return on == atomicVirials ? this : new TabulatedEam(tables, on);
    }

    /** @return the tables this potential evaluates. */
    public EamTables tables() {
        return tables;
    }

    /** @return the mass (amu) the file gives for an element. */
    public double mass(String element) {
        int k = tables.elements().indexOf(element);
        if (k < 0) {
            throw new IllegalArgumentException("element '" + element + "' is not in " + tables.source()
                    + ", which has " + tables.elements());
        }
        return tables.masses()[k];
    }

    @Override
    public double cutoff() {
        return tables.cutoff();
    }

    @Override
    public List<String> species() {
        return tables.elements();
    }

    @Override
    public ForceResult compute(Structure structure, NeighborList nl) {
        HalfPairs hp = halfPairs.of(nl, structure.size());
        int n = structure.size();
        int[] type = SpeciesTypes.of(structure, tables.elements(), tables.source());
        int[][] t2rho = tables.rhorIndex();
        int[][] t2z2r = tables.z2rIndex();
        double[] x = structure.positions();
        double[] rho = new double[n];
        // pass 1: densities, each pair once, to both atoms
        for (int i = 0; i < n; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            int ti = type[i];
            double rhoi = 0;
            for (int q = hp.offsets[i], e = hp.offsets[i + 1]; q < e; q++) {
                int j = hp.neighbors[q];
                double sx = hp.shifts[3 * q], sy = hp.shifts[3 * q + 1], sz = hp.shifts[3 * q + 2];
                double dx = x[3 * j] + sx - xi, dy = x[3 * j + 1] + sy - yi, dz = x[3 * j + 2] + sz - zi;
                double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq >= cutsq) {
                    continue;
                }
                int tj = type[j];
                double p = Math.sqrt(rsq) * rdr + 1.0;
                int m = (int) p;
                m = Math.min(m, nr - 1);
                p -= m;
                p = Math.min(p, 1.0);
                int o = 7 * m;
                double[] c = rhorSpline[t2rho[tj][ti]];
                rhoi += ((c[o + 3] * p + c[o + 4]) * p + c[o + 5]) * p + c[o + 6];
                c = rhorSpline[t2rho[ti][tj]];
                rho[j] += ((c[o + 3] * p + c[o + 4]) * p + c[o + 5]) * p + c[o + 6];
            }
            rho[i] += rhoi;
        }
        // embedding energies and F'(ρ)
        ForceAccumulator acc = new ForceAccumulator(n, atomicVirials);
        double[] fp = new double[n];
        for (int i = 0; i < n; i++) {
            double p = rho[i] * rdrho + 1.0;
            int m = (int) p;
            m = Math.max(1, Math.min(m, nrho - 1));
            p -= m;
            p = Math.min(p, 1.0);
            double[] c = frhoSpline[type[i]];
            int o = 7 * m;
            fp[i] = (c[o] * p + c[o + 1]) * p + c[o + 2];
            double phi = ((c[o + 3] * p + c[o + 4]) * p + c[o + 5]) * p + c[o + 6];
            if (rho[i] > rhomax) {
                phi += fp[i] * (rho[i] - rhomax);
            }
            acc.atomEnergies[i] = phi;
        }
        // pass 2: pair energies and forces; atom i's sums and the virial stay in locals
        double[] f = acc.forces;
        double[] ae = acc.atomEnergies;
        boolean perAtom = acc.atomVirials != null;
        double v0 = 0, v1 = 0, v2 = 0, v4 = 0, v5 = 0, v8 = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            int ti = type[i];
            double fxi = 0, fyi = 0, fzi = 0, ei = 0;
            for (int q = hp.offsets[i], e = hp.offsets[i + 1]; q < e; q++) {
                int j = hp.neighbors[q];
                double sx = hp.shifts[3 * q], sy = hp.shifts[3 * q + 1], sz = hp.shifts[3 * q + 2];
                double dx = x[3 * j] + sx - xi, dy = x[3 * j + 1] + sy - yi, dz = x[3 * j + 2] + sz - zi;
                double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq >= cutsq) {
                    continue;
                }
                int tj = type[j];
                double r = Math.sqrt(rsq);
                double p = r * rdr + 1.0;
                int m = (int) p;
                m = Math.min(m, nr - 1);
                p -= m;
                p = Math.min(p, 1.0);
                int o = 7 * m;
                // rhoip: d/dr of the density at j due to i; rhojp: at i due to j
                double[] c = rhorSpline[t2rho[ti][tj]];
                double rhoip = (c[o] * p + c[o + 1]) * p + c[o + 2];
                c = rhorSpline[t2rho[tj][ti]];
                double rhojp = (c[o] * p + c[o + 1]) * p + c[o + 2];
                c = z2rSpline[t2z2r[ti][tj]];
                double z2p = (c[o] * p + c[o + 1]) * p + c[o + 2];
                double z2 = ((c[o + 3] * p + c[o + 4]) * p + c[o + 5]) * p + c[o + 6];
                double recip = 1.0 / r;
                double phi = z2 * recip;
                double phip = z2p * recip - phi * recip;
                double psip = fp[i] * rhojp + fp[j] * rhoip + phip;
                double g = psip * recip;
                double fx = g * dx, fy = g * dy, fz = g * dz;
                fxi += fx;
                fyi += fy;
                fzi += fz;
                f[3 * j] -= fx;
                f[3 * j + 1] -= fy;
                f[3 * j + 2] -= fz;
                double half = 0.5 * phi;
                ei += half;
                ae[j] += half;
                double w0 = -dx * fx, w1 = -dx * fy, w2 = -dx * fz, w4 = -dy * fy, w5 = -dy * fz, w8 = -dz * fz;
                v0 += w0;
                v1 += w1;
                v2 += w2;
                v4 += w4;
                v5 += w5;
                v8 += w8;
                if (perAtom) {
                    acc.atomVirialPair(i, j, w0, w1, w2, w4, w5, w8);
                }
            }
            f[3 * i] += fxi;
            f[3 * i + 1] += fyi;
            f[3 * i + 2] += fzi;
            ae[i] += ei;
        }
        acc.addVirial(v0, v1, v2, v4, v5, v8);
        return acc.result();
    }
}
