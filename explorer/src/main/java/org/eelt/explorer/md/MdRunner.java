package org.eelt.explorer.md;

import org.eelt.potential.Potential;

import java.util.ArrayList;
import java.util.List;

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
 * steps) when two atoms are closer than {@code minDistance}, or when a force component exceeds
 * {@code maxForce}. The runner is reusable; each {@link #run} or {@link #session} owns its random
 * stream, seeded from the settings. The integration itself lives in {@link MdSession}, which
 * {@link #session} hands out for runs advanced in chunks.
 */
public final class MdRunner {
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
        return session(state).advance(settings.steps());
    }

    /**
     * @param state the state to integrate (the session mutates it)
     * @return a resumable run of this runner on {@code state}, advanced in chunks by
     *         {@link MdSession#advance}; its random stream is seeded from the settings
     * @throws IllegalArgumentException when a barostat is requested for a cell that is not fully periodic
     */
    public MdSession session(MdState state) {
        return new MdSession(potential, settings, bias, listeners, state);
    }
}
