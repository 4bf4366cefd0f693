package org.eelt.trainer.loss;

import org.eelt.trainer.model.Environment;

/**
 * One labeled training frame with its se_e2_a environment.
 *
 * @param env    environment (neighbor slots, displacements in Å)
 * @param energy label energy in eV, or NaN when absent
 * @param forces label forces (3N, eV/Å) or null
 * @param virial label virial (9, eV, row-major) or null
 */
public record TrainFrame(Environment env, double energy, double[] forces, double[] virial) {
    /** @return the number of atoms. */
    public int natoms() {
        return env.natoms();
    }
}
