package org.eelt.explorer.md;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.units.Units;

/**
 * A resumable MD run: the {@link MdState} together with everything else the integrator carries
 * from one step to the next — the random stream of the thermostat and barostat (one
 * {@link Gaussian} on a {@link SplittableRandom} seeded from {@link MdSettings#seed()}), the
 * force engine with its neighbor list, the last forces and virial, and the energy the thermostat
 * has put in. {@link #advance} integrates a chunk of steps; advancing in chunks of n₁, n₂, … gives
 * bit for bit the trajectory of one run of n₁ + n₂ + … steps (a walker thus stays responsive
 * between chunks without changing its dynamics). The schemes are those of {@link MdRunner}.
 *
 * <p>{@link #switchPotential} continues the trajectory with another potential (a walker picking up
 * a newer model): positions, velocities, cell and random stream carry over, forces are evaluated
 * anew, and the energy jump E_new − E_old is booked with the thermostat's work so the conserved
 * quantity stays continuous. The first {@code advance} draws the initial velocities (when the
 * settings ask for them) and reports step 0 to the runner's listeners; a chunk listener passed to
 * {@code advance} sees only the steps of that chunk. After an explosion the session is spent.
 * Not thread-safe: one thread at a time (a walker hands it from chunk to chunk).
 */
public final class MdSession {
    private static final double ACC = Units.EV_PER_A_AMU_TO_A_PER_PS2;

    private final MdSettings c;
    private final BiasForce bias;
    private final List<MdListener> listeners;
    private final MdState s;
    private final Gaussian gauss;
    private final int dof;
    private final double kT;
    private Potential potential;
    private ForceEngine engine;
    private ForceEngine.Evaluation eval;
    private double thermostatIn;
    private ThermoSample last;
    private boolean started;
    private String failure;
    private int retiredBuilds;

    MdSession(Potential potential, MdSettings settings, BiasForce bias, List<MdListener> listeners, MdState state) {
        if (settings.barostat() != MdSettings.Barostat.NONE && !state.cell.isFullyPeriodic()) {
            throw new IllegalArgumentException("the barostat needs a fully periodic cell, got " + state.cell
                    + ": use NVT for slabs and molecules");
        }
        this.potential = potential;
        this.c = settings;
        this.bias = bias;
        this.listeners = listeners;
        this.s = state;
        this.gauss = new Gaussian(new SplittableRandom(settings.seed()));
        boolean momentum = s.freeAtoms() == s.size() && c.thermostat() != MdSettings.Thermostat.LANGEVIN
                && s.size() > 1;
        this.dof = Math.max(1, 3 * s.freeAtoms() - (momentum ? 3 : 0));
        this.kT = Units.KB_EV_PER_K * c.temperature();
    }

    /** @return the live state (positions, velocities, cell, step, time); read it between chunks only. */
    public MdState state() {
        return s;
    }

    /** @return the settings. */
    public MdSettings settings() {
        return c;
    }

    /** @return the potential the next step uses. */
    public Potential potential() {
        return potential;
    }

    /** @return whether the run stopped on an explosion (then it cannot be advanced). */
    public boolean exploded() {
        return failure != null;
    }

    /**
     * Continues with another potential from the next step on (the forces are evaluated at the
     * current positions when the next chunk starts).
     */
    public void switchPotential(Potential p) {
        if (p != potential) {
            potential = p;
            if (engine != null) {
                retiredBuilds += engine.builds();
                engine = null;
            }
        }
    }

    /** Integrates {@code steps} more steps; see {@link #advance(long, MdListener)}. */
    public MdResult advance(long steps) {
        return advance(steps, null);
    }

