package org.eelt.potential.dp;

import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.potential.neighbor.NeighborList;
import org.eelt.protocol.atoms.Structure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Exact Deep Potential inference: energy (eV), per-atom energies (eV), forces (eV/Å), virial and
 * per-atom virials (eV) of periodic, partly periodic and isolated structures (positions in Å).
 *
 * <p>Forces and virials come from an explicit backward pass (no autodiff): for each neighbor slot
 * p of centre i with displacement d_p = r_j + S_p − r_i and g_p = ∂E/∂d_p,
 * <pre>
 *   F_i += g_p,  F_j −= g_p,  Ξ[a][b] −= g_p,a · d_p,b,  W_j[a][b] −= g_p,a · d_p,b
 * </pre>
 * Ξ = −Σ_k r_k ⊗ ∂E/∂r_k over all atoms and periodic images (Ξ is symmetric for this rotation-
 * invariant model, so the order of a and b does not matter for the total); the per-atom virial
 * W_j is the translation-invariant one that DeePMD-kit's PyTorch backend reports (assigned to the
 * neighbor atom j of each pair), flattened row-major with index 3a + b, a the force and b the
 * coordinate component, the order of DeePMD-kit's {@code atom_virial} (checked against its
 * reference values); Σ_j W_j = Ξ.
 *
 * <p>When more neighbors of a type lie within r_c than sel provides, the farthest are dropped
 * (as DeePMD-kit does) and a WARNING with their count is logged, once per evaluator (later
 * occurrences at DEBUG, so MD runs do not flood the log).
 *
 * <p>Centre atoms are processed in blocks of at most {@code blockAtoms} (and at least one block per
 * thread), so memory is bounded by the block, not the structure (a 10,368-atom water frame peaks
 * below 1 GB of heap with blocks of 256). Blocks may run on several threads; their results are
 * reduced in block order, so the output does not depend on the thread count. Immutable and
 * thread-safe.
 */
public final class DeepPotEvaluator implements Potential {
    private static final Logger LOG = LoggerFactory.getLogger(DeepPotEvaluator.class);
    /** Default number of centre atoms per block. */
    public static final int DEFAULT_BLOCK_ATOMS = 256;
    /**
     * Whether float64 evaluations run the embedding nets in forward mode (value and dG/dŝ in one
     * pass, {@link DenseNet#tangent}) instead of a forward pass plus a reverse pass. Same results to
     * rounding; system property {@code eelt.dp.forwardMode=false} selects the reverse mode (for
     * measurements).
     */
    static final boolean FORWARD_MODE = Boolean.parseBoolean(System.getProperty("eelt.dp.forwardMode", "true"));

