package org.eelt.protocol.atoms;

import java.util.Objects;

/**
 * A frame of the training set: a structure with a reference energy (eV) and forces (3N, eV/Å),
 * optionally a virial (9, eV) and per-atom energies (N, eV), and its {@link Provenance}.
 *
 * @param frame      the structure and labels; energy and forces must be present and finite
 * @param provenance who computed the labels, with which settings and code version
 */
public record LabeledFrame(Frame frame, Provenance provenance) {
    /** Validates that the frame carries a finite energy and finite forces. */
    public LabeledFrame {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(provenance, "provenance");
        if (!frame.hasEnergy() || !frame.hasForces()) {
            throw new IllegalArgumentException("a labeled frame needs an energy and forces");
        }
        if (!Double.isFinite(frame.energy())) {
            throw new IllegalArgumentException("labeled frame has a non-finite energy " + frame.energy());
        }
        requireFinite("forces", frame.forces());
        if (frame.hasVirial()) {
            requireFinite("virial", frame.virial());
        }
        if (frame.hasAtomicEnergies()) {
            requireFinite("atomic energies", frame.atomicEnergies());
        }
    }

    private static void requireFinite(String what, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException("labeled frame has a non-finite value in " + what + " at index " + i);
            }
        }
    }

    /** @return the structure. */
    public Structure structure() {
        return frame.structure();
    }

    /** @return the energy in eV. */
    public double energy() {
        return frame.energy();
    }

    /** @return a copy of the forces (3N, eV/Å). */
    public double[] forces() {
        return frame.forces();
    }
}
