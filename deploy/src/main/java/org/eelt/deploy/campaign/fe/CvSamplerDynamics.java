package org.eelt.deploy.campaign.fe;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.eelt.explorer.agent.WalkerDynamics;
import org.eelt.explorer.agent.WalkerSettings;
import org.eelt.freeenergy.cv.CvSet;
import org.eelt.freeenergy.explore.CvLangevinSampler;
import org.eelt.freeenergy.net.FreeEnergyEnsemble;
import org.eelt.protocol.atoms.Structure;

/**
 * The CV-space sampler of free-energy campaigns as {@link WalkerDynamics}: one chunk of
 * {@link CvLangevinSampler} per call, overdamped Langevin dynamics on the ensemble-mean free
 * energy Ā(s) at the effective temperature γT (well-tempered factor γ), which samples
 * exp(−Ā/(γ k_B T)). With the spec's step size h (CV units, the rms displacement of free
 * diffusion per step), Δ = h²/2:
 * <pre>
 *   s ← s + clip((h²/2) F̄(s)/(γ k_B T)) + h ξ,   F̄ = −∂Ā/∂s (energy/CV-unit),  ξ ~ N(0, 1)
 * </pre>
 * Periodic CVs wrap to (−π, π]; non-periodic CVs reflect at the walls of the output grid's box. Every sampled
 * point is placed into full space ({@link CvEmbedding}) so that it travels to the examiner and
 * the labelers as a configuration of the system. The walker needs all K members (ensemble mean).
 * A walker's state is its current configuration and its random stream ({@link Point}).
 */
public final class CvSamplerDynamics extends FeEnsembleDynamics<CvSamplerDynamics.Point> {
    /** The sampler's trajectory: the current configuration (Å) and the walk's random stream. */
    public static final class Point {
        private Structure current;
        private final SplittableRandom rng;
        private final int sampleInterval;

        Point(Structure start, int sampleInterval, long seed) {
            this.current = start;
            this.sampleInterval = sampleInterval;
            this.rng = new SplittableRandom(seed);
        }

        /** @return the current configuration. */
        public Structure structure() {
            return current;
        }
    }

    private final CvSet cvs;
    private final CvEmbedding embedding;
    private final FeSpec.Grid box;
    private final double kT;
    private final double gamma;
    private final double step;

    /**
     * @param fe the free-energy settings (CVs, grid box, γ, T, step size, K)
     */
    public CvSamplerDynamics(FeSpec fe) {
        super(fe.training().ensembleSize());
        this.cvs = fe.cvs();
        this.embedding = new CvEmbedding(fe.cvs(), fe.start());
        this.box = fe.grid();
        this.kT = fe.kT();
        this.gamma = fe.exploration().gamma();
        this.step = fe.exploration().stepSize();
    }

    @Override
    protected Chunks<Point> chunks(FreeEnergyEnsemble ensemble) {
        return (point, steps) -> run(ensemble, point, steps);
    }

    @Override
    public Point start(Structure start, WalkerSettings settings, long seed) {
        return new Point(start, settings.sampleInterval(), seed); // overdamped: no velocities
    }

    private WalkerDynamics.Chunk run(FreeEnergyEnsemble ensemble, Point point, int steps) {
        Structure start = point.current;
        double[] s = cvs.wrap(cvs.values(start.positions(), start.cell()));
        int d = s.length;
        double[] delta = new double[d], lower = new double[d], upper = new double[d];
        boolean[] periodic = cvs.periodic();
        for (int q = 0; q < d; q++) {
            delta[q] = 0.5 * step * step; // Δ = D·dt, the free-diffusion rms step is √(2Δ) = h
            lower[q] = periodic[q] ? Double.NaN : box.min()[q];
            upper[q] = periodic[q] ? Double.NaN : box.max()[q];
        }
        CvLangevinSampler.Result r = CvLangevinSampler.run(ensemble, List.of(s), new CvLangevinSampler.Settings(kT,
                gamma, delta, lower, upper, steps, point.sampleInterval, point.rng.nextLong()));
        List<Structure> frames = new ArrayList<>();
        Structure current = start;
        for (CvLangevinSampler.Sample x : r.samples()) {
            current = embedding.place(current, x.s());
            frames.add(current);
        }
        point.current = embedding.place(current, r.finalPositions().get(0));
        return new WalkerDynamics.Chunk(frames, steps, null);
    }

}