    private final DeepPotModel model;
    private final DeepPotModel evalModel;
    private final Precision precision;
    private final int blockAtoms;
    private final int threads;
    private final CompressedEmbeddings tables;
    private final java.util.concurrent.atomic.AtomicBoolean warnedOverflow =
            new java.util.concurrent.atomic.AtomicBoolean();
    /** Shared worker pool for multi-threaded evaluation (daemon threads). */
    private static final java.util.concurrent.ForkJoinPool POOL =
            new java.util.concurrent.ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()));

    /** Float64 evaluation with the default block size. */
    public DeepPotEvaluator(DeepPotModel model) {
        this(model, Precision.FLOAT64, DEFAULT_BLOCK_ATOMS);
    }

    /**
     * @param model      the model
     * @param precision  {@link Precision#FLOAT64} (exact) or {@link Precision#FLOAT32}
     * @param blockAtoms centre atoms per block (≥ 1)
     */
    public DeepPotEvaluator(DeepPotModel model, Precision precision, int blockAtoms) {
        this(model, precision, blockAtoms, 1);
    }

    /**
     * @param model      the model
     * @param precision  {@link Precision#FLOAT64} (exact) or {@link Precision#FLOAT32}
     * @param blockAtoms centre atoms per block (≥ 1)
     * @param threads    blocks evaluated concurrently (≥ 1); results are bit-identical for every
     *                   thread count, because block results are reduced in block order. Use with
     *                   OMP_NUM_THREADS=1 so OpenBLAS does not oversubscribe the cores.
     */
    public DeepPotEvaluator(DeepPotModel model, Precision precision, int blockAtoms, int threads) {
        this(model, precision, blockAtoms, threads, null);
    }

    /**
     * @param model      the model
     * @param precision  arithmetic precision
     * @param blockAtoms centre atoms per block (≥ 1)
     * @param threads    blocks evaluated concurrently (≥ 1)
     * @param tables     tabulated embedding nets ({@link CompressedEmbeddings#build}) for the compressed,
     *                   approximate but much faster evaluation, or null for the exact nets
     */
    public DeepPotEvaluator(DeepPotModel model, Precision precision, int blockAtoms, int threads,
                            CompressedEmbeddings tables) {
        if (blockAtoms < 1) {
            throw new IllegalArgumentException("blockAtoms must be >= 1, got " + blockAtoms);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.tables = tables;
        this.model = model;
        this.precision = precision;
        this.evalModel = precision == Precision.FLOAT32 ? model.roundedToFloat() : model;
        this.blockAtoms = blockAtoms;
    }

    /** @return the model. */
    public DeepPotModel model() {
        return model;
    }

    /**
     * @return a compressed evaluator: embedding nets tabulated with {@link CompressedEmbeddings#DEFAULT_STEP}
     * down to {@link CompressedEmbeddings#DEFAULT_R_MIN} (float64, default block size, one thread)
     */
    public static DeepPotEvaluator compressed(DeepPotModel model) {
        return new DeepPotEvaluator(model, Precision.FLOAT64, DEFAULT_BLOCK_ATOMS, 1, CompressedEmbeddings.build(
                model.descriptor(), CompressedEmbeddings.DEFAULT_R_MIN, CompressedEmbeddings.DEFAULT_STEP));
    }

    /** @return the precision. */
    public Precision precision() {
        return precision;
    }

    @Override
    public double cutoff() {
        return model.rcut();
    }

    @Override
    public List<String> species() {
        return model.typeMap();
    }

    @Override
    public ForceResult compute(Structure structure, NeighborList neighbors) {
        return run(structure, neighbors, false).result;
    }

    /**
     * @return the descriptor D of every atom, N × (M·M₂) row-major (DeePMD-kit's {@code eval_descriptor})
     */
    public double[] descriptor(Structure structure, NeighborList neighbors) {
        return run(structure, neighbors, true).descriptor;
    }

    /** @return the fitting net's last hidden layer per atom, N × width (DeePMD-kit's {@code eval_fitting_last_layer}). */
    public double[] fittingLastHidden(Structure structure, NeighborList neighbors) {
        return run(structure, neighbors, true).lastHidden;
    }

    private record Run(ForceResult result, double[] descriptor, double[] lastHidden) {
    }

    private Run run(Structure structure, NeighborList nl, boolean keepExtras) {
        int n = structure.size();
        if (nl.atoms() != n) {
            throw new IllegalArgumentException("neighbor list has " + nl.atoms() + " atoms, structure has " + n);
        }
        if (nl.cutoff() + nl.skin() < model.rcut()) {
            throw new IllegalArgumentException("neighbor list radius " + (nl.cutoff() + nl.skin())
                    + " Å is below the model cutoff " + model.rcut() + " Å: rebuild it with cutoff >= rcut");
        }
        int[] types = structure.types(model.typeMap());
        double[] pos = structure.positions();
        SeE2aDescriptor desc = evalModel.descriptor();
        int dim = desc.dimOut();
        double[] forces = new double[3 * n];
        double[] virial = new double[9];
        double[] atomE = new double[n];
        double[] atomV = new double[9 * n];
        double[] descriptor = keepExtras ? new double[n * dim] : null;
        int hidden = evalModel.fitting().net(0).layers().get(evalModel.fitting().net(0).layers().size() - 1).in();
        double[] lastHidden = keepExtras ? new double[n * hidden] : null;
        long dropped = 0;
        int size = blockSize(n, blockAtoms, threads);
        int blocks = (n + size - 1) / size;
        for (int w0 = 0; w0 < blocks; w0 += threads) {
            int w1 = Math.min(blocks, w0 + threads);
            List<Block> wave = new java.util.ArrayList<>(w1 - w0);
            if (w1 - w0 == 1) {
                wave.add(block(w0, size, n, pos, types, nl, keepExtras));
            } else {
                List<java.util.concurrent.ForkJoinTask<Block>> tasks = new java.util.ArrayList<>();
                for (int b = w0; b < w1; b++) {
                    final int bb = b;
                    tasks.add(POOL.submit(() -> block(bb, size, n, pos, types, nl, keepExtras)));
                }
                for (java.util.concurrent.ForkJoinTask<Block> t : tasks) {
                    wave.add(t.join());
                }
            }
            for (Block bl : wave) {
                NeighborSelection sel = bl.sel;
                int a0 = sel.a0, a1 = sel.a0 + sel.n;
                dropped += sel.dropped;
                System.arraycopy(bl.atomEnergy, 0, atomE, a0, a1 - a0);
                if (keepExtras) {
                    System.arraycopy(bl.descriptor, 0, descriptor, a0 * dim, (a1 - a0) * dim);
                    System.arraycopy(bl.lastHidden, 0, lastHidden, a0 * hidden, (a1 - a0) * hidden);
                }
                accumulate(sel, bl.g, forces, virial, atomV);
            }
        }
        if (dropped > 0 && warnedOverflow.compareAndSet(false, true)) {
            LOG.warn("{} neighbors within rcut = {} Å were dropped because a sel section was full (sel = {}); "
                            + "energies are not smooth: increase sel", dropped, model.rcut(),
                    java.util.Arrays.toString(desc.sel()));
        } else if (dropped > 0) {
            LOG.debug("{} neighbors dropped (sel overflow)", dropped);
        }
        double energy = 0;
        for (double e : atomE) {
            energy += e;
        }
        checkFinite(energy, atomE, forces, atomV);
        return new Run(new ForceResult(energy, forces, virial, atomE, atomV), descriptor, lastHidden);
    }

    /** @return centre atoms per block: at most blockAtoms, and one block per thread at least, so that small structures still split across threads */
    static int blockSize(int n, int blockAtoms, int threads) {
        return threads > 1 ? Math.max(1, Math.min(blockAtoms, (n + threads - 1) / threads)) : blockAtoms;
    }

    /** @return whether float64 evaluations of this JVM run the embedding nets in forward mode ({@link #FORWARD_MODE}) */
    public static boolean forwardMode() {
        return FORWARD_MODE;
    }

    /** One block's outputs: its slot table, slot gradients g_p = ∂E/∂d_p and per-atom results. */
    private record Block(NeighborSelection sel, double[] g, double[] atomEnergy, double[] descriptor,
                         double[] lastHidden) {
    }

    /** Forward and backward pass of block b (centre atoms [b·size, min(n, (b+1)·size))). */
    private Block block(int b, int size, int n, double[] pos, int[] types, NeighborList nl, boolean keepExtras) {
        int a0 = b * size;
        int a1 = Math.min(n, a0 + size);
        SeE2aDescriptor desc = evalModel.descriptor();
        NeighborSelection sel = NeighborSelection.build(pos, types, nl, evalModel, a0, a1);
        Arena arena = Arena.local();
        try {
            DescriptorPass dp = DescriptorPass.forward(desc, precision, sel, types, arena, tables, FORWARD_MODE);
            FittingPass fp = FittingPass.forward(evalModel, dp);
            double[] lastHidden = keepExtras ? fp.lastHidden() : null;
            double[] dD = fp.backward(null, null);
            double[] dRHat = dp.backward(dD, null);
            double[] g = new double[3 * sel.n * sel.nnei];
            EnvMatrix.backward(sel, types, desc, dp.masked, dRHat, g);
            return new Block(sel, g, fp.atomEnergy, keepExtras ? dp.dd.clone() : null, lastHidden);
        } finally {
            arena.releaseAll();
        }
    }

    /** Scatters the slot gradients g_p = ∂E/∂d_p into forces and (per-atom) virials. */
    static void accumulate(NeighborSelection sel, double[] g, double[] forces, double[] virial, double[] atomV) {
        for (int li = 0; li < sel.n; li++) {
            int i = sel.a0 + li;
            for (int s = 0; s < sel.nnei; s++) {
                int slot = li * sel.nnei + s;
                int j = sel.atom[slot];
                if (j < 0) {
                    continue;
                }
                for (int a = 0; a < 3; a++) {
                    double ga = g[3 * slot + a];
                    forces[3 * i + a] += ga;
                    forces[3 * j + a] -= ga;
                    for (int b = 0; b < 3; b++) {
                        double v = -ga * sel.d[3 * slot + b];
                        virial[3 * a + b] += v;
                        atomV[9 * j + 3 * a + b] += v;
                    }
                }
            }
        }
    }

    private static void checkFinite(double energy, double[] atomE, double[] forces, double[] atomV) {
        for (int i = 0; i < atomE.length; i++) {
            boolean ok = Double.isFinite(atomE[i]);
            for (int k = 0; k < 3 && ok; k++) {
                ok = Double.isFinite(forces[3 * i + k]);
            }
            for (int k = 0; k < 9 && ok; k++) {
                ok = Double.isFinite(atomV[9 * i + k]);
            }
            if (!ok) {
                throw new ArithmeticException("Deep Potential produced a non-finite value at atom " + i
                        + " (energy " + atomE[i] + "): check the model parameters (dstd, weights) and the coordinates");
            }
        }
        if (!Double.isFinite(energy)) {
            throw new ArithmeticException("Deep Potential total energy is " + energy);
        }
    }
}
