package org.eelt.explorer.md;

import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.units.Units;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs MD on an {@link MdState}. One step, with a = F/m · (1/Units.AMU_A2_PER_PS2_EV) (Å/ps²):
 * <ul>
 *   <li>NVE (velocity Verlet): v += a Δt/2; r += v Δt; F(r); v += a Δt/2.</li>
 *   <li>Bussi NVT: Bussi rescale over Δt/2; velocity Verlet; Bussi rescale over Δt/2.</li>
 *   <li>Langevin NVT (BAOAB): v += a Δt/2; r += v Δt/2; v = c₁ v + √((1 − c₁²) k_B T/m) ξ with
 *       c₁ = exp(−Δt/τ); r += v Δt/2; F(r); v += a Δt/2.</li>
 *   <li>NPT: as the thermostat's scheme, with a {@link StochasticCellRescaling} step after the
 *       drift (pressure from the current kinetic tensor and the last virial): cell and all
 *       positions scaled by λ, free-atom velocities by 1/λ, before the forces.</li>
 * </ul>
 * Fixed atoms are never integrated (zero velocity); under a barostat they follow the cell's
 * affine deformation like every atom, keeping their fractional coordinates. Temperature uses N_dof = 3 N_free − 3 when momentum is conserved (no
 * fixed atoms, no Langevin friction) and 3 N_free otherwise. After each step the run stops with
 * {@link MdResult.Status#EXPLODED} and a reason naming the step when the energy or a force is not
 * finite, when T exceeds {@code maxTemperatureFactor} × the target, or (every {@code checkEvery}
 * steps) when two atoms are closer than {@code minDistance}. The runner is reusable; each
 * {@link #run} owns its random stream, seeded from the settings.
 */
public final class MdRunner {
    private static final double ACC = Units.EV_PER_A_AMU_TO_A_PER_PS2;

    private final Potential potential;
    private final MdSettings settings;
    private final BiasForce bias;
    private final List<MdListener> listeners;

    /** @param potential the potential; {@code settings} the run settings */
    public MdRunner(Potential potential, MdSettings settings) {
        this(potential, settings, null, List.of());
    }

    private MdRunner(Potential potential, MdSettings settings, BiasForce bias, List<MdListener> listeners) {
        this.potential = potential;
        this.settings = settings;
        this.bias = bias;
        this.listeners = listeners;
    }

    /** @return a runner that adds this bias force to the potential */
    public MdRunner withBias(BiasForce b) {
        return new MdRunner(potential, settings, b, listeners);
    }

    /** @return a runner that also reports to this listener */
    public MdRunner withListener(MdListener l) {
        List<MdListener> all = new ArrayList<>(listeners);
        all.add(l);
        return new MdRunner(potential, settings, bias, List.copyOf(all));
    }

    /** @return the settings. */
    public MdSettings settings() {
        return settings;
    }

    /**
     * Integrates {@code settings.steps()} steps, mutating the state.
     *
     * @throws IllegalArgumentException when a barostat is requested for a cell that is not fully periodic
     */
    public MdResult run(MdState state) {
        if (settings.barostat() != MdSettings.Barostat.NONE && !state.cell.isFullyPeriodic()) {
            throw new IllegalArgumentException("the barostat needs a fully periodic cell, got " + state.cell
                    + ": use NVT for slabs and molecules");
        }
        return new Run(state).execute();
    }

    private static long cpuNanos() {
        java.lang.management.ThreadMXBean b = java.lang.management.ManagementFactory.getThreadMXBean();
        return b.isCurrentThreadCpuTimeSupported() ? b.getCurrentThreadCpuTime() : -1;
    }

    /** The scratch of one run. */
    private final class Run {
        private final MdState s;
        private final MdSettings c = settings;
        private final Gaussian gauss = new Gaussian(new SplittableRandom(settings.seed()));
        private final ForceEngine engine = new ForceEngine(potential, settings.skin(), bias);
        private final int dof;
        private final double kT;
        private ForceEngine.Evaluation eval;
        private double thermostatIn;
        private ThermoSample last;

        Run(MdState s) {
            this.s = s;
            boolean momentum = s.freeAtoms() == s.size() && c.thermostat() != MdSettings.Thermostat.LANGEVIN
                    && s.size() > 1;
            this.dof = Math.max(1, 3 * s.freeAtoms() - (momentum ? 3 : 0));
            this.kT = Units.KB_EV_PER_K * c.temperature();
        }

        MdResult execute() {
            long t0 = System.nanoTime();
            long c0 = cpuNanos();
            if (c.initialVelocities()) {
                Velocities.maxwellBoltzmann(s, c.temperature(), dof, gauss);
            }
            eval = engine.evaluate(s);
            String failure = check(true);
            report(true);
            long done = 0;
            while (failure == null && done < c.steps()) {
                step();
                s.step++;
                s.time += c.timestep();
                done++;
                failure = check(s.step % c.checkEvery() == 0);
                report(failure != null || done == c.steps());
            }
            double wall = (System.nanoTime() - t0) * 1e-9;
            long c1 = cpuNanos();
            double cpu = c0 < 0 || c1 < 0 ? Double.NaN : (c1 - c0) * 1e-9;
            return new MdResult(failure == null ? MdResult.Status.COMPLETED : MdResult.Status.EXPLODED, failure,
                    done, last, engine.builds(), wall, cpu);
        }

        private void step() {
            double dt = c.timestep();
            switch (c.thermostat()) {
                case NONE -> {
                    kick(0.5 * dt);
                    drift(dt);
                    forces();
                    kick(0.5 * dt);
                }
                case BUSSI -> {
                    bussi(0.5 * dt);
                    kick(0.5 * dt);
                    drift(dt);
                    forces();
                    kick(0.5 * dt);
                    bussi(0.5 * dt);
                }
                case LANGEVIN -> {
                    kick(0.5 * dt);
                    drift(0.5 * dt);
                    langevin(dt);
                    drift(0.5 * dt);
                    forces();
                    kick(0.5 * dt);
                }
                default -> throw new IllegalStateException("unknown thermostat " + c.thermostat());
            }
        }

        /** Barostat (if any) then forces at the new positions. */
        private void forces() {
            if (c.barostat() != MdSettings.Barostat.NONE) {
                barostat();
            }
            eval = engine.evaluate(s);
        }

        private void kick(double h) {
            double[] f = eval.forces();
            for (int i = 0; i < s.size(); i++) {
                if (s.fixed[i]) {
                    continue;
                }
                double w = h * ACC / s.masses[i];
                s.velocities[3 * i] += w * f[3 * i];
                s.velocities[3 * i + 1] += w * f[3 * i + 1];
                s.velocities[3 * i + 2] += w * f[3 * i + 2];
            }
        }

        private void drift(double h) {
            for (int i = 0; i < s.size(); i++) {
                if (s.fixed[i]) {
                    continue;
                }
                s.positions[3 * i] += h * s.velocities[3 * i];
                s.positions[3 * i + 1] += h * s.velocities[3 * i + 1];
                s.positions[3 * i + 2] += h * s.velocities[3 * i + 2];
            }
        }

        private void langevin(double h) {
            double c1 = Math.exp(-h / c.thermostatTau());
            double c2 = Math.sqrt(1 - c1 * c1);
            double before = Kinetics.kineticEnergy(s.masses, s.velocities);
            for (int i = 0; i < s.size(); i++) {
                if (s.fixed[i]) {
                    continue;
                }
                double sd = c2 * Math.sqrt(kT / s.masses[i] * ACC);
                for (int k = 3 * i; k < 3 * i + 3; k++) {
                    s.velocities[k] = c1 * s.velocities[k] + sd * gauss.next();
                }
            }
            thermostatIn += Kinetics.kineticEnergy(s.masses, s.velocities) - before;
        }

        private void bussi(double h) {
            double k = Kinetics.kineticEnergy(s.masses, s.velocities);
            double alpha = BussiThermostat.scaleFactor(k, 0.5 * dof * kT, dof, Math.exp(-h / c.thermostatTau()), gauss);
            for (int i = 0; i < s.velocities.length; i++) {
                s.velocities[i] *= alpha;
            }
            thermostatIn += k * (alpha * alpha - 1);
        }

        private void barostat() {
            double v = s.cell.volume();
            double[] p = Kinetics.kineticTensor(s.masses, s.velocities);
            double[] vir = eval.virial();
            for (int k = 0; k < 9; k++) {
                p[k] = (p[k] + vir[k]) / v;
            }
            double[] l = StochasticCellRescaling.step(c.barostat() == MdSettings.Barostat.ANISOTROPIC, p,
                    Units.barToEvPerA3(c.pressure()), kT, v, c.compressibility() * Units.EV_PER_A3_BAR,
                    c.barostatTau(), c.timestep(), gauss);
            double[] m = {l[0], 0, 0, 0, l[1], 0, 0, 0, l[2]};
            for (int i = 0; i < s.size(); i++) {
                for (int a = 0; a < 3; a++) {
                    s.positions[3 * i + a] *= l[a];
                    if (!s.fixed[i]) {
                        s.velocities[3 * i + a] /= l[a];
                    }
                }
            }
            Cell cell = s.cell.transformed(m);
            s.cell = cell;
            engine.deform(m, cell);
        }

        private String check(boolean distances) {
            String at = "step " + s.step + " (t = " + s.time + " ps): ";
            if (!Double.isFinite(eval.energy())) {
                return at + "the potential energy is " + eval.energy()
                        + ": the potential failed; reduce the timestep or check the structure";
            }
            double[] f = eval.forces();
            for (int k = 0; k < f.length; k++) {
                if (!Double.isFinite(f[k])) {
                    return at + "non-finite force " + f[k] + " on atom " + k / 3
                            + ": reduce the timestep or check the structure";
                }
            }
            double ke = Kinetics.kineticEnergy(s.masses, s.velocities);
            double t = Kinetics.temperature(ke, dof);
            if (!Double.isFinite(t)) {
                return at + "non-finite velocities: reduce the timestep";
            }
            if (c.temperature() > 0 && t > c.maxTemperatureFactor() * c.temperature()) {
                return at + String.format(java.util.Locale.ROOT,
                        "temperature %.1f K exceeds %.0f x the target %.1f K: the dynamics is unstable; "
                                + "reduce the timestep or check the potential", t, c.maxTemperatureFactor(),
                        c.temperature());
            }
            if (distances && c.minDistance() > 0) {
                double[] cp = engine.closestPair(s);
                if (cp[0] < c.minDistance()) {
                    return at + String.format(java.util.Locale.ROOT,
                            "atoms %d and %d are %.3f Å apart, closer than minDistance %.3f Å: the structure "
                                    + "collapsed; reduce the timestep or the temperature", (int) cp[1], (int) cp[2],
                            cp[0], c.minDistance());
                }
            }
            return null;
        }

        private void report(boolean force) {
            boolean thermo = force || s.step % c.thermoEvery() == 0;
            boolean frame = c.trajectoryEvery() > 0 && s.step % c.trajectoryEvery() == 0;
            if (!thermo && !frame) {
                return;
            }
            double ke = Kinetics.kineticEnergy(s.masses, s.velocities);
            boolean periodic = s.cell.isFullyPeriodic();
            double vol = periodic ? s.cell.volume() : Double.NaN;
            double p = periodic ? Units.evPerA3ToBar(Kinetics.pressure(ke, eval.virial(), vol)) : Double.NaN;
            double tot = eval.energy() + ke;
            last = new ThermoSample(s.step, s.time, Kinetics.temperature(ke, dof), p, eval.energy(), ke, tot,
                    tot - thermostatIn, vol);
            if (thermo) {
                for (MdListener l : listeners) {
                    l.thermo(last);
                }
            }
            if (frame && !listeners.isEmpty()) {
                Frame fr = new Frame(s.wrappedStructure(), eval.energy(), eval.forces(), eval.virial(), null);
                for (MdListener l : listeners) {
                    l.frame(s.step, s.time, fr);
                }
            }
        }
    }
}
