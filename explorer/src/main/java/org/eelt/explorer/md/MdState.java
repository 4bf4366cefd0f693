package org.eelt.explorer.md;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;

import java.util.Arrays;

/**
 * The mutable dynamical state of an MD run: species, masses (amu), positions (Å), velocities
 * (Å/ps), cell, fixed-atom mask, step count and time (ps). Positions are kept unwrapped between
 * neighbor-list rebuilds (the force engine wraps them into the cell when it rebuilds).
 * Not thread-safe: one run owns a state.
 */
public final class MdState {
    final String[] species;
    final double[] masses;
    final double[] positions;
    final double[] velocities;
    final boolean[] fixed;
    Cell cell;
    long step;
    double time;

    private MdState(String[] species, double[] masses, double[] positions, double[] velocities, Cell cell,
                    boolean[] fixed) {
        this.species = species;
        this.masses = masses;
        this.positions = positions;
        this.velocities = velocities;
        this.cell = cell;
        this.fixed = fixed;
    }

    /** @return a state at rest with standard atomic masses (species must be element symbols). */
    public static MdState of(Structure s) {
        return of(s, s.masses());
    }

    /**
     * @param s      the configuration
     * @param masses per-atom masses in amu (&gt; 0)
     * @return a state at rest
     */
    public static MdState of(Structure s, double[] masses) {
        if (masses.length != s.size()) {
            throw new IllegalArgumentException(masses.length + " masses for " + s.size() + " atoms");
        }
        for (int i = 0; i < masses.length; i++) {
            if (!(masses[i] > 0) || !Double.isFinite(masses[i])) {
                throw new IllegalArgumentException("mass of atom " + i + " (" + s.species(i) + ") must be > 0 amu, got "
                        + masses[i]);
            }
        }
        return new MdState(s.species(), masses.clone(), s.positions(), new double[3 * s.size()], s.cell(),
                new boolean[s.size()]);
    }

    /** Marks atoms as fixed: they never move and carry zero velocity. Returns this. */
    public MdState fix(int... atoms) {
        for (int a : atoms) {
            if (a < 0 || a >= fixed.length) {
                throw new IllegalArgumentException("cannot fix atom " + a + ": the state has " + fixed.length + " atoms");
            }
            fixed[a] = true;
            velocities[3 * a] = velocities[3 * a + 1] = velocities[3 * a + 2] = 0;
        }
        return this;
    }

    /** Sets the velocities (3N, Å/ps); fixed atoms keep zero. Returns this. */
    public MdState setVelocities(double[] v) {
        if (v.length != velocities.length) {
            throw new IllegalArgumentException(v.length + " velocity components for " + size() + " atoms");
        }
        System.arraycopy(v, 0, velocities, 0, v.length);
        for (int i = 0; i < fixed.length; i++) {
            if (fixed[i]) {
                velocities[3 * i] = velocities[3 * i + 1] = velocities[3 * i + 2] = 0;
            }
        }
        return this;
    }

    /** @return the number of atoms. */
    public int size() {
        return species.length;
    }

    /** @return the number of atoms free to move. */
    public int freeAtoms() {
        int n = 0;
        for (boolean f : fixed) {
            n += f ? 0 : 1;
        }
        return n;
    }

    /** @return whether atom i is fixed. */
    public boolean isFixed(int i) {
        return fixed[i];
    }

    /** @return a copy of the positions (Å). */
    public double[] positions() {
        return positions.clone();
    }

    /** @return a copy of the velocities (Å/ps). */
    public double[] velocities() {
        return velocities.clone();
    }

    /** @return a copy of the masses (amu). */
    public double[] masses() {
        return masses.clone();
    }

    /** @return the current cell. */
    public Cell cell() {
        return cell;
    }

    /** @return the number of steps taken. */
    public long step() {
        return step;
    }

    /** @return the simulated time in ps. */
    public double time() {
        return time;
    }

    /** @return the configuration with positions as stored (possibly slightly outside the cell). */
    public Structure structure() {
        return new Structure(species, positions, cell);
    }

    /** @return the configuration with positions wrapped into the cell along periodic axes. */
    public Structure wrappedStructure() {
        return new Structure(species, cell.wrap(positions), cell);
    }

    /**
     * Wraps positions into the cell in place (only the force engine calls this, at rebuilds): an
     * atom outside the cell along a periodic axis is moved by the integer lattice vector −⌊f⌋·H;
     * atoms inside are left bit for bit unchanged.
     */
    void wrap() {
        if (!cell.isPeriodic()) {
            return;
        }
        double[] f = new double[3];
        for (int i = 0; i < species.length; i++) {
            cell.toFractional(positions[3 * i], positions[3 * i + 1], positions[3 * i + 2], f);
            for (int k = 0; k < 3; k++) {
                double n = cell.periodic(k) ? Math.floor(f[k]) : 0;
                if (n != 0) {
                    for (int c = 0; c < 3; c++) {
                        positions[3 * i + c] -= n * cell.get(k, c);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "MdState[" + size() + " atoms, step " + step + ", t=" + time + " ps, fixed "
                + (size() - freeAtoms()) + ", species " + Arrays.stream(species).distinct().toList() + "]";
    }
}
