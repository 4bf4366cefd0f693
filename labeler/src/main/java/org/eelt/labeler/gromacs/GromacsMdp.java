package org.eelt.labeler.gromacs;

import java.util.Locale;

/**
 * Writes the GROMACS run-parameter (.mdp) files of the oracle as pure functions of
 * {@link GromacsSettings}. GROMACS units: nm, ps, K.
 *
 * <p>Vacuum is a periodic cubic box ({@code pbc = xyz}, required by the Verlet scheme) with plain
 * cut-offs: with a 3 nm box, a 1.4 nm cut-off and a molecule under 1 nm across, no periodic image is
 * within the cut-off, and every intramolecular pair is inside it. GROMACS's plain Coulomb cut-off is
 * reaction-field with ε_rf = 1, i.e. k_rf = 0 and a constant potential shift c_rf, so the forces of all
 * pairs inside the cut-off are exactly those of vacuum Coulomb; the Lennard-Jones potential shift is
 * likewise a constant. Bonds to hydrogen are constrained (LINCS) so that dt = 0.002 ps is stable.
 */
public final class GromacsMdp {
    private GromacsMdp() {
    }

    /**
     * @param s settings
     * @return steepest-descent energy minimisation (up to 5000 steps, F_max &lt; 10 kJ/mol/nm)
     */
    public static String minimisation(GromacsSettings s) {
        return "; EELT GROMACS oracle: energy minimisation in vacuum\n"
                + "integrator = steep\n"
                + "nsteps = 5000\n"
                + "emtol = 10\n"
                + "emstep = 0.01\n"
                + interactions(s);
    }

    /**
     * Restrained production run; frames (the φ/ψ samples) every {@link GromacsSettings#outputInterval()} steps.
     *
     * @param s     settings
     * @param steps number of MD steps
     * @param seed  seed of the velocities and of the stochastic integrator (0 ≤ seed &lt; 2³¹)
     * @return the .mdp text
     */
    public static String production(GromacsSettings s, long steps, long seed) {
        return "; EELT GROMACS oracle: restrained " + s.integrator() + " run\n" + dynamics(s, steps, seed);
    }

    /**
     * Pre-pull: a restrained run whose dihedral-restraint centers move linearly from their A-state
     * values (the start conformation's angles) to their B-state values (the label's center) as λ goes
     * from 0 to 1 over {@code steps} steps (GROMACS slow growth on the restraint parameters only).
     *
     * @param s     settings
     * @param steps number of MD steps of the pull
     * @param seed  seed (0 ≤ seed &lt; 2³¹)
     * @return the .mdp text
     */
    public static String prePull(GromacsSettings s, long steps, long seed) {
        return "; EELT GROMACS oracle: pre-pull of the restraint centers (lambda 0 -> 1)\n"
                + dynamics(s, steps, seed)
                + "free-energy = yes\n"
                + "init-lambda = 0\n"
                + String.format(Locale.ROOT, "delta-lambda = %.10g%n", 1.0 / steps)
                + "nstdhdl = 0\n";
    }

    private static String dynamics(GromacsSettings s, long steps, long seed) {
        StringBuilder b = new StringBuilder();
        b.append("integrator = ").append(s.integrator()).append('\n');
        b.append(String.format(Locale.ROOT, "dt = %s%n", s.timeStepPs()));
        b.append("nsteps = ").append(steps).append('\n');
        b.append("ld-seed = ").append(seed).append('\n');
        if (s.integrator().equals("md")) {
            b.append("tcoupl = v-rescale\n");
        }
        b.append("tc-grps = System\n");
        b.append("tau-t = 0.1\n");
        b.append(String.format(Locale.ROOT, "ref-t = %s%n", s.temperatureK()));
        b.append("gen-vel = yes\n");
        b.append(String.format(Locale.ROOT, "gen-temp = %s%n", s.temperatureK()));
        b.append("gen-seed = ").append(seed).append('\n');
        b.append("constraints = h-bonds\n");
        b.append("constraint-algorithm = lincs\n");
        b.append("comm-mode = linear\n");
        b.append("nstxout-compressed = ").append(s.outputInterval()).append('\n');
        b.append("compressed-x-precision = 10000\n");
        b.append("nstenergy = ").append(s.outputInterval()).append('\n');
        b.append("nstcalcenergy = ").append(s.outputInterval()).append('\n');
        b.append("nstlog = ").append(Math.max(s.outputInterval(), steps)).append('\n');
        b.append(interactions(s));
        return b.toString();
    }

    private static String interactions(GromacsSettings s) {
        return "pbc = xyz\n"
                + "cutoff-scheme = Verlet\n"
                + "coulombtype = Cut-off\n"
                + String.format(Locale.ROOT, "rcoulomb = %s%n", s.cutoffNm())
                + "vdwtype = Cut-off\n"
                + String.format(Locale.ROOT, "rvdw = %s%n", s.cutoffNm());
    }
}
