package org.eelt.trainer.loss;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.eelt.trainer.model.DpModel;
import org.eelt.trainer.model.Environment;
import org.eelt.trainer.model.ParamLayout;
import org.eelt.trainer.model.SeE2aKernel;

/**
 * DeePMD-kit's energy/force/virial loss of one batch and its exact gradient with respect
 * to all model parameters.
 *
 * <p>Per frame with N atoms ({@code deepmd/pt/loss/ener.py} normalizations):
 * <pre>
 *  L = p_e·ΔE²/N + p_f·(1/3N)·Σ_k ΔF_k² + p_v·(1/9N)·Σ_ab ΔΞ_ab²,   Δ = prediction − label
 * </pre>
 * averaged over the batch. Gradient (forward-over-reverse, no second-order autodiff): with
 * g_p = ∂E/∂d_p for the slot p = (i → j) and d_p its displacement, F_i = Σ g − Σ g and
 * Ξ = −Σ_p g_p ⊗ d_p, so
 * <pre>
 *  dL/dθ = (2p_e ΔE/N)·∂E/∂θ + ∂/∂θ Σ_p g_p·ḋ_p,
 *  ḋ_p = (2p_f/3N)(ΔF_i − ΔF_j) − (2p_v/9N) ΔΞ·d_p        (held constant)
 * </pre>
 * and the second term is the directional derivative of ∂E/∂θ along ḋ, which
 * {@link SeE2aKernel} propagates exactly. Each frame costs one value pass (forces) and one
 * dual-number pass (gradient), each split over atom chunks. Thread-confined: use one
 * instance per trainer; close it to stop its worker threads.
 */
public final class EnergyForceVirialLoss implements AutoCloseable {
    private final ParamLayout layout;
    private final int threads;
    private final Object[] work;
    private final double[][] partGrad;
    private final ExecutorService pool;

    /** @param layout parameter layout of the model to train; runs on the calling thread */
    public EnergyForceVirialLoss(ParamLayout layout) {
        this(layout, 1);
    }

    /**
     * @param layout  parameter layout of the model to train
     * @param threads worker threads; atoms of each frame are split into this many fixed chunks
     *                whose results are summed in chunk order, so the result does not depend on
     *                scheduling
     */
    public EnergyForceVirialLoss(ParamLayout layout, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.layout = layout;
        this.threads = threads;
        this.work = new Object[threads];
        this.partGrad = new double[threads][];
        for (int k = 0; k < threads; k++) {
            work[k] = SeE2aKernel.newWorkspace(layout);
            partGrad[k] = k == 0 ? null : new double[layout.size()];
        }
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "eelt-loss-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Runs body(k) for chunks k = 0..threads−1, chunk 0 on the calling thread. */
    private void parallel(IntConsumer body) {
        if (pool == null) {
            body.accept(0);
            return;
        }
        List<Future<?>> fs = new ArrayList<>();
        for (int k = 1; k < threads; k++) {
            int kk = k;
            fs.add(pool.submit(() -> body.accept(kk)));
        }
        body.accept(0);
        // an interrupt of the caller must not leave workers writing into shared buffers: wait for
        // all chunks, then restore the flag so the trainer stops after this step
        boolean interrupted = false;
        for (Future<?> f : fs) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @param model   the model
     * @param batch   frames
     * @param pref    {p_e, p_f, p_v}
     * @param grad    out: dL/dθ (zeroed here), or null for evaluation only
     * @return loss and error terms
     */
    public LossTerms evaluate(DpModel model, java.util.List<TrainFrame> batch, double[] pref, double[] grad) {
        double[] p = model.parameters(), davg = model.davg(), dstd = model.dstd();
        if (grad != null) {
            java.util.Arrays.fill(grad, 0);
            for (int k = 1; k < threads; k++) {
                java.util.Arrays.fill(partGrad[k], 0);
            }
        }
        double loss = 0, se = 0, sf = 0, sv = 0;
        int nv = 0;
        double inb = 1.0 / batch.size();
        for (TrainFrame fr : batch) {
            Environment env = fr.env();
            int n = env.natoms(), nnei = env.nnei();
            double[] g = new double[n * nnei * 3];
            double[] part = new double[threads];
            parallel(k -> part[k] = SeE2aKernel.evaluate(layout, p, davg, dstd, env, k * n / threads,
                    (k + 1) * n / threads, null, g, null, null, 0, 0, work[k]));
            double e = 0;
            for (double v : part) {
                e += v;
            }
            double[] f = new double[3 * n];
            double[] v = new double[9];
            DpModel.forcesAndVirial(env, g, f, v);
            double cE = 0;
            double de = e - fr.energy();
            if (!Double.isNaN(fr.energy())) {
                se += de * de / ((double) n * n);
                if (pref[0] != 0) {
                    loss += pref[0] * de * de / n;
                    cE = 2 * pref[0] * de / n;
                }
            }
            double[] df = null;
            if (fr.forces() != null) {
                df = new double[3 * n];
                double s = 0;
                for (int k = 0; k < 3 * n; k++) {
                    df[k] = f[k] - fr.forces()[k];
                    s += df[k] * df[k];
                }
                sf += s / (3.0 * n);
                loss += pref[1] * s / (3.0 * n);
            }
            double[] dv = null;
            if (fr.virial() != null) {
                dv = new double[9];
                double s = 0;
                for (int k = 0; k < 9; k++) {
                    dv[k] = v[k] - fr.virial()[k];
                    s += dv[k] * dv[k];
                }
                sv += s / 9.0 / ((double) n * n);
                nv++;
                loss += pref[2] * s / (9.0 * n);
            }
            if (grad == null) {
                continue;
            }
            double cF = df != null ? 2 * pref[1] / (3.0 * n) : 0;
            double cV = dv != null ? 2 * pref[2] / (9.0 * n) : 0;
            double[] tan = null;
            if (cF != 0 || cV != 0) {
                tan = new double[n * nnei * 3];
                int[] nbr = env.neighbors();
                double[] d = env.displacements();
                for (int i = 0; i < n; i++) {
                    for (int s = i * nnei; s < (i + 1) * nnei; s++) {
                        int j = nbr[s];
                        if (j < 0) {
                            continue;
                        }
                        for (int a = 0; a < 3; a++) {
                            double t = cF != 0 ? cF * (df[3 * i + a] - df[3 * j + a]) : 0;
                            if (cV != 0) {
                                t -= cV * (dv[3 * a] * d[3 * s] + dv[3 * a + 1] * d[3 * s + 1] + dv[3 * a + 2] * d[3 * s + 2]);
                            }
                            tan[3 * s + a] = t;
                        }
                    }
                }
            }
            double[] tanF = tan;
            double aE = cE * inb;
            parallel(k -> SeE2aKernel.evaluate(layout, p, davg, dstd, env, k * n / threads, (k + 1) * n / threads,
                    tanF, null, null, k == 0 ? grad : partGrad[k], aE, inb, work[k]));
        }
        if (grad != null) {
            for (int k = 1; k < threads; k++) {
                double[] pg = partGrad[k];
                for (int q = 0; q < grad.length; q++) {
                    grad[q] += pg[q];
                }
            }
        }
        return new LossTerms(loss * inb, se * inb, sf * inb, nv > 0 ? sv / nv : Double.NaN, batch.size());
    }
}
