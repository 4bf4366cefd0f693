package org.eelt.explorer.md;

import org.eelt.protocol.atoms.Frame;

/** Receives thermo samples and trajectory frames from an {@link MdRunner}. */
public interface MdListener {
    /** Called every {@code thermoEvery} steps (and at step 0). */
    default void thermo(ThermoSample sample) {
    }

    /**
     * Called every {@code trajectoryEvery} steps (and at step 0) with wrapped positions, energy,
     * forces and virial.
     */
    default void frame(long step, double time, Frame frame) {
    }
}
