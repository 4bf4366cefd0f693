package org.eelt.trainer.model;

import java.util.List;
import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.potential.neighbor.NeighborList;
import org.eelt.protocol.atoms.Structure;

/**
 * A trainable se_e2_a Deep Potential: architecture, flat parameter vector and the
 * environment statistics davg/dstd. Immutable (arrays are copied in and out), so one instance
 * can be shared by threads; training produces new instances with {@link #withParameters}.
 *
 * <p>As a {@link Potential} it returns E (eV), F = −∂E/∂r (eV/Å) and the virial
 * Ξ_ab = −Σ_k ∂E/∂r_{k,a} r_{k,b} over atoms and images (eV), computed exactly from the
 * per-slot derivatives ∂E/∂d_ij: F_i += g_ij, F_j −= g_ij, Ξ_ab −= g_ij,a d_ij,b.
 */
public final class DpModel implements Potential {
    private final DpSpec spec;
    private final ParamLayout layout;
    private final double[] params;
    private final double[] davg;
    private final double[] dstd;
    /** Scratch per thread for {@link #compute}, allocated on first use (kernels never share it). */
    private final ThreadLocal<Object> work;

    /**
     * @param spec   architecture
     * @param params flat parameters ({@link ParamLayout#size()})
     * @param davg   per-type environment mean, ntypes × 4
     * @param dstd   per-type environment std, ntypes × 4 (all &gt; 0)
     */
    public DpModel(DpSpec spec, double[] params, double[] davg, double[] dstd) {
        this.spec = spec;
        this.layout = new ParamLayout(spec);
        if (params.length != layout.size()) {
            throw new IllegalArgumentException("parameter vector has " + params.length + " entries, the architecture "
                    + spec + " needs " + layout.size());
        }
        if (davg.length != 4 * spec.ntypes() || dstd.length != 4 * spec.ntypes()) {
            throw new IllegalArgumentException("davg/dstd must have 4·ntypes = " + 4 * spec.ntypes() + " entries");
        }
        for (double v : dstd) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("dstd entries must be > 0, got " + v);
            }
        }
        this.params = params.clone();
        this.davg = davg.clone();
        this.dstd = dstd.clone();
        this.work = ThreadLocal.withInitial(() -> SeE2aKernel.newWorkspace(layout));
    }

    /** @return the architecture. */
    public DpSpec spec() {
        return spec;
    }

    /** @return the parameter layout. */
    public ParamLayout layout() {
        return layout;
    }

    /** @return a copy of the parameters. */
    public double[] parameters() {
        return params.clone();
    }

    /** @return a copy of davg (ntypes × 4). */
    public double[] davg() {
        return davg.clone();
    }

    /** @return a copy of dstd (ntypes × 4). */
    public double[] dstd() {
        return dstd.clone();
    }

    /** @return the same model with new parameters. */
    public DpModel withParameters(double[] newParams) {
        return new DpModel(spec, newParams, davg, dstd);
    }

    /** Parameters without copying, for the training kernels of this module. */
    double[] rawParams() {
        return params;
    }

    @Override
    public double cutoff() {
        return spec.rcut();
    }

    @Override
    public List<String> species() {
        return spec.typeMap();
    }

    @Override
    public ForceResult compute(Structure structure, NeighborList neighbors) {
        int[] types = structure.types(spec.typeMap());
        Environment env = Environment.build(spec, structure.positions(), types, neighbors);
        return evaluate(env);
    }

    /** Energy, forces and virial for a prepared environment. */
    public ForceResult evaluate(Environment env) {
        int n = env.natoms();
        double[] g = new double[n * env.nnei() * 3];
        double[] ae = new double[n];
        double e = SeE2aKernel.evaluate(layout, params, davg, dstd, env, null, g, ae, null, 0, 0, work.get());
        double[] f = new double[3 * n];
        double[] v = new double[9];
        forcesAndVirial(env, g, f, v);
        return new ForceResult(e, f, v, ae, null);
    }

    /**
     * Accumulates forces (eV/Å) and virial (eV) from per-slot derivatives g = ∂E/∂d.
     *
     * @param f out, 3N, zeroed here
     * @param v out, 9, zeroed here
     */
    public static void forcesAndVirial(Environment env, double[] g, double[] f, double[] v) {
        java.util.Arrays.fill(f, 0);
        java.util.Arrays.fill(v, 0);
        int n = env.natoms(), nnei = env.nnei();
        int[] nbr = env.neighbors();
        double[] d = env.displacements();
        for (int i = 0; i < n; i++) {
            for (int s = i * nnei; s < (i + 1) * nnei; s++) {
                int j = nbr[s];
                if (j < 0) {
                    continue;
                }
                for (int a = 0; a < 3; a++) {
                    double ga = g[3 * s + a];
                    f[3 * i + a] += ga;
                    f[3 * j + a] -= ga;
                    for (int b = 0; b < 3; b++) {
                        v[3 * a + b] -= ga * d[3 * s + b];
                    }
                }
            }
        }
    }
}
