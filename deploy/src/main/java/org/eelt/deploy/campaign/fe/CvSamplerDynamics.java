package org.eelt.deploy.campaign.fe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.eelt.explorer.agent.LangevinChunk;
import org.eelt.explorer.agent.WalkerDynamics;
import org.eelt.freeenergy.cv.CvSet;
import org.eelt.freeenergy.net.FreeEnergyEnsemble;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.ModelPublished;

/**
 * The CV-space sampler of free-energy campaigns as {@link WalkerDynamics}: overdamped Langevin
 * dynamics on the ensemble-mean free energy Ā(s) at the effective temperature γT (well-tempered
 * factor γ), which samples exp(−Ā/(γ k_B T)). Euler–Maruyama with the step size h (CV units, the
 * rms displacement of free diffusion per step):
 * <pre>
 *   s ← s + (h²/2) F̄(s)/(γ k_B T) + h ξ,   F̄ = −∂Ā/∂s (energy/CV-unit),  ξ ~ N(0, 1)
 * </pre>
 * The drift displacement is capped at 5h per step (steep, untrained regions). Periodic CVs wrap
 * to (−π, π]; non-periodic CVs reflect at the walls of the output grid's box. Every sampled
 * point is placed into full space ({@link CvEmbedding}) so that it travels to the examiner and
 * the labelers as a configuration of the system. The walker needs all K members (ensemble mean).
 */
public final class CvSamplerDynamics implements WalkerDynamics {
    private final CvSet cvs;
    private final CvEmbedding embedding;
    private final FeSpec.Grid box;
    private final int members;
    private final double kTEff;
    private final double step;

    /**
     * @param fe the free-energy settings (CVs, grid box, γ, T, step size, K)
     */
    public CvSamplerDynamics(FeSpec fe) {
        this.cvs = fe.cvs();
        this.embedding = new CvEmbedding(fe.cvs(), fe.start());
        this.box = fe.grid();
        this.members = fe.training().ensembleSize();
        this.kTEff = fe.exploration().gamma() * fe.kT();
        this.step = fe.exploration().stepSize();
    }

    @Override
    public boolean wants(ModelPublished model, int member) {
        return true;
    }

    @Override
    public Object parse(ModelPublished model) {
        return FeModels.decode(model);
    }

    @Override
    public Chunks chunks(Map<Integer, Object> models, int member) {
        if (models.size() < members) {
            return null;
        }
        List<Object> nets = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            nets.add(models.get(m));
        }
        FreeEnergyEnsemble ensemble = FeModels.ensemble(nets);
        return (start, v, p, rng) -> run(ensemble, start, p, rng);
    }

    @Override
    public double[] velocities(Structure s, double temperature, SplittableRandom rng) {
        return new double[0]; // overdamped: no velocities
    }

    private LangevinChunk.Result run(FreeEnergyEnsemble ensemble, Structure start, LangevinChunk.Params p,
                                     SplittableRandom rng) {
        double[] s = cvs.wrap(cvs.values(start.positions(), start.cell()));
        boolean[] periodic = cvs.periodic();
        List<Structure> frames = new ArrayList<>();
        Structure current = start;
        for (int t = 1; t <= p.steps(); t++) {
            double[] f = ensemble.evaluate(s, false).meanForce();
            for (int q = 0; q < s.length; q++) {
                double drift = 0.5 * step * step * f[q] / kTEff;
                drift = Math.max(-5 * step, Math.min(5 * step, drift));
                s[q] += drift + step * gaussian(rng);
                s[q] = periodic[q] ? CvSet.wrapDifference(s[q], true, 2 * Math.PI) : reflect(s[q], box.min()[q], box.max()[q]);
            }
            if (t % p.sampleInterval() == 0 || t == p.steps()) {
                current = embedding.place(current, s);
                if (t % p.sampleInterval() == 0) {
                    frames.add(current);
                }
            }
        }
        return new LangevinChunk.Result(current, new double[0], frames, p.steps(), false);
    }

    /** Reflects x into [lo, hi]. */
    static double reflect(double x, double lo, double hi) {
        double w = hi - lo;
        double y = (x - lo) % (2 * w);
        if (y < 0) {
            y += 2 * w;
        }
        return lo + (y <= w ? y : 2 * w - y);
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
