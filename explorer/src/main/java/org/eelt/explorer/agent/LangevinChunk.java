package org.eelt.explorer.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.eelt.explorer.md.Gaussian;
import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.units.Units;

/**
 * A chunk of Langevin dynamics (NVT, BAOAB splitting of Leimkuhler–Matthews), a pure function of
 * its inputs: positions Å, velocities Å/ps, masses amu, forces eV/Å, time step ps, friction 1/ps,
 * temperature K.
 * <pre>
 *   B: v += (Δt/2) F/m · c        (c = {@link Units#EV_PER_A_AMU_TO_A_PER_PS2})
 *   A: r += (Δt/2) v
 *   O: v  = e^{−γΔt} v + sqrt((1 − e^{−2γΔt}) k_B T c / m) ξ,  ξ ~ N(0, 1)
 *   A: r += (Δt/2) v
 *   B: v += (Δt/2) F(r)/m · c
 * </pre>
 * The chunk stops early ("explosion") when the energy or a force is not finite, or a force
 * exceeds {@code maxForce} eV/Å.
 */
public final class LangevinChunk {
    private LangevinChunk() {
    }

    /**
     * Chunk parameters.
     *
     * @param steps          MD steps
     * @param timestep       Δt in ps
     * @param temperature    T in K
     * @param friction       γ in 1/ps
     * @param sampleInterval a frame is sampled every this many steps
     * @param maxForce       explosion threshold on |F_i,k|, eV/Å
     */
    public record Params(int steps, double timestep, double temperature, double friction, int sampleInterval,
                         double maxForce) {
        /** Validates. */
        public Params {
            if (steps < 1 || !(timestep > 0) || !(temperature >= 0) || !(friction > 0) || sampleInterval < 1
                    || !(maxForce > 0)) {
                throw new IllegalArgumentException("Langevin chunk needs steps >= 1, timestep > 0 ps, temperature >= 0 K,"
                        + " friction > 0 1/ps, sample interval >= 1, max force > 0 eV/Å; got " + this);
            }
        }
    }

    /**
     * Result of a chunk.
     *
     * @param structure  final structure
     * @param velocities final velocities, Å/ps
     * @param frames     sampled structures
     * @param stepsDone  steps completed
     * @param exploded   whether the chunk stopped on an explosion
     */
    public record Result(Structure structure, double[] velocities, List<Structure> frames, int stepsDone,
                         boolean exploded) {
    }

    /** @return Maxwell–Boltzmann velocities (Å/ps) at T with zero total momentum. */
    public static double[] maxwellBoltzmann(Structure s, double temperature, SplittableRandom rng) {
        Gaussian g = new Gaussian(rng);
        double[] m = s.masses();
        double[] v = new double[3 * s.size()];
        double[] p = new double[3];
        double mt = 0;
        for (int i = 0; i < s.size(); i++) {
            double sd = Math.sqrt(Units.KB_EV_PER_K * temperature / m[i] * Units.EV_PER_A_AMU_TO_A_PER_PS2);
            for (int k = 0; k < 3; k++) {
                v[3 * i + k] = sd * g.next();
                p[k] += m[i] * v[3 * i + k];
            }
            mt += m[i];
        }
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < 3; k++) {
                v[3 * i + k] -= p[k] / mt;
            }
        }
        return v;
    }

    /**
     * Runs one chunk.
     *
     * @param potential  the force field
     * @param start      the start structure
     * @param velocities start velocities, Å/ps (not modified)
     * @param params     chunk parameters
     * @param rng        the random stream (advanced)
     * @return the final state and the sampled frames
     */
    public static Result run(Potential potential, Structure start, double[] velocities, Params params,
                             SplittableRandom rng) {
        Gaussian g = new Gaussian(rng);
        double[] m = start.masses();
        int n = start.size();
        double[] r = start.positions();
        double[] v = velocities.clone();
        double dt = params.timestep();
        double c = Units.EV_PER_A_AMU_TO_A_PER_PS2;
        double c1 = Math.exp(-params.friction() * dt);
        double c2 = Math.sqrt(1 - c1 * c1);
        double kT = Units.KB_EV_PER_K * params.temperature();
        Structure s = start;
        double[] f = forces(potential, s, params.maxForce());
        List<Structure> frames = new ArrayList<>();
        if (f == null) {
            return new Result(s, v, frames, 0, true);
        }
        for (int step = 1; step <= params.steps(); step++) {
            for (int i = 0; i < n; i++) {
                double sd = Math.sqrt(kT * c / m[i]);
                for (int k = 0; k < 3; k++) {
                    int a = 3 * i + k;
                    v[a] += 0.5 * dt * f[a] / m[i] * c;
                    r[a] += 0.5 * dt * v[a];
                    v[a] = c1 * v[a] + c2 * sd * g.next();
                    r[a] += 0.5 * dt * v[a];
                }
            }
            s = s.withPositions(r);
            f = forces(potential, s, params.maxForce());
            if (f == null) {
                return new Result(s, v, frames, step, true);
            }
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 3; k++) {
                    v[3 * i + k] += 0.5 * dt * f[3 * i + k] / m[i] * c;
                }
            }
            if (step % params.sampleInterval() == 0) {
                frames.add(s);
            }
        }
        return new Result(s, v, frames, params.steps(), false);
    }

    /** @return forces (eV/Å), or null on a non-finite energy/force or one above maxForce. */
    private static double[] forces(Potential p, Structure s, double maxForce) {
        ForceResult fr;
        try {
            fr = p.compute(s);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
        if (!Double.isFinite(fr.energy())) {
            return null;
        }
        for (double x : fr.forces()) {
            if (!Double.isFinite(x) || Math.abs(x) > maxForce) {
                return null;
            }
        }
        return fr.forces();
    }
}
