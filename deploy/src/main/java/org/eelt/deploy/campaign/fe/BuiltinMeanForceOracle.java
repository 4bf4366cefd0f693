package org.eelt.deploy.campaign.fe;

import org.eelt.examiner.agent.Examiner;
import org.eelt.freeenergy.label.RestrainedMd;
import org.eelt.freeenergy.label.RestrainedMdSettings;
import org.eelt.freeenergy.label.RestrainedPotential;
import org.eelt.labeler.agent.CandidateOracle;
import org.eelt.labeler.oracle.CalculationFailedException;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Structure;

/**
 * Mean-force labels by the built-in restrained-MD engine ({@link RestrainedMd}): Langevin MD of
 * the full system with V + Σ κ/2 (s − s0)², started from the candidate configuration (whose CV
 * value is s0) after a short steepest descent on the restrained potential, first 10 % discarded, f = κ⟨wrap(s − s0)⟩ in eV per CV unit with a block-averaged
 * error; a label whose error exceeds the threshold, or whose MD exploded, is a failed attempt
 * (the labeler retries it with a fresh seed, then gives it up).
 */
public final class BuiltinMeanForceOracle implements CandidateOracle {
    private static final int RELAX_STEPS = 200;
    private static final double RELAX_MAX_STEP_A = 0.02;
    private static final double RELAX_ALPHA = 0.01; // Å per eV/Å
    private final FeSpec fe;
    private final Potential potential;
    private final String potentialSettings;
    private final RestrainedMdSettings md;
    private final long seed;
    private int attempt;

    /**
     * @param fe                the free-energy settings (CVs, κ, T, label MD)
     * @param potential         the system's physical potential (eV, Å)
     * @param potentialSettings its canonical text
     * @param seed              base seed
     */
    public BuiltinMeanForceOracle(FeSpec fe, Potential potential, String potentialSettings, long seed) {
        this.fe = fe;
        this.potential = potential;
        this.potentialSettings = potentialSettings;
        this.seed = seed;
        double[] kappa = new double[fe.dimension()];
        java.util.Arrays.fill(kappa, fe.kappa());
        FeSpec.Label l = fe.label();
        this.md = new RestrainedMdSettings(kappa, fe.temperature(), l.timestepPs(), l.steps(), 1 / l.frictionPerPs(),
                l.equilibration(), 1, 16, l.errorThreshold(), 0, seed);
    }

    /**
     * Steepest descent on V + Σ κ/2 (s − s0)² ({@value #RELAX_STEPS} steps of at most
     * {@value #RELAX_MAX_STEP_A} Å per atom) so that the restrained MD does not start on a steep slope
     * of V, where the energy released would overheat a small system in the first steps. The
     * relaxed start lies at the restrained minimum nearest the candidate; the first 10 % of the MD
     * then equilibrate it at T.
     */
    static Structure relax(Potential restrained, Structure start) {
        Structure s = start;
        for (int it = 0; it < RELAX_STEPS; it++) {
            double[] f = restrained.compute(s).forces();
            double fmax = 0;
            for (int i = 0; i < f.length / 3; i++) {
                fmax = Math.max(fmax, Math.sqrt(f[3 * i] * f[3 * i] + f[3 * i + 1] * f[3 * i + 1] + f[3 * i + 2] * f[3 * i + 2]));
            }
            if (fmax < 1e-3) {
                break;
            }
            double scale = Math.min(RELAX_ALPHA, RELAX_MAX_STEP_A / fmax);
            double[] x = s.positions();
            for (int k = 0; k < x.length; k++) {
                x[k] += scale * f[k];
            }
            s = s.withPositions(x);
        }
        return s;
    }

    @Override
    public String name() {
        return "restrained-md";
    }

    @Override
    public String settings() {
        return md.canonical() + ";potential=" + potentialSettings + ";max-err=" + fe.label().errorThreshold();
    }

    @Override
    public Computed compute(Examiner.Candidate c) {
        double[] s0 = MeanForceCandidates.center(fe.cvs(), c);
        long labelSeed = MeanForceCandidates.seed(seed, c) + 7919L * attempt++;
        Structure start = relax(new RestrainedPotential(potential, fe.cvs(), s0, md.kappa()), c.atoms().toStructure());
        RestrainedMd.Outcome o = RestrainedMd.label(potential, potentialSettings, start, null,
                fe.cvs(), s0, md.withSeed(labelSeed), "generation-" + c.generation());
        if (!o.accepted()) {
            throw new CalculationFailedException(name(), o.rejection(), "", null);
        }
        return MeanForceCandidates.computed(s0, o.label().meanForce(), o.label().stdErr(), o.label().samples(), "eV",
                name(), settings(), labelSeed);
    }
}