    /**
     * Integrates {@code steps} more steps (fewer when the system explodes), mutating the state.
     *
     * @param steps the chunk length (≥ 0)
     * @param chunk a listener for the thermo samples and frames of this chunk's steps, or null
     * @return the chunk's outcome; its step count and times are those of this chunk
     * @throws IllegalStateException when the session exploded before
     */
    public MdResult advance(long steps, MdListener chunk) {
        if (steps < 0) {
            throw new IllegalArgumentException("cannot advance " + steps + " steps");
        }
        if (failure != null) {
            throw new IllegalStateException("the MD run exploded (" + failure + "); start a new session");
        }
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        int builds0 = builds();
        if (!started) {
            if (c.initialVelocities()) {
                Velocities.maxwellBoltzmann(s, c.temperature(), dof, gauss);
            }
        }
        if (engine == null) {
            engine = new ForceEngine(potential, c.skin(), bias);
            double before = eval == null ? Double.NaN : eval.energy();
            eval = engine.evaluate(s);
            if (started && Double.isFinite(before) && Double.isFinite(eval.energy())) {
                thermostatIn += eval.energy() - before;
            }
            failure = check(true);
        }
        if (!started) {
            started = true;
            report(true, null);
        }
        long done = 0;
        while (failure == null && done < steps) {
            step();
            s.step++;
            s.time += c.timestep();
            done++;
            failure = check(s.step % c.checkEvery() == 0);
            report(failure != null || done == steps, chunk);
        }
        if (last == null || last.step() != s.step) {
            last = sample();
        }
        double wall = (System.nanoTime() - t0) * 1e-9;
        long c1 = cpuNanos();
        double cpu = c0 < 0 || c1 < 0 ? Double.NaN : (c1 - c0) * 1e-9;
        return new MdResult(failure == null ? MdResult.Status.COMPLETED : MdResult.Status.EXPLODED, failure, done,
                last, builds() - builds0, wall, cpu);
    }

    private int builds() {
        return retiredBuilds + (engine == null ? 0 : engine.builds());
    }

    private static long cpuNanos() {
        java.lang.management.ThreadMXBean b = java.lang.management.ManagementFactory.getThreadMXBean();
        return b.isCurrentThreadCpuTimeSupported() ? b.getCurrentThreadCpuTime() : -1;
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
        if (vir == null) {
            throw new IllegalStateException("the barostat needs the virial, and the potential "
                    + potential.getClass().getSimpleName() + " returned none: use NVT with this potential");
        }
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
            if (Math.abs(f[k]) > c.maxForce()) {
                return at + String.format(Locale.ROOT, "force component %.3g eV/Å on atom %d exceeds maxForce %.3g"
                        + " eV/Å: the structure left the potential's domain", f[k], k / 3, c.maxForce());
            }
        }
        double ke = Kinetics.kineticEnergy(s.masses, s.velocities);
        double t = Kinetics.temperature(ke, dof);
        if (!Double.isFinite(t)) {
            return at + "non-finite velocities: reduce the timestep";
        }
        if (c.temperature() > 0 && t > c.maxTemperatureFactor() * c.temperature()) {
            return at + String.format(Locale.ROOT,
                    "temperature %.1f K exceeds %.0f x the target %.1f K: the dynamics is unstable; "
                            + "reduce the timestep or check the potential", t, c.maxTemperatureFactor(),
                    c.temperature());
        }
        if (distances && c.minDistance() > 0) {
            double[] cp = engine.closestPair(s);
            if (cp[0] < c.minDistance()) {
                return at + String.format(Locale.ROOT,
                        "atoms %d and %d are %.3f Å apart, closer than minDistance %.3f Å: the structure "
                                + "collapsed; reduce the timestep or the temperature", (int) cp[1], (int) cp[2],
                        cp[0], c.minDistance());
            }
        }
        return null;
    }

    private ThermoSample sample() {
        double ke = Kinetics.kineticEnergy(s.masses, s.velocities);
        boolean periodic = s.cell.isFullyPeriodic();
        double vol = periodic ? s.cell.volume() : Double.NaN;
        double p = periodic && eval.virial() != null ? Units.evPerA3ToBar(Kinetics.pressure(ke, eval.virial(), vol))
                : Double.NaN;
        double tot = eval.energy() + ke;
        return new ThermoSample(s.step, s.time, Kinetics.temperature(ke, dof), p, eval.energy(), ke, tot,
                tot - thermostatIn, vol);
    }

    private void report(boolean force, MdListener chunk) {
        boolean thermo = force || s.step % c.thermoEvery() == 0;
        boolean frame = c.trajectoryEvery() > 0 && s.step % c.trajectoryEvery() == 0;
        if (!thermo && !frame) {
            return;
        }
        List<MdListener> to = listeners;
        if (chunk != null) {
            to = new ArrayList<>(listeners);
            to.add(chunk);
        }
        last = sample();
        if (thermo) {
            for (MdListener l : to) {
                l.thermo(last);
            }
        }
        if (frame && !to.isEmpty()) {
            Frame fr = new Frame(s.wrappedStructure(), eval.energy(), eval.forces(), eval.virial(), null);
            for (MdListener l : to) {
                l.frame(s.step, s.time, fr);
            }
        }
    }
}
